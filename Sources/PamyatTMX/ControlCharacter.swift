/// What pamyat does with characters that XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF) when they are in stored text.
///
/// - In segment text they are exported as a placeholder, `<ph type="x-pamyat-control">&amp;#x1B;</ph>`:
///   other tools show an inline tag (what such a character is to a translator), and pamyat's reader
///   turns the placeholder back into the character, so a round trip loses nothing.
/// - In properties, notes and attributes (plain text in TMX, where no tag may stand) they are dropped,
///   and the writer counts them (``TMXWriter/droppedCharacters``) so the export can warn.
public enum ControlCharacter {
    /// The `type` of the placeholder `ph`.
    public static let placeholderType = "x-pamyat-control"

    /// Appends the placeholder for `scalar`.
    static func appendPlaceholder(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(contentsOf: #"<ph type="x-pamyat-control">&amp;#x"#.utf8)
        output.append(contentsOf: String(scalar.value, radix: 16, uppercase: true).utf8)
        output.append(contentsOf: ";</ph>".utf8)
    }

    /// The character a placeholder's content (`&#x1B;` once unescaped) stands for, when it is one
    /// XML forbids; `nil` otherwise (the `ph` is then ordinary markup).
    static func decode(_ content: String) -> Unicode.Scalar? {
        guard content.hasPrefix("&#x"), content.hasSuffix(";"), content.utf8.count <= 10,
            let value = UInt32(content.dropFirst(3).dropLast(), radix: 16),
            let scalar = Unicode.Scalar(value), !XMLEscaping.isAllowed(scalar)
        else { return nil }
        return scalar
    }
}
