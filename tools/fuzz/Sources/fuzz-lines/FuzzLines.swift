// libFuzzer target: the server's line framing (PamyatServer's LineFrameDecoder) in a NIO channel,
// with the input cut into reads of varying sizes.
//
// The first byte sets the line limit (1 to 64 bytes), the second the sizes of the reads; the rest is
// the stream. What the decoder produces must not depend on how the stream was cut: it is compared
// with a model that splits the whole stream at once — lines at LF without a CR before the LF, a line
// over the limit reported as too long (with a length over the limit) and skipped to its LF, a line
// that is not UTF-8 reported with the offset of its first bad byte, and bytes after the last LF
// reported as incomplete. Lines of text never hold an LF and never exceed the limit.
import FuzzCheck
import NIOCore
import NIOEmbedded
@testable import PamyatServer

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count >= 2 else { return 0 }
    let limit = Int(bytes[0] % 64) + 1
    let cutting = bytes[1]
    let stream = Array(bytes[2...])
    let decoded = decode(stream, limit: limit, cutting: cutting)
    let expected = model(stream, limit: limit)
    FuzzCheck.require(decoded.count == expected.count, "\(decoded.count) lines decoded, \(expected.count) expected: \(decoded) vs \(expected)")
    for (got, want) in zip(decoded, expected) {
        switch (got, want) {
        case (.tooLong(let length), .tooLong):
            FuzzCheck.require(length > limit, "a too-long line of \(length) bytes under the limit \(limit)")
        case (.text(let text), _):
            FuzzCheck.require(got == want, "decoded \(got), expected \(want)")
            FuzzCheck.require(text.utf8.count <= limit && !text.utf8.contains(0x0A), "a text line over the limit or with an LF")
        default:
            FuzzCheck.require(got == want, "decoded \(got), expected \(want)")
        }
    }
    return 0
}

/// Feeds `stream` in reads whose sizes come from `cutting`, then ends the input.
private func decode(_ stream: [UInt8], limit: Int, cutting: UInt8) -> [InboundLine] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: limit)))
    var lines: [InboundLine] = []
    var start = 0
    var step = 0
    while start < stream.count {
        // Read sizes cycle through 1 … 8 bytes scaled by the cutting byte's bits.
        let size = max(1, Int((cutting >> (step % 8)) & 0x0F) + (step % 3))
        let end = min(stream.count, start + size)
        try! channel.writeInbound(ByteBuffer(bytes: stream[start..<end]))
        while let line = try! channel.readInbound(as: InboundLine.self) { lines.append(line) }
        start = end
        step += 1
    }
    _ = try! channel.finish(acceptAlreadyClosed: true)
    while let line = try! channel.readInbound(as: InboundLine.self) { lines.append(line) }
    return lines
}

/// What the stream holds, split at once.
private func model(_ stream: [UInt8], limit: Int) -> [InboundLine] {
    var lines: [InboundLine] = []
    var pieces = stream.split(separator: 0x0A, omittingEmptySubsequences: false)
    let rest = pieces.removeLast()  // the bytes after the last LF (empty when the stream ends in one)
    for piece in pieces {
        let line = piece.last == 0x0D ? piece.dropLast() : piece
        if line.count > limit {
            lines.append(.tooLong(length: line.count))
        } else {
            let buffer = ByteBuffer(bytes: line)
            lines.append(LineFrameDecoder.validate(buffer.readableBytesView[...]))
        }
    }
    if !rest.isEmpty {
        let couldEndInCRLF = rest.count == limit + 1 && rest.last == 0x0D
        lines.append(rest.count > limit && !couldEndInCRLF ? .tooLong(length: rest.count) : .incomplete(length: rest.count))
    }
    return lines
}
