import PamyatCore

/// Explanations and number placeables for many tasks at once: keeps a pool of ``PairScorer``s and
/// ``NumberAdapter``s (each owns an ICU tokenizer, so each is used by one task at a time).
public final class MatchExplainer: Sendable {
    private let scorers = Pool<PairScorer> { language in try PairScorer(language: LanguageTag(canonical: language)) }
    private let adapters = Pool<NumberAdapter> { language in try NumberAdapter(targetLanguage: LanguageTag(canonical: language)) }

    public init() {}

    /// The score and operations of `source` against `query` in `language` (see ``PairScorer``).
    public func compare(query: String, source: String, language: LanguageTag, similarWords: Bool = false) throws -> PairComparison {
        try scorers.with(language.language) { $0.compare(query: query, source: source, similarWords: similarWords) }
    }

    /// The score and operations of a source against a query, both as the index holds them
    /// (``FuzzyIndex/lookupExplained(_:from:to:minimum:limit:exhaustive:similarWords:)``, whose
    /// `similarWords` they carry): the same result as ``compare(query:source:language:similarWords:)``
    /// on their texts, without tokenizing either again.
    public func compare(query: TokenizedSide, source: TokenizedSide) -> PairComparison {
        PairScorer.compare(query: query, source: source, identical: query.tokens == source.tokens, similarWords: query.similarWords)
    }

    /// `target` with the changed numbers replaced (see ``NumberAdapter``), or `nil`.
    public func adapt(target: String, language: LanguageTag, changes: [NumberChange]) throws -> String? {
        try adapters.with(language.language) { $0.adapt(target: target, changes: changes) }
    }
}
