import Foundation
import PamyatText
import Testing

/// Issue 13 (9): a huge single line used to be read whole (and then segmented and aligned) before
/// anything refused it; `InputText.read` now refuses a line over its limit while reading.
@Suite struct InputLineLimitTests {
    /// A temporary file with `text`, removed by the caller.
    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-lines-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aLineOverTheLimitIsRefusedNamingTheFileAndTheLine() throws {
        let path = try file(Array("Первая строка.\r\nВторая.\n".utf8) + [UInt8](repeating: 0x61, count: 101) + Array("\nКонец.\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try InputText.read(path: path, maximumLineBytes: 100)
            Issue.record("a 101-byte line passed a limit of 100")
        } catch {
            #expect(error.code == .lineTooLong)
            #expect(error.line == 3)
            #expect(error.description == "\(path):3: the line is longer than 100 bytes, the most a paragraph may have; break it into paragraphs (one per line).")
        }
    }

    @Test func linesUpToTheLimitAreRead() throws {
        let path = try file(Array("Строка.\n".utf8) + [UInt8](repeating: 0x61, count: 100) + Array("\r\n".utf8) + [UInt8](repeating: 0x62, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try InputText.read(path: path, maximumLineBytes: 100)
        #expect(text.split(separator: "\n").map(\.count) == [7, 100, 100])
    }

    /// The line never ends (a writer that keeps sending, into a FIFO): the reader stops once the
    /// limit is passed, having taken no more than the limit plus a chunk and the pipe's buffer.
    @Test(.timeLimit(.minutes(1))) func anEndlessLineIsRefusedWithoutReadingItWhole() throws {
        signal(SIGPIPE, SIG_IGN)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let written = WrittenCount()
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            let chunk = [UInt8](repeating: 0x61, count: 1 << 16)
            // An "endless" line: up to 1 GiB, until the reader closes the pipe.
            while written.value < 1 << 30 {
                let n = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written.add(n)
            }
            close(descriptor)
            written.finish()
        }
        writer.start()
        #expect(throws: TextError.self) { _ = try InputText.read(path: path, maximumLineBytes: 1_000_000) }
        written.waitUntilFinished()
        #expect(written.value < 1_000_000 + 4 * (1 << 16) + (1 << 20), "the writer got \(written.value) bytes in before the reader stopped")
    }
}

/// Bytes the FIFO's writer got in; `@unchecked Sendable`: guarded by `lock`.
private final class WrittenCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let done = DispatchSemaphore(value: 0)

    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
    func finish() { done.signal() }
    func waitUntilFinished() { done.wait() }
}
