import NIOCore
import NIOEmbedded
import Testing
@testable import PamyatServer

@Suite struct LineFrameDecoderTests {
    /// Feeds `chunks` to the decoder, then ends the input, and returns what it produced.
    private func decode(_ chunks: [[UInt8]], maximumLength: Int = 10) throws -> [InboundLine] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLength)))
        var lines: [InboundLine] = []
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
            while let line = try channel.readInbound(as: InboundLine.self) { lines.append(line) }
        }
        _ = try channel.finish(acceptAlreadyClosed: true)
        while let line = try channel.readInbound(as: InboundLine.self) { lines.append(line) }
        return lines
    }

    @Test func splitsLinesAtLFAndDropsCR() throws {
        #expect(try decode([Array("PING\r\nHELLO\n\nA\rB\n".utf8)]) == [.text("PING"), .text("HELLO"), .text(""), .text("A\rB")])
    }

    @Test func joinsLinesSplitAcrossReads() throws {
        #expect(try decode([Array("PI".utf8), Array("NG\r".utf8), Array("\nST".utf8), Array("ATS\n".utf8)]) == [.text("PING"), .text("STATS")])
    }

    @Test func aLineAtTheLimitPassesEvenWithCRLF() throws {
        let ten = String(repeating: "x", count: 10)
        #expect(try decode([Array("\(ten)\r".utf8), [0x0A], Array("\(ten)\n".utf8)]) == [.text(ten), .text(ten)])
    }

    @Test func anOverLongLineIsReportedOnceAndSkippedToItsEnd() throws {
        let long = Array(String(repeating: "y", count: 25).utf8)
        let lines = try decode([Array("PING\n".utf8), Array(long[0..<12]), Array(long[12...]), Array("\nPING\n".utf8)])
        #expect(lines == [.text("PING"), .tooLong(length: 12), .text("PING")], "got \(lines)")
    }

    @Test func anOverLongLineInOneReadIsReportedWithItsLength() throws {
        #expect(try decode([Array("0123456789AB\nOK\n".utf8)]) == [.tooLong(length: 12), .text("OK")])
    }

    @Test func buffersNoMoreThanTheLimitOfAnEndlessLine() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: 10)))
        for _ in 0..<1000 { try channel.writeInbound(ByteBuffer(repeating: 0x41, count: 7)) }
        try channel.writeInbound(ByteBuffer(string: "\nPING\n"))
        var lines: [InboundLine] = []
        while let line = try channel.readInbound(as: InboundLine.self) { lines.append(line) }
        #expect(lines == [.tooLong(length: 14), .text("PING")], "got \(lines)")
        _ = try channel.finish()
    }

    @Test(arguments: [
        ([0x50, 0xFF, 0x51], 1), ([0xD0, 0x96, 0xC3], 2), ([0xED, 0xA0, 0x80], 0), ([0xC0, 0xAF], 0),
    ])
    func invalidUTF8IsReportedWithItsOffset(bytes: [UInt8], offset: Int) throws {
        #expect(try decode([bytes + [0x0A] + Array("PING\n".utf8)]) == [.invalidUTF8(byteOffset: offset), .text("PING")])
    }

    @Test func bytesAfterTheLastLineFeedAreIncomplete() throws {
        #expect(try decode([Array("PING\nPIN".utf8)]) == [.text("PING"), .incomplete(length: 3)])
    }

    @Test func theRestOfAnOverLongLineAtTheEndIsNotReportedTwice() throws {
        #expect(try decode([Array("0123456789ABCDEF".utf8)]) == [.tooLong(length: 16)])
    }
}
