import NIOCore

/// Sends a few lines when asked and answers with the response lines (for idle connections).
final class ProbeHandler: ChannelInboundHandler, @unchecked Sendable {  // used only on its channel's event loop
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var pending = ByteBuffer()
    private var expected = 0
    private var lines: [String] = []
    private var promise: EventLoopPromise<[String]>?

    func ask(channel: any Channel, lines requests: [String]) -> EventLoopFuture<[String]> {
        let promise = channel.eventLoop.makePromise(of: [String].self)
        self.promise = promise
        expected = requests.count
        lines = []
        for request in requests { channel.write(ByteBuffer(string: request), promise: nil) }
        channel.flush()
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        pending.writeBuffer(&bytes)
        while let newline = pending.readableBytesView.firstIndex(of: 0x0A) {
            let line = pending.readString(length: newline - pending.readerIndex)!
            pending.moveReaderIndex(forwardBy: 1)
            lines.append(line)
        }
        if lines.count >= expected, let promise {
            self.promise = nil
            promise.succeed(lines)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise?.succeed(lines)
        promise = nil
    }
}
