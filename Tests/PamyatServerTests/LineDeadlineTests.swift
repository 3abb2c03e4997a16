import NIOCore
import NIOEmbedded
import Testing
@testable import PamyatServer

/// ``LineDeadline`` on the embedded event loop's virtual clock: time moves only when the test
/// advances it, so the bounds are exact and no test waits.
@Suite struct LineDeadlineTests {
    /// Records the ``LineDeadline/Exceeded`` events that reach the end of the pipeline.
    final class ExceededRecorder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        var events: [LineDeadline.Exceeded] = []

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let exceeded = event as? LineDeadline.Exceeded { events.append(exceeded) }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
    }

    static let timeout = TimeAmount.seconds(10)

    /// A channel with a deadline of ``timeout``, connected, and its recorder.
    func makeChannel() throws -> (EmbeddedChannel, ExceededRecorder) {
        let recorder = ExceededRecorder()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(LineDeadline(timeout: Self.timeout))
        try channel.pipeline.syncOperations.addHandler(recorder)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return (channel, recorder)
    }

    /// One read as the server makes it: asks for bytes, gets them, read complete.
    func deliver(_ text: String, to channel: EmbeddedChannel) throws {
        channel.read()
        try channel.writeInbound(ByteBuffer(string: text))
        channel.pipeline.fireChannelReadComplete()
    }

    /// Issue 13 (1): bytes that never complete a line do not move the deadline, which is counted
    /// from the line's first byte.
    @Test func aLineTricklingInWithoutALineFeedTimesOutOneTimeoutAfterItsFirstByte() throws {
        let (channel, recorder) = try makeChannel()
        defer { _ = try? channel.finish(acceptAlreadyClosed: true) }
        for _ in 0..<9 {
            try deliver("P", to: channel)
            channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        }
        channel.read()  // the server is reading
        #expect(recorder.events.isEmpty, "9 s into the line: not yet")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(recorder.events == [LineDeadline.Exceeded(timeout: Self.timeout)], "10 s after the first byte")
    }

    @Test func aLineFeedCancelsTheDeadlineAndTheNextLineGetsAWholeTimeout() throws {
        let (channel, recorder) = try makeChannel()
        defer { _ = try? channel.finish(acceptAlreadyClosed: true) }
        try deliver("PI", to: channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        try deliver("NG\nPI", to: channel)
        channel.read()
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(recorder.events.isEmpty, "the second line started 9 s ago")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(recorder.events.count == 1, "the second line's own deadline")
    }

    /// Time the server does not read (backpressure) moves the deadline on — once: a line is held
    /// at most twice the timeout, whatever the client does. (Before, the deadline moved on every
    /// time it passed while the server was not reading, so a client that sent requests and never
    /// read the answers kept its connection for ever.)
    @Test func aDeadlineThatPassesWhileTheServerIsNotReadingIsMovedOnOnlyOnce() throws {
        let (channel, recorder) = try makeChannel()
        defer { _ = try? channel.finish(acceptAlreadyClosed: true) }
        try deliver("LOOKUP ru en сло", to: channel)  // then the server stops reading: no read()
        channel.embeddedEventLoop.advanceTime(by: Self.timeout)
        #expect(recorder.events.isEmpty, "moved on: the server was not reading")
        channel.embeddedEventLoop.advanceTime(by: Self.timeout - .nanoseconds(1))
        #expect(recorder.events.isEmpty)
        channel.embeddedEventLoop.advanceTime(by: .nanoseconds(1))
        #expect(recorder.events.count == 1, "2 × the timeout after the first byte, reading or not")
        channel.embeddedEventLoop.advanceTime(by: .seconds(100))
        #expect(recorder.events.count == 1, "reported once")
    }
}
