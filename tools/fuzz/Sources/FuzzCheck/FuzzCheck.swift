/// Checks shared by the fuzz targets. A failed check stops the process with a message, which
/// libFuzzer reports as a crash and saves the input that caused it.
public enum FuzzCheck {
    /// The most characters an error message may have, whatever the input: messages quote short
    /// excerpts (80 characters and "…" at most), never the input whole.
    public static let maximumMessageLength = 600

    /// Stops the process with `message` unless `condition` holds.
    public static func require(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
        line: UInt = #line
    ) {
        if !condition() { fatalError("fuzz check failed: \(message())", file: file, line: line) }
    }

    /// Requires `message` to be one line, of at most ``maximumMessageLength`` characters, with no
    /// control characters.
    public static func requireOneLine(_ message: String, _ what: String) {
        require(!message.isEmpty, "\(what): an empty message")
        require(
            message.count <= maximumMessageLength,
            "\(what): a message of \(message.count) characters: \(message.prefix(200))…")
        require(
            !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" },
            "\(what): a message with a control character or line break: \(message.debugDescription.prefix(300))")
    }
}
