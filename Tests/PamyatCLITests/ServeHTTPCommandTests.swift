import Foundation
import PamyatServer
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `pamyat serve --http` as a user runs it: a real process, real HTTP, a real signal.
@Suite struct ServeHTTPCommandTests {
    /// A running `pamyat serve … --http 0`, with the ports it logged.
    final class Process2 {
        let process = Process()
        let stderr = Pipe()
        private(set) var httpPort = 0
        private(set) var linePort = 0
        private(set) var log = ""

        init(_ arguments: [String], memories: URL, expectLine: Bool) throws {
            process.executableURL = PamyatBinary.url
            process.arguments = ["serve", "--http", "0"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PAMYAT_MEMORIES"] = memories.path
            process.environment = environment
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            while httpPort == 0 || (expectLine && linePort == 0) {
                let data = stderr.fileHandleForReading.availableData
                if data.isEmpty { break }
                log += String(decoding: data, as: UTF8.self)
                if let range = log.range(of: #"HTTP API listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    httpPort = Int(log[range].split(separator: ":").last!)!
                }
                if let range = log.range(of: #"\] listening on 127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    linePort = Int(log[range].split(separator: ":").last!)!
                }
            }
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            log += String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return process.terminationStatus
        }
    }

    static func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession(configuration: .ephemeral).data(from: URL(string: url)!)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test func httpAloneServesTheAPIAndStopsOnSIGTERM() async throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The access log is written at debug (docs/HTTP.md, "Metrics and the access log").
        let server = try Process2(["--log-level", "debug"], memories: folder, expectLine: false)
        #expect(server.httpPort > 0, "logged its port: \(server.log)")
        let (status, body) = try await Self.get("http://127.0.0.1:\(server.httpPort)/api/v1/stats")
        #expect(status == 200)
        #expect(body.hasPrefix(#"{"units":0"#), "\(body)")
        #expect(server.stop() == 0, "exit status after SIGTERM: \(server.log)")
        #expect(!server.log.contains("] listening on 127"), "no line server without --port: \(server.log)")
        #expect(server.log.contains("GET /api/v1/stats 200"), "the access log line: \(server.log)")
    }

    @Test func bothFrontEndsShareTheMemories() async throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try Process2(["--port", "0"], memories: folder, expectLine: true)
        defer { _ = server.stop() }
        #expect(server.linePort > 0 && server.httpPort > 0, "\(server.log)")
        let client = try LineClient(host: "127.0.0.1", port: server.linePort, timeout: .seconds(10))
        #expect(try client.request(#"ADD ru en "Вызовов много." "There are many challenges.""#).contains(#""created":true"#))
        let query = "Вызовов много.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (status, body) = try await Self.get("http://127.0.0.1:\(server.httpPort)/api/v1/lookup?from=ru&to=en&q=\(query)")
        #expect(status == 200)
        #expect(body.contains("There are many challenges."), "the HTTP API finds what the line protocol added: \(body)")
    }
}
