import PamyatServer

/// How an ``HTTPServer`` listens and what it allows.
public struct HTTPConfiguration: Sendable {
    /// The address to listen on: an IP address or a host name. Loopback by default.
    public var host = "127.0.0.1"
    /// The TCP port; 0 picks a free one (see ``HTTPServer``'s `onServerRunning`).
    public var port = 7342
    /// The token clients must present (`Authorization: Bearer`, or the session cookie of
    /// `POST /login`); `nil` leaves every route open.
    public var token: AccessToken?
    /// Whether writes (`/api/v1/add`, `/api/v1/import`) are refused with `read-only`.
    public var isReadOnly = false
    /// Whether to listen on a non-loopback address without a token.
    public var allowsInsecureListen = false
    /// The largest JSON request body, in bytes (documents to align, batches of lookups); a larger
    /// one is answered 413 `too-large`.
    public var maximumBodyBytes = 16 * 1_048_576
    /// The largest TMX upload of `/api/v1/import`, in bytes; a larger one is answered 413
    /// `too-large` as soon as the limit is passed, and nothing is imported.
    public var maximumUploadBytes = 512 * 1_048_576
    /// Threads that run the blocking requests (adds, imports, exports, concordance, documents).
    public var workerThreads = ServerConfiguration.defaultWorkerThreads
    /// The version `/api/v1/hello` and the TMX and XLIFF headers report.
    public var version = "unknown"
    /// Whether the session cookie is marked `Secure` (sent over HTTPS only): set it when a TLS
    /// proxy is in front.
    public var secureCookies = false
    /// How long a login session lasts.
    public var sessionLifetime: Duration = .seconds(12 * 3600)

    public init() {}

    /// Checks the port, and that a non-loopback address has a token or `allowsInsecureListen`.
    public func validate() throws(ServerError) {
        guard (0...65535).contains(port) else {
            throw ServerError(.configuration, "The HTTP port \(port) is not from 0 to 65535.", setting: .port)
        }
        guard workerThreads > 0 else {
            throw ServerError(.configuration, "The HTTP server needs at least one worker thread.")
        }
        guard maximumBodyBytes >= 1_024, maximumUploadBytes >= 1_024 else {
            throw ServerError(.configuration, "The HTTP body limits must be at least 1024 bytes.")
        }
        if token == nil, !allowsInsecureListen, !(try ServerConfiguration.isLoopback(host)) {
            throw ServerError(
                .configuration,
                "Refusing to serve HTTP on \(host), which is not a loopback address, without a token: anyone who can reach it could read and write the memory. Give a token, or allow listening without one if the network is trusted.",
                setting: .token)
        }
    }
}
