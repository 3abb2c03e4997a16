import NIOCore

/// What one connection measured.
struct ConnectionReport: Sendable {
    var histogram = LatencyHistogram()
    var answered = 0
    var errors = 0
    var errorSamples: [String] = []
    var addsCreated = 0
    var addsAnswered = 0
    var perVerb: [String: Int] = [:]
    var failure: String?

    mutating func merge(_ other: ConnectionReport) {
        histogram.merge(other.histogram)
        answered += other.answered
        errors += other.errors
        if errorSamples.count < 5 { errorSamples += other.errorSamples.prefix(5 - errorSamples.count) }
        addsCreated += other.addsCreated
        addsAnswered += other.addsAnswered
        for (verb, count) in other.perVerb { perVerb[verb, default: 0] += count }
        if failure == nil { failure = other.failure }
    }
}

/// Keeps `depth` requests in flight on one connection until the deadline, timing each response.
/// Latencies are recorded only after the warm-up ends.
final class LoadHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var maker: RequestMaker
    private let depth: Int
    private let measureFrom: NIODeadline
    private let deadline: NIODeadline
    private let budget: RequestBudget
    private let authLine: String?
    private let done: EventLoopPromise<ConnectionReport>
    private var inFlight: [(verb: RequestMaker.Verb?, sent: NIODeadline)] = []
    private var inFlightStart = 0
    private var pending = ByteBuffer()
    private var report = ConnectionReport()
    private var stopping = false

    init(maker: RequestMaker, depth: Int, measureFrom: NIODeadline, deadline: NIODeadline, budget: RequestBudget,
         authLine: String?, done: EventLoopPromise<ConnectionReport>) {
        self.maker = maker
        self.depth = depth
        self.measureFrom = measureFrom
        self.deadline = deadline
        self.budget = budget
        self.authLine = authLine
        self.done = done
    }

    func channelActive(context: ChannelHandlerContext) {
        if let authLine {
            inFlight.append((nil, .now()))
            context.write(wrapOutboundOut(context.channel.allocator.buffer(string: authLine)), promise: nil)
        }
        for _ in 0..<depth { sendNext(context: context) }
        context.flush()
    }

    private func sendNext(context: ChannelHandlerContext) {
        guard !stopping, NIODeadline.now() < deadline, budget.take() else {
            stopping = true
            return
        }
        let (verb, line) = maker.next()
        inFlight.append((verb, .now()))
        context.write(wrapOutboundOut(context.channel.allocator.buffer(string: line)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        // Responses are judged on their bytes; a `String` is made only for an error to report
        // (decoding every 2–10 KB answer cost the load tool CPU that the server shares).
        if pending.readableBytes == 0 {
            swap(&pending, &bytes)
        } else {
            pending.writeBuffer(&bytes)
        }
        let now = NIODeadline.now()
        while let newline = pending.readableBytesView.firstIndex(of: 0x0A) {
            let length = newline - pending.readerIndex
            let line = pending.readSlice(length: length)!
            pending.moveReaderIndex(forwardBy: 1)
            guard inFlightStart < inFlight.count else {
                report.failure = "an answer nobody asked for: \(String(buffer: line).prefix(200))"
                context.close(promise: nil)
                return
            }
            let (verb, sent) = inFlight[inFlightStart]
            inFlightStart += 1
            if let verb { record(line, verb: verb, sent: sent, now: now) } else if !Self.isOK(line) {
                report.failure = "AUTH failed: \(String(buffer: line))"
                context.close(promise: nil)
                return
            }
            sendNext(context: context)
        }
        if inFlightStart > 4096 {
            inFlight.removeFirst(inFlightStart)
            inFlightStart = 0
        }
        pending.discardReadBytes()
    }

    private static let okPrefix = Array(#"{"ok":true"#.utf8)
    private static let created = Array(#""created":true"#.utf8)

    /// Whether a response line starts `{"ok":true`.
    private static func isOK(_ line: ByteBuffer) -> Bool {
        line.readableBytesView.starts(with: okPrefix)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        if stopping, inFlightStart == inFlight.count { context.close(promise: nil) }
    }

    private func record(_ line: ByteBuffer, verb: RequestMaker.Verb, sent: NIODeadline, now: NIODeadline) {
        let ok = Self.isOK(line)
        if verb == .add, ok {
            report.addsAnswered += 1
            let view = line.readableBytesView
            if view.indices.contains(where: { view[$0...].starts(with: Self.created) }) { report.addsCreated += 1 }
        }
        if !ok {
            report.errors += 1
            if report.errorSamples.count < 5 { report.errorSamples.append(String(String(buffer: line).prefix(300))) }
        }
        guard sent >= measureFrom else { return }
        report.answered += 1
        report.perVerb[verb.rawValue, default: 0] += 1
        report.histogram.record(microseconds: Int((now - sent).nanoseconds / 1000))
    }

    func channelInactive(context: ChannelHandlerContext) {
        if inFlightStart < inFlight.count, report.failure == nil, !stopping {
            report.failure = "the server closed the connection with \(inFlight.count - inFlightStart) requests unanswered"
        }
        done.succeed(report)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if report.failure == nil { report.failure = "\(error)" }
        context.close(promise: nil)
    }
}
