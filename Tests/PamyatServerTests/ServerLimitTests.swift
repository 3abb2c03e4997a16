import Foundation
import Testing
@testable import PamyatServer

@Suite struct ServerLimitTests {
    @Test func anIdleConnectionIsClosed() async throws {
        // Generous margins: the whole test suite runs in parallel on two cores, and a sleeping
        // test thread can be late by hundreds of milliseconds.
        try await withServer(configure: { $0.idleTimeout = .seconds(2) }) { server in
            let idle = try await server.connect()
            let busy = try await server.connect()
            let start = ContinuousClock.now
            for _ in 0..<25 {
                try await Task.sleep(for: .milliseconds(100))
                #expect(try await busy.request("PING") == #"{"ok":true}"#, "an active connection stays open")
            }
            #expect(try await idle.readLine() == nil, "the idle connection was closed")
            #expect(ContinuousClock.now - start < .seconds(8))
        }
    }

    @Test func connectionsBeyondTheMaximumGetBusy() async throws {
        try await withServer(configure: { $0.maximumConnections = 2 }) { server in
            let first = try await server.connect()
            let second = try await server.connect()
            #expect(try await first.request("PING") == #"{"ok":true}"#)
            #expect(try await second.request("PING") == #"{"ok":true}"#)
            let third = try await server.connect()
            let answer = try #require(try await third.readJSON())
            #expect(answer["error"] as? String == "busy", "\(answer)")
            #expect(try await third.readLine() == nil, "then closed")

            #expect(try await first.request("QUIT") == #"{"ok":true}"#)
            #expect(try await first.readLine() == nil)
            // The slot is freed once the server has finished with the connection.
            var freed = false
            for _ in 0..<50 where !freed {
                let next = try await server.connect()
                if try await next.readLine(afterSending: "PING") == #"{"ok":true}"# { freed = true } else {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            #expect(freed, "a new connection is accepted after one closed")
        }
    }

    @Test func aClientThatDoesNotReadCannotMakeTheServerBufferWithoutBound() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let chunk = Array(String(repeating: "LOOKUP ru en слово\n", count: 4096).utf8)
            var sent = 0
            var stalledSince: ContinuousClock.Instant?
            let limit = 256 << 20
            while sent < limit {
                let taken = try await client.sendWithoutWaiting(bytes: chunk)
                sent += taken
                if taken == 0 {
                    let now = ContinuousClock.now
                    if let since = stalledSince, now - since > .milliseconds(500) { break }
                    if stalledSince == nil { stalledSince = now }
                    try await Task.sleep(for: .milliseconds(10))
                } else {
                    stalledSince = nil
                }
            }
            #expect(sent < limit, "the server stopped reading after \(sent) bytes")
            // It still answers, in order, once the client reads.
            let first = try #require(try await client.readJSON())
            #expect(first["matches"] != nil)
        }
    }
}

extension TestClient {
    /// Sends `line` and reads one line; `nil` if the server closed the connection (or refused it).
    func readLine(afterSending line: String) async throws -> String? {
        do {
            try await send(line)
            return try await readLine()
        } catch {
            return nil
        }
    }
}
