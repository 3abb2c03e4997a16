import ArgumentParser
import Foundation
import Logging
import PamyatHTTP
import PamyatServer
import PamyatWeb
import ServiceLifecycle

extension Pamyat {
    /// `pamyat serve`: the line protocol over TCP (docs/PROTOCOL.md) and the HTTP API (docs/HTTP.md).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve lookups, concordance, segmentation and additions over a line-based TCP protocol and HTTP.",
            discussion: """
                The line protocol: one request per line, one JSON response per line, in order; see \
                docs/PROTOCOL.md. --http PORT also serves the HTTP API (JSON under /api/v1/, TMX \
                export and import, the tmserver API for CAT tools, /metrics; docs/HTTP.md) and the web \
                page at / (search, concordance, align and review, the memory) from the \
                same memories; with --http and without --port only HTTP is served. \
                Listens on loopback unless --listen says otherwise; a non-loopback address needs \
                --token-file (or --insecure). SIGTERM or SIGINT stops it gracefully: no new \
                connections, requests already received are answered, then it exits 0. ADD \
                stores into the first --memory unless the request says memory=NAME.

                Examples:
                  pamyat serve --memory default --port 7341 &
                  printf 'LOOKUP ru en "Вызовов много."\\n' | nc -N 127.0.0.1 7341
                  pamyat serve --memory default --http 7342 &
                  curl -G 'http://127.0.0.1:7342/api/v1/lookup' --data-urlencode 'q=Вызовов много.' -d from=ru -d to=en
                """)

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var listen = "127.0.0.1"

        @Option(help: "The line protocol's TCP port (0 picks a free one; the log says which). Default 7341, unless --http is given alone.")
        var port: Int?

        @Option(help: ArgumentHelp("Also serve the HTTP API on this port (0 picks a free one; the log says which).", valueName: "port"))
        var http: Int?

        @Option(help: ArgumentHelp("The address the HTTP API listens on (default: --listen's).", valueName: "address"))
        var httpHost: String?

        @Option(help: ArgumentHelp("The largest TMX upload of the HTTP API's /api/v1/import, in MiB.", valueName: "MiB"))
        var maxUpload = 512

        @Option(help: ArgumentHelp(
            "A file holding the token clients must send with AUTH before other verbs (HELLO, PING, AUTH and QUIT work without).",
            valueName: "file"))
        var tokenFile: String?

        @Flag(help: "Refuse ADD (answer read-only) and open the memories read-only.")
        var readOnly = false

        @Option(help: "Connections held at once; one more is answered busy and closed.")
        var maxConnections = 512

        @Option(help: ArgumentHelp(
            "Close a connection that sends and receives nothing for this many seconds, or whose request line is not complete (its line feed received) this long after its first byte.",
            valueName: "seconds"))
        var idleTimeout = 300

        @Option(help: ArgumentHelp("The longest request line in bytes; a longer one is answered line-too-long and skipped.", valueName: "bytes"))
        var maxLine = 1_048_576

        @Option(help: ArgumentHelp("Log level on standard error: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
        var logLevel = "info"

        @Flag(help: "Allow listening on a non-loopback address without --token-file.")
        var insecure = false

        func validate() throws {
            if let port { guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not from 0 to 65535.") } }
            if let http { guard (0...65535).contains(http) else { throw ValidationError("--http \(http) is not from 0 to 65535.") } }
            if http == nil, httpHost != nil { throw ValidationError("--http-host needs --http PORT.") }
            guard (1...65536).contains(maxUpload) else { throw ValidationError("--max-upload must be from 1 to 65536 MiB.") }
            guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1.") }
            guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout must be at least 1 second.") }
            guard maxLine >= 64 else { throw ValidationError("--max-line must be at least 64 bytes.") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level \(logLevel) is not one of trace, debug, info, notice, warning, error, critical.")
            }
            for host in [listen, httpHost].compactMap({ $0 }) where tokenFile == nil && !insecure {
                if !(try Self.isLoopback(host)) {
                    throw ValidationError(
                        "Refusing to listen on \(host), which is not a loopback address, without --token-file: anyone who can reach it could read and write the memory. Give --token-file FILE, or --insecure if the network is trusted.")
                }
            }
        }

        private static func isLoopback(_ host: String) throws -> Bool {
            do { return try ServerConfiguration.isLoopback(host) } catch { throw ValidationError(error.message) }
        }

        func run() async throws {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in ServerLogHandler(label: label, level: level) }
            let logger = Logger(label: "pamyat.serve")
            do {
                let token = try tokenFile.map { try AccessToken(contentsOf: URL(fileURLWithPath: $0)) }
                let metrics = HTTPMetrics()
                var configuration = ServerConfiguration()
                configuration.host = listen
                configuration.port = port ?? 7341
                configuration.token = token
                configuration.metricsFactory = metrics.factory
                configuration.isReadOnly = readOnly
                configuration.maximumConnections = maxConnections
                configuration.idleTimeout = .seconds(idleTimeout)
                configuration.maximumLineLength = maxLine
                configuration.allowsInsecureListen = insecure
                configuration.version = PamyatVersion.string
                try configuration.validate()
                var httpConfiguration = HTTPConfiguration()
                if let http {
                    httpConfiguration.host = httpHost ?? listen
                    httpConfiguration.port = http
                    httpConfiguration.token = token
                    httpConfiguration.isReadOnly = readOnly
                    httpConfiguration.maximumConnections = maxConnections
                    httpConfiguration.allowsInsecureListen = insecure
                    httpConfiguration.maximumUploadBytes = maxUpload * 1_048_576
                    httpConfiguration.maximumBodyBytes = max(maxLine, 16 * 1_048_576)
                    httpConfiguration.version = PamyatVersion.string
                    try httpConfiguration.validate()
                }

                let names = memories.memory.isEmpty ? [nil] : memories.memory.map(Optional.some)
                var served: [ServedMemory] = []
                for name in names {
                    let store = try memories.catalog.open(name, create: !readOnly, readOnly: readOnly)
                    served.append(ServedMemory(name: memories.catalog.displayName(name), store: store))
                }
                let memories = try ServedMemories(served, workerThreads: configuration.workerThreads)
                var services: [any Service] = []
                if http == nil || port != nil {
                    services.append(Server(configuration: configuration, memories: memories, logger: logger))
                }
                if http != nil {
                    var httpLogger = Logger(label: "pamyat.http")
                    httpLogger.logLevel = level
                    services.append(HTTPServer(
                        configuration: httpConfiguration, memories: memories, metrics: metrics, logger: httpLogger, routes: [try WebPage()]))
                }
                let group = ServiceGroup(
                    services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
                try await group.run()
            } catch {
                throw reportedExit(for: error)
            }
        }
    }
}
