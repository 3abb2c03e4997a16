/// What a token is, for matching: the kinds the score weighs differently.
public enum TokenKind: UInt8, Sendable, Hashable, Codable, CaseIterable {
    /// Letters (ICU word-break status "letter", "kana" or "ideographic"): `Москва`, `CSTO`.
    case word = 0
    /// Digits (ICU status "number"), with the separators ICU keeps inside: `2023`, `3,5`, `13.02.2023`.
    case number = 1
    /// Punctuation and symbols (ICU status "none" that is not white space): `,`, `«`, `%`, `—`.
    case punctuation = 2
    /// A run of white space (Unicode `White_Space` and U+200B ZERO WIDTH SPACE).
    case whitespace = 3
    /// An inline tag written as XML: `<b>`, `</b>`, `<x id="1"/>`, `<bpt i="1">`.
    case tag = 4

    /// Words and numbers: the tokens that cost a whole word when they differ.
    @inlinable public var isHeavy: Bool { self == .word || self == .number }
}

/// One token of a text: its kind and its UTF-8 byte range in the (NFC) text it was cut from.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    /// UTF-8 byte offsets in ``TokenizedText/text``.
    public var start: Int
    public var end: Int

    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}
