/// Bounded quotes of user input for error messages: an error names what was wrong, never echoes
/// an unbounded amount of it.
public enum TextExcerpt {
    /// `text` with control characters shown as spaces, cut to `limit` characters with `…`.
    public static func short(_ text: some StringProtocol, limit: Int = 80) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result.append("…")
                break
            }
            result.append(character.isNewline || character == "\t" || character.asciiValue.map({ $0 < 0x20 }) == true ? " " : character)
            count += 1
        }
        return result
    }
}
