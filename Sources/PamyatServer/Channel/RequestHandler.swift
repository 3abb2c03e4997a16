import Logging
import NIOCore
import NIOPosix

/// Answers one connection's requests, in order, one response line per request line.
///
/// Quick requests are answered on the channel's event loop as they are read; blocking ones (see
/// ``Dispatcher``) run on the thread pool while the lines read after them wait in `pending`, so
/// responses keep the order of the requests. The handler reads no more while it holds
/// `pendingLimit` lines or while the socket does not take what it writes (the client is not
/// reading): a client cannot make the server buffer without bound.
///
/// When the input ends (the client half-closed, or a graceful shutdown stopped reading) the lines
/// already received are answered, then the connection is closed. QUIT closes it after its answer.
/// When a line is not completed in time (``LineDeadline``), the lines before it are answered, then
/// `timeout`, then the connection is closed.
final class RequestHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundLine
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Lines held, read but not yet answered, before reading stops.
    static let pendingLimit = 16

    private let dispatcher: Dispatcher
    private let threadPool: NIOThreadPool
    private var logger: Logger
    private var session: Session
    private var pending = CircularBuffer<InboundLine>(initialCapacity: 4)
    /// A request is running on the thread pool.
    private var working = false
    /// The input has ended: close once `pending` is answered.
    private var inputClosed = false
    /// A line was not completed in time: answer `timeout` once `pending` is answered, then close.
    private var lineTimeout: TimeAmount?
    /// QUIT was answered, or the connection is closing: answer nothing more.
    private var finished = false
    /// A `read` was held back while reading was paused.
    private var heldRead = false
    /// Responses written since the last flush.
    private var unflushed = false
    private let onEvent: (@Sendable (ServerEvent) -> Void)?

    init(dispatcher: Dispatcher, threadPool: NIOThreadPool, logger: Logger, onEvent: (@Sendable (ServerEvent) -> Void)? = nil) {
        self.dispatcher = dispatcher
        self.threadPool = threadPool
        self.logger = logger
        self.onEvent = onEvent
        self.session = dispatcher.newSession()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if let peer = context.channel.remoteAddress { logger[metadataKey: "connection.peer"] = "\(peer)" }
        logger.debug("connection opened")
    }

    func channelInactive(context: ChannelHandlerContext) {
        logger.debug("connection closed", metadata: ["connection.lines": "\(session.lineNumber)"])
        finished = true
        pending.removeAll()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished, lineTimeout == nil else { return }
        pending.append(unwrapInboundIn(data))
        answerPending(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flushIfNeeded(context: context)
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            answerPending(context: context)
            return
        }
        if let exceeded = event as? LineDeadline.Exceeded {
            lineTimeout = exceeded.timeout
            inputClosed = true
            answerPending(context: context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        resumeReadingIfPossible(context: context)
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection ended", metadata: ["error": "\(error)", "connection.lines": "\(session.lineNumber)"])
        finished = true
        context.close(promise: nil)
    }

    // Outbound: hold `read` while paused (the same idea as NIO's BackPressureHandler).
    func read(context: ChannelHandlerContext) {
        if isPaused(context: context) {
            if !heldRead { onEvent?(.readingPaused) }
            heldRead = true
        } else {
            context.read()
        }
    }

    private func isPaused(context: ChannelHandlerContext) -> Bool {
        pending.count >= Self.pendingLimit || !context.channel.isWritable
    }

    private func resumeReadingIfPossible(context: ChannelHandlerContext) {
        guard heldRead, !isPaused(context: context) else { return }
        heldRead = false
        context.read()
    }

    /// Answers the pending lines in order until one needs the thread pool (it continues when that
    /// one is answered), QUIT, or none are left; then closes if the input has ended.
    private func answerPending(context: ChannelHandlerContext) {
        while !working, !finished, let line = pending.popFirst() {
            switch dispatcher.step(for: line, session: &session, logger: logger) {
            case .answer(let response):
                write(response, context: context)
            case .work(let work):
                working = true
                threadPool.runIfActive(eventLoop: context.eventLoop, work).assumeIsolated().whenComplete { result in
                    let handler = self
                    handler.working = false
                    switch result {
                    case .success(let response):
                        handler.write(response, context: context)
                    case .failure:
                        // The pool has stopped: the server is going away.
                        handler.write(.failure(ServerError(.internal, "The server is shutting down.")), context: context)
                        handler.finish(context: context)
                    }
                    handler.flushIfNeeded(context: context)
                    handler.answerPending(context: context)
                }
            }
        }
        if !working, !finished, inputClosed, pending.isEmpty {
            if let lineTimeout {
                write(.failure(Self.timeoutError(line: session.lineNumber + 1, timeout: lineTimeout)), context: context)
            }
            finish(context: context)
        }
        resumeReadingIfPossible(context: context)
    }

    /// The `timeout` answer to line `line`, which was not completed within `timeout` of its first byte.
    static func timeoutError(line: Int, timeout: TimeAmount) -> ServerError {
        let milliseconds = timeout.nanoseconds / 1_000_000
        let shown = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
        return ServerError(
            .timeout,
            "Line \(line) was not completed within \(shown) of its first byte; the connection is closed. Send each request as a whole line ending in a line feed.")
    }

    private func write(_ response: Response, context: ChannelHandlerContext) {
        guard !finished else { return }
        var buffer = context.channel.allocator.buffer(capacity: 0)
        response.write(into: &buffer)
        context.write(wrapOutboundOut(buffer), promise: nil)
        unflushed = true
        if response.closesConnection { finish(context: context) }
    }

    private func flushIfNeeded(context: ChannelHandlerContext) {
        guard unflushed else { return }
        unflushed = false
        context.flush()
    }

    /// Sends what was written, then closes the connection.
    private func finish(context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        unflushed = false
        pending.removeAll()
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
