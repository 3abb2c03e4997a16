import NIOCore

/// Bounds the time from the first byte of a request line to its line feed.
///
/// `IdleStateHandler` alone counts the time between bytes, so a client that sends one byte a second
/// and never a line feed would keep its connection (and a slot of `--max-connections`) for ever.
/// This handler sits before the line decoder and looks at the raw bytes: when a line starts (the
/// first byte after a line feed, or the first of the connection) it schedules the deadline; bytes
/// that do not complete the line leave it as it is; the line feed cancels it. When it passes, the
/// handler drops what else arrives and sends ``LineDeadline/Exceeded`` down the
/// pipeline, where ``RequestHandler`` answers the lines it has, then `timeout`, and closes.
///
/// Time during which the server itself does not read (backpressure: the client does not read its
/// responses, or requests wait behind a slow one) does not count against the client: if the
/// deadline passes then, it is moved on by one timeout — once per line, so no line (and no
/// connection that never completes one) is held longer than twice the timeout.
final class LineDeadline: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = NIOAny

    /// The event sent down the pipeline when a line took too long.
    struct Exceeded: Hashable, Sendable {
        /// The time allowed for one line.
        var timeout: TimeAmount
    }

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    /// The pipeline has asked for bytes (a `read` passed through) and not had them yet.
    private var isReading = false
    private var exceeded = false
    /// The current line's deadline has been moved on once already.
    private var extended = false

    init(timeout: TimeAmount) {
        precondition(timeout > .zero, "a line timeout must be positive")
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !exceeded else { return }
        let buffer = unwrapInboundIn(data)
        let view = buffer.readableBytesView
        if let lastLineFeed = view.lastIndex(of: 0x0A) {
            cancel()
            extended = false
            // Bytes after the last line feed start the next line now.
            if lastLineFeed + 1 < view.endIndex { schedule(context: context) }
        } else if deadline == nil, !view.isEmpty {
            schedule(context: context)
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        isReading = false
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
    }

    func read(context: ChannelHandlerContext) {
        // After the deadline the bytes still sent are read and dropped, so that the socket's
        // receive buffer is empty when the connection is closed: closing over unread bytes sends a
        // reset, which can make the client lose the `timeout` answer.
        isReading = true
        context.read()
    }

    private func schedule(context: ChannelHandlerContext) {
        cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            let (handler, context) = loopBound.value
            handler.deadlinePassed(context: context)
        }
    }

    private func cancel() {
        deadline?.cancel()
        deadline = nil
    }

    private func deadlinePassed(context: ChannelHandlerContext) {
        deadline = nil
        guard !exceeded, context.channel.isActive else { return }
        if !isReading, !extended {
            // The server is not reading: the rest of the line may be waiting in the socket.
            // Moved on once; a second time would let a client that does not read its answers
            // hold the connection for ever.
            extended = true
            schedule(context: context)
            return
        }
        exceeded = true
        context.fireUserInboundEventTriggered(Exceeded(timeout: timeout))
    }
}
