import Foundation
import PamyatServer
import Testing

/// `pamyat serve` as a user runs it: a real process, a real socket, real signals.
@Suite struct ServeCommandTests {
    /// A running `pamyat serve --port 0`, with the port it logged.
    final class ServeProcess {
        let process = Process()
        let stderr = Pipe()
        private(set) var port = 0
        private(set) var log = ""

        init(_ arguments: [String], memories: URL) throws {
            process.executableURL = PamyatBinary.url
            process.arguments = ["serve", "--port", "0"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PAMYAT_MEMORIES"] = memories.path
            process.environment = environment
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while port == 0, Date() < deadline {
                let data = stderr.fileHandleForReading.availableData
                if data.isEmpty { break }
                log += String(decoding: data, as: UTF8.self)
                if let range = log.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = Int(log[range].split(separator: ":").last!)!
                }
            }
        }

        /// Sends `signal` and waits for the exit; returns the status and the seconds it took.
        func stop(_ signal: Int32 = SIGTERM) -> (status: Int32, seconds: Double) {
            let start = Date()
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            log += String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, Date().timeIntervalSince(start))
        }
    }

    @Test func refusesAPublicAddressWithoutAToken() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(["serve", "--listen", "0.0.0.0", "--port", "0"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 64, "usage error: \(run.stderr)")
        #expect(run.stderr.contains("--token-file") && run.stderr.contains("--insecure"), "says what to do: \(run.stderr)")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesThenStopsGracefullyOnASignal(signal: Int32) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([], memories: folder)
        #expect(server.port > 0, "logged its port: \(server.log)")
        let client = try LineClient(host: "127.0.0.1", port: server.port, timeout: .seconds(10))
        #expect(try client.request("HELLO").contains(#""server":"pamyat""#))
        #expect(try client.request("PING") == #"{"ok":true}"#)
        // The order of events is the test (no bound on the seconds it takes: a loaded machine
        // would make that a race): the server exits 0 and has closed the connection.
        let (status, _) = server.stop(signal)
        #expect(status == 0, "exit status after signal \(signal): \(server.log)")
        #expect(try client.readLine() == nil, "the connection was closed")
    }

    @Test func aTokenFileLocksTheVerbs() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokenFile = folder.appendingPathComponent("token")
        try Data("correct-horse\n".utf8).write(to: tokenFile)
        let server = try ServeProcess(["--token-file", tokenFile.path], memories: folder)
        defer { _ = server.stop() }
        let client = try LineClient(host: "127.0.0.1", port: server.port, timeout: .seconds(10))
        #expect(try client.request("STATS").contains(#""error":"unauthorized""#))
        #expect(try client.request("AUTH correct-horse") == #"{"ok":true}"#)
        #expect(try client.request("STATS").hasPrefix(#"{"ok":true,"units":0"#))
    }
}
