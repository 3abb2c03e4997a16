import NIOCore

/// Splits the inbound bytes into lines at LF (a CR right before the LF is dropped), with a length limit.
///
/// NIO's `LineBasedFrameDecoder` has no limit, and `ByteToMessageHandler(maximumBufferSize:)` fails
/// the whole channel when it is exceeded; the protocol instead answers `line-too-long`, skips the
/// rest of that line and keeps the connection usable, so this decoder is written here. It never
/// holds more than `maximumLength + 1` bytes of one line.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = InboundLine

    /// The longest line accepted, in bytes, without the CR LF.
    let maximumLength: Int
    /// Inside a too-long line: drop bytes up to the next LF.
    private var skipping = false
    /// How many readable bytes were already searched for an LF (so a long line is scanned once).
    private var searched = 0

    init(maximumLength: Int) {
        precondition(maximumLength > 0, "a line limit must be positive")
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if skipping {
            if let lineFeed = view.firstIndex(of: 0x0A) {
                buffer.moveReaderIndex(forwardBy: lineFeed - view.startIndex + 1)
                skipping = false
                return .continue
            }
            buffer.moveReaderIndex(forwardBy: view.count)
            return .needMoreData
        }
        guard let lineFeed = view[(view.startIndex + searched)...].firstIndex(of: 0x0A) else {
            searched = view.count
            let couldStillEndInCRLF = view.count == maximumLength + 1 && view.last == 0x0D
            if view.count > maximumLength, !couldStillEndInCRLF {
                buffer.moveReaderIndex(forwardBy: view.count)
                searched = 0
                skipping = true
                context.fireChannelRead(Self.wrapInboundOut(.tooLong(length: view.count)))
                return .continue
            }
            return .needMoreData
        }
        searched = 0
        var end = lineFeed
        if end > view.startIndex, view[end - 1] == 0x0D { end -= 1 }
        let length = end - view.startIndex
        let line: InboundLine
        if length > maximumLength {
            line = .tooLong(length: length)
        } else {
            line = Self.validate(view[view.startIndex..<end])
        }
        buffer.moveReaderIndex(forwardBy: lineFeed - view.startIndex + 1)
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        if try decode(context: context, buffer: &buffer) == .continue { return .continue }
        let rest = buffer.readableBytes
        buffer.moveReaderIndex(forwardBy: rest)
        if rest > 0, !skipping {
            context.fireChannelRead(Self.wrapInboundOut(.incomplete(length: rest)))
        }
        skipping = false
        searched = 0
        return .needMoreData
    }

    /// The line as text, or where its first invalid UTF-8 byte is.
    static func validate(_ bytes: ByteBufferView.SubSequence) -> InboundLine {
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return .invalidUTF8(byteOffset: offset)
            case .emptyInput: return .invalidUTF8(byteOffset: offset)
            }
        }
    }
}
