import Foundation
import Testing
@testable import PamyatServer

@Suite struct ServerLimitTests {
    /// Over a socket, the idle connection is closed (the time limit only stops a server that never
    /// closes it). Whether an active connection stays open is not asserted here: NIO's
    /// `IdleStateHandler` reads the real clock, and a test that must send within the timeout races
    /// its own scheduling on a loaded machine (it failed so under load 16); connections that keep
    /// sending are answered in `linesInPiecesWithinTheTimeoutAreAnswered`.
    @Test(.timeLimit(.minutes(1))) func anIdleConnectionIsClosed() async throws {
        try await withServer(configure: { $0.idleTimeout = .seconds(1) }) { server in
            let idle = try await server.connect()
            try await idle.setTimeout(.seconds(60))
            #expect(try await idle.readLine() == nil, "closed without a word")
            let next = try await server.connect()
            #expect(try await next.request("PING") == #"{"ok":true}"#, "the server still answers")
        }
    }

    /// Issue 13 (1): a client that sends a byte now and then but never a line feed used to keep
    /// its connection (every byte reset the idle timer); with `--max-connections` of them nobody
    /// else got in. The idle timeout now bounds the time from a line's first byte to its line feed.
    /// The bound itself (one timeout from the line's first byte) is tested on a virtual clock in
    /// LineDeadlineTests; here, over a socket, the outcome: answered `timeout` and closed while
    /// another client is served (the code before never closed it, and the time limit would end the test).
    @Test(.timeLimit(.minutes(1))) func aClientThatTricklesBytesWithoutALineFeedIsAnsweredTimeoutAndClosed() async throws {
        try await withServer(configure: {
            // The line timeout alone is short: the deadline starts at the first byte, so a slow
            // machine cannot make a connection idle before the test has sent anything.
            $0.lineTimeout = .milliseconds(300)
            $0.maximumConnections = 2
        }) { server in
            let slow = try await server.connect()
            let normal = try await server.connect()
            // The read timeout paces the bytes: send one, wait up to 50 ms for the server to answer
            // or close, send the next.
            try await slow.setTimeout(.milliseconds(50))
            var answer: String?
            var closed = false
            var sentBytes = 0
            while answer == nil, !closed {
                do {
                    try await slow.send(bytes: [UInt8(ascii: "P")])
                    sentBytes += 1
                } catch {
                    closed = true  // the server has closed the connection
                    break
                }
                do {
                    if let line = try await slow.readLine() { answer = line } else { closed = true }
                } catch {
                    // No answer within 50 ms: the connection is still open; send another byte.
                }
                #expect(try await normal.request("PING") == #"{"ok":true}"#, "another client is answered meanwhile")
            }
            let response = try #require(answer, "the server answers before closing (after \(sentBytes) bytes)")
            let object = try decode(response)
            #expect(object["ok"] as? Bool == false)
            #expect(object["error"] as? String == "timeout", "\(object)")
            try await slow.setTimeout(.seconds(10))
            #expect(try await slow.readLine() == nil, "then closed")
            #expect(try await normal.request("PING") == #"{"ok":true}"#)
        }
    }

    /// The lines before the unfinished one are answered first, then `timeout` naming its number.
    @Test func theLinesBeforeAnUnfinishedOneAreAnsweredThenTimeout() async throws {
        try await withServer(configure: { $0.lineTimeout = .milliseconds(200) }) { server in
            let client = try await server.connect()
            try await client.send(bytes: Array("PING\nPING\nPI".utf8))
            #expect(try await client.readLine() == #"{"ok":true}"#)
            #expect(try await client.readLine() == #"{"ok":true}"#)
            let answer = try decode(try #require(try await client.readLine(), "answered before closing"))
            #expect(answer["error"] as? String == "timeout", "\(answer)")
            #expect((answer["message"] as? String)?.contains("Line 3") == true, "\(answer)")
            #expect(try await client.readLine() == nil, "then closed")
        }
    }

    /// Complete lines sent slowly, and a line that arrives in pieces faster than the timeout, are
    /// answered: the deadline is for one line, and it starts again after each line feed.
    @Test func linesInPiecesWithinTheTimeoutAreAnswered() async throws {
        try await withServer(configure: { $0.idleTimeout = .seconds(5) }) { server in
            let client = try await server.connect()
            for _ in 0..<3 {
                try await client.send(bytes: Array("PI".utf8))
                try await client.send(bytes: Array("NG\nPI".utf8))
                try await client.send(bytes: Array("NG\n".utf8))
                #expect(try await client.readLine() == #"{"ok":true}"#)
                #expect(try await client.readLine() == #"{"ok":true}"#)
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func connectionsBeyondTheMaximumGetBusy() async throws {
        let log = ServerEventLog()
        try await withServer(configure: { $0.maximumConnections = 2; $0.onEvent = log.hook }) { server in
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
            // The slot is freed once the server has finished with the connection: wait for that.
            await log.wait { $0 == .connectionClosed(open: 1) }
            let next = try await server.connect()
            #expect(try await next.request("PING") == #"{"ok":true}"#, "a new connection is accepted after one closed")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aClientThatDoesNotReadCannotMakeTheServerBufferWithoutBound() async throws {
        let log = ServerEventLog()
        try await withServer(configure: { $0.onEvent = log.hook }) { server in
            let client = try await server.connect()
            let chunk = Array(String(repeating: "LOOKUP ru en слово\n", count: 4096).utf8)
            var sent = 0
            let limit = 256 << 20
            // Send until the socket takes no more; then, unless the server has said it stopped
            // reading, wait until it does (the socket buffers are finite), and send again until
            // the socket takes no more: that is all the server and the kernel will hold.
            while sent < limit {
                let taken = try await client.sendWithoutWaiting(bytes: chunk)
                sent += taken
                guard taken == 0 else { continue }
                if log.contains(where: { $0 == .readingPaused }) { break }
                await log.wait { $0 == .readingPaused }
            }
            #expect(sent < limit, "the server stopped reading after \(sent) bytes")
            // It still answers, in order, once the client reads.
            let first = try #require(try await client.readJSON())
            #expect(first["matches"] != nil)
        }
    }
}
