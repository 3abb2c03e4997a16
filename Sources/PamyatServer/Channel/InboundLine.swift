/// What the frame decoder makes of the bytes up to each line feed.
enum InboundLine: Sendable, Hashable {
    /// A complete line of valid UTF-8, without its LF (or CR LF).
    case text(String)
    /// A line longer than the limit; `length` is how many bytes had arrived when that was seen. The
    /// rest of the line, up to and including its LF, is skipped.
    case tooLong(length: Int)
    /// A line that is not valid UTF-8; `byteOffset` is where the first invalid byte is (from 0).
    case invalidUTF8(byteOffset: Int)
    /// Bytes at the end of the input with no LF after them.
    case incomplete(length: Int)
}
