import PamyatCore

/// What to look up and how.
public struct LookupRequest: Hashable, Sendable {
    /// The sentence to look up.
    public var text: String
    public var from: LanguageTag
    public var to: LanguageTag
    /// The least score a match needs (0–100).
    public var minimum: Int
    /// The most distinct sources returned (several translations of one source count once).
    public var limit: Int
    /// The sentence before `text` in the document being translated: an exact match whose stored
    /// previous sentence is the same scores 101.
    public var previous: String?
    /// Only this memory (by name); `nil` for all, in order.
    public var memory: String?
    /// Score every stored text instead of using the index (the same results, slower).
    public var exhaustive: Bool
    /// Credit a word replaced by a similar word (a typo, another ending) with part of its cost
    /// (off by default: about 30 times costlier; see `docs/MATCHING.md`, "Similar words").
    public var similarWords: Bool

    public init(
        text: String, from: LanguageTag, to: LanguageTag, minimum: Int = 70, limit: Int = 5, previous: String? = nil,
        memory: String? = nil, exhaustive: Bool = false, similarWords: Bool = false
    ) {
        self.text = text
        self.from = from
        self.to = to
        self.minimum = minimum
        self.limit = limit
        self.previous = previous
        self.memory = memory
        self.exhaustive = exhaustive
        self.similarWords = similarWords
    }
}
