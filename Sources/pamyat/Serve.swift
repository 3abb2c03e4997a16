import ArgumentParser
import Foundation
import Logging
import PamyatServer
import ServiceLifecycle

extension Pamyat {
    /// `pamyat serve`: the line protocol over TCP (docs/PROTOCOL.md).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve lookups, concordance, segmentation and ADD over a line-based TCP protocol.",
            discussion: """
                One request per line, one JSON response per line, in order; see docs/PROTOCOL.md. \
                Listens on loopback unless --listen says otherwise; a non-loopback address needs \
                --token-file (or --insecure). SIGTERM or SIGINT stops it gracefully: no new \
                connections, requests already received are answered, then it exits 0. ADD \
                stores into the first --memory unless the request says memory=NAME.

                Example:
                  pamyat serve --memory default --port 7341 &
                  printf 'LOOKUP ru en "Вызовов много."\\n' | nc -N 127.0.0.1 7341
                """)

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var listen = "127.0.0.1"

        @Option(help: "The TCP port (0 picks a free one; the log says which).")
        var port = 7341

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
            guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not from 0 to 65535.") }
            guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1.") }
            guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout must be at least 1 second.") }
            guard maxLine >= 64 else { throw ValidationError("--max-line must be at least 64 bytes.") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level \(logLevel) is not one of trace, debug, info, notice, warning, error, critical.")
            }
            if tokenFile == nil, !insecure, !(try Self.isLoopback(listen)) {
                throw ValidationError(
                    "Refusing to listen on \(listen), which is not a loopback address, without --token-file: anyone who can reach it could read and write the memory. Give --token-file FILE, or --insecure if the network is trusted.")
            }
        }

        private static func isLoopback(_ host: String) throws -> Bool {
            do { return try ServerConfiguration.isLoopback(host) } catch { throw ValidationError(error.message) }
        }

        func run() async throws {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "pamyat.serve")
            do {
                var configuration = ServerConfiguration()
                configuration.host = listen
                configuration.port = port
                configuration.token = try tokenFile.map { try AccessToken(contentsOf: URL(fileURLWithPath: $0)) }
                configuration.isReadOnly = readOnly
                configuration.maximumConnections = maxConnections
                configuration.idleTimeout = .seconds(idleTimeout)
                configuration.maximumLineLength = maxLine
                configuration.allowsInsecureListen = insecure
                configuration.version = PamyatVersion.string
                try configuration.validate()

                let names = memories.memory.isEmpty ? [nil] : memories.memory.map(Optional.some)
                var served: [ServedMemory] = []
                for name in names {
                    let store = try memories.catalog.open(name, create: !readOnly, readOnly: readOnly)
                    served.append(ServedMemory(name: memories.catalog.displayName(name), store: store))
                }
                let server = try Server(configuration: configuration, memories: served, logger: logger)
                let group = ServiceGroup(
                    services: [server], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
                try await group.run()
            } catch {
                throw reportedExit(for: error)
            }
        }
    }
}
