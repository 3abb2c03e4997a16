/// Bounded quotes of user input for error messages: an error names what was wrong, never echoes
/// an unbounded amount of it.
public enum TextExcerpt {
    /// `text` with control characters (C0, DEL, C1) and line or paragraph separators shown as
    /// spaces, cut to `limit` characters with `…`.
    public static func short(_ text: some StringProtocol, limit: Int = 80) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result.append("…")
                break
            }
            result.append(character.isNewline || character.unicodeScalars.contains(where: isControl) ? " " : character)
            count += 1
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
