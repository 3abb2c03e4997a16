import Foundation
import Testing
@testable import PamyatServer

@Suite struct ServerShutdownTests {
    // No wall-clock bounds: the order of events is the test; the time limit only stops a
    // shutdown that never ends.
    @Test(.timeLimit(.minutes(1))) func gracefulShutdownAnswersTheRequestInFlightThenCloses() async throws {
        let backend = FakeBackend()
        let server = try await TestServer.start(backend: backend)
        let busy = try await server.connect()
        let idle = try await server.connect()
        #expect(try await idle.request("PING") == #"{"ok":true}"#)
        try await busy.send("LOOKUP ru en slow")
        try await backend.waitForSlowLookup()  // the lookup is running now

        let stopping = Task { try await server.stop() }
        #expect(try await idle.readLine() == nil, "an idle connection is closed at once")
        // The shutdown has begun (the idle connection is closed) while the lookup is in flight:
        // only now does the lookup finish.
        backend.releaseSlowLookups()
        let answer = try #require(try await busy.readJSON(), "the request in flight is answered")
        #expect((answer["matches"] as? [[String: Any]])?.first?["source"] as? String == "slow", "\(answer)")
        #expect(try await busy.readLine() == nil, "then the connection is closed")
        try await stopping.value
        await #expect(throws: ServerError.self, "no longer accepting") { _ = try await server.connect() }
    }

    /// The shutdown ends although the client never reads (the grace period closes its connection);
    /// before, it would wait for ever, and the time limit would end the test.
    @Test(.timeLimit(.minutes(1))) func aClientThatNeverReadsDoesNotHoldShutdownPastTheGracePeriod() async throws {
        let server = try await TestServer.start(configure: { $0.shutdownGracePeriod = .milliseconds(500) })
        let client = try await server.connect()
        let chunk = Array(String(repeating: "PING\n", count: 20000).utf8)
        for _ in 0..<200 where try await client.sendWithoutWaiting(bytes: chunk) > 0 {}
        try await server.stop()
    }
}
