import PamyatCore

/// A unit whose text contains the searched text.
public struct ConcordanceHit: Hashable, Sendable, Codable {
    /// A translation of the hit: its language and text.
    public struct Translation: Hashable, Sendable, Codable {
        public var language: LanguageTag
        public var text: String
    }

    public var unit: Int64
    public var memory: String
    public var document: String?
    public var date: String?
    public var language: LanguageTag
    /// The text that contains the searched text (white space folded).
    public var text: String
    /// Where the searched text occurs in ``text``: `[start, end)` pairs in Unicode scalars.
    public var highlights: [[Int]]
    /// The unit's other variants: the `--to` language's only, or all.
    public var translations: [Translation]
}

/// What to search for in a concordance.
public struct ConcordanceRequest: Hashable, Sendable {
    public var text: String
    public var language: LanguageTag
    /// Only units with a variant in this language, shown as the translation.
    public var to: LanguageTag?
    public var limit: Int
    /// Only this memory (by name); `nil` for all, in order.
    public var memory: String?

    public init(text: String, language: LanguageTag, to: LanguageTag? = nil, limit: Int = 20, memory: String? = nil) {
        self.text = text
        self.language = language
        self.to = to
        self.limit = limit
        self.memory = memory
    }
}
