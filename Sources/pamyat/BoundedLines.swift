import Foundation

/// Reads lines from a file handle in chunks, refusing a line longer than `limit` bytes while it is
/// read: its bytes are dropped up to its line feed, so one enormous line costs no more memory than a
/// chunk.
struct BoundedLines {
    enum Line {
        case line([UInt8])
        /// A line longer than the limit (its bytes were not kept).
        case tooLong
    }

    private let handle: FileHandle
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private var skipping = false

    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line (without its line feed), or nil at the end of the input.
    mutating func next() throws -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if skipping {
                    skipping = false
                    return .tooLong
                }
                return .line(line)
            }
            if !skipping, buffer.count - start > limit {
                skipping = true
            }
            if skipping {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            } else if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if finished {
                guard start < buffer.count || skipping else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if skipping {
                    skipping = false
                    return .tooLong
                }
                return .line(line)
            }
            let chunk = try handle.read(upToCount: 64 * 1024) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
