import PamyatCore
import PamyatMatch

/// One match of a lookup, as `pamyat lookup --json` prints it and the server's `LOOKUP` returns it.
public struct LookupMatch: Hashable, Sendable, Codable {
    /// The score: 0–100 (see `docs/MATCHING.md`), 101 for an exact match in the same context,
    /// minus the memory's penalty.
    public var score: Int
    /// The stored source sentence.
    public var source: String
    /// The stored translation, or, when ``adapted``, the translation with the query's numbers.
    public var target: String
    /// The unit's id in its memory.
    public var unit: Int64
    /// The name of the memory the unit is in.
    public var memory: String
    /// The document the unit was aligned from, when known.
    public var document: String?
    /// The document's date, else the day the unit was last changed (`YYYY-MM-DD`).
    public var date: String?
    /// Whether ``target`` had its numbers replaced by the query's (number placeables).
    public var adapted: Bool
    /// How the stored source becomes the query, token by token.
    public var diff: [TokenOperation]
    /// `context` (101), `adapted`, `several-translations` (the source has more than one stored
    /// translation; all are returned, newest first), `penalty` (the memory's penalty was taken off).
    public var flags: [String]
    /// The source and target languages.
    public var from: LanguageTag
    public var to: LanguageTag
    /// How many stored translations the source has (1 for most).
    public var translations: Int
    /// The stored translation before adaptation, when ``adapted``.
    public var storedTarget: String?
    /// The memory's penalty that was taken off the score (0 for none).
    public var penalty: Int

    /// A match with every member given (the lookup service makes them; front ends and tests may too).
    public init(
        score: Int, source: String, target: String, unit: Int64, memory: String, document: String? = nil, date: String? = nil,
        adapted: Bool = false, diff: [TokenOperation] = [], flags: [String] = [], from: LanguageTag, to: LanguageTag,
        translations: Int = 1, storedTarget: String? = nil, penalty: Int = 0
    ) {
        self.score = score
        self.source = source
        self.target = target
        self.unit = unit
        self.memory = memory
        self.document = document
        self.date = date
        self.adapted = adapted
        self.diff = diff
        self.flags = flags
        self.from = from
        self.to = to
        self.translations = translations
        self.storedTarget = storedTarget
        self.penalty = penalty
    }
}

/// The matches for one query.
public struct LookupResult: Hashable, Sendable, Codable {
    /// The query as given.
    public var query: String
    public var matches: [LookupMatch]

    public init(query: String, matches: [LookupMatch]) {
        self.query = query
        self.matches = matches
    }
}
