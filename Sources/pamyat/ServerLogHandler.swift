import Logging

/// The server's log handler: swift-log's `StreamLogHandler` on standard error, the same lines,
/// with the metadata written out only when a line is logged.
///
/// `StreamLogHandler` formats its metadata each time the metadata changes. Hummingbird gives every
/// HTTP request a logger with its own `hb.request.id`, so a server that logs nothing per request
/// (the access log is at debug) still formatted a request id on every request: about 2 % of the
/// server's CPU under load. Wrapping rather than re-implementing keeps swift-log's line format.
struct ServerLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, level: Logger.Level, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var handler = StreamLogHandler.standardError(label: label, metadataProvider: metadataProvider)
        handler.logLevel = logLevel
        handler.metadata = metadata
        handler.log(event: event)
    }
}
