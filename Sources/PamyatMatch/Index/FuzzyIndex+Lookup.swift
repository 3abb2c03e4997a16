import PamyatCore
import PamyatText

/// A text of the index that matched a query: its score and the units holding it.
public struct IndexMatch: Hashable, Sendable {
    /// The score, 0–100 (see ``MatchScore``).
    public var score: Int
    /// The units whose source-language variant is this text and that have the target language,
    /// newest (highest id) first.
    public var units: [Int64]
}

extension FuzzyIndex {
    /// The texts in `source` most similar to `query` whose units also have a `target` variant: at
    /// most `limit` texts scoring at least `minimum`, best first (higher score, then the text whose
    /// newest unit is newer).
    ///
    /// `exhaustive` scores every text instead of using the index; the results are the same (the
    /// index's guarantee), only slower.
    ///
    /// `similarWords` (off by default) lets a word replaced by a similar word (a typo, another
    /// ending: see `docs/MATCHING.md`, "Similar words") cost 0.1–0.3 of a word instead of a whole
    /// one. It finds more of what a translator wants but makes a lookup about 20 times costlier, so
    /// it is an option; the index stays exact (equal to the exhaustive scan) either way.
    public func lookup(
        _ query: String, from source: LanguageTag, to target: LanguageTag, minimum: Int, limit: Int,
        exhaustive: Bool = false, similarWords: Bool = false
    ) throws -> [IndexMatch] {
        try search(
            query, from: source, to: target, minimum: minimum, limit: limit, exhaustive: exhaustive, similarWords: similarWords,
            sides: false
        ).matches
    }

    /// ``lookup(_:from:to:minimum:limit:exhaustive:similarWords:)`` with what explaining the matches needs: the
    /// query's side and each match's source side, made from the tokens the index holds (the
    /// explainer then tokenizes nothing again). `sources[i]` is the text of `matches[i]`;
    /// `query` is `nil` when there are no matches.
    public func lookupExplained(
        _ query: String, from source: LanguageTag, to target: LanguageTag, minimum: Int, limit: Int, exhaustive: Bool = false,
        similarWords: Bool = false
    ) throws -> (matches: [IndexMatch], query: TokenizedSide?, sources: [TokenizedSide]) {
        try search(
            query, from: source, to: target, minimum: minimum, limit: limit, exhaustive: exhaustive, similarWords: similarWords,
            sides: true)
    }

    private func search(
        _ query: String, from source: LanguageTag, to target: LanguageTag, minimum: Int, limit: Int, exhaustive: Bool,
        similarWords: Bool, sides: Bool
    ) throws -> (matches: [IndexMatch], query: TokenizedSide?, sources: [TokenizedSide]) {
        try Self.validate(query: query, minimum: minimum, limit: limit)
        let language = source.language
        let canonical = Normalizer.canonical(query)
        guard !canonical.isEmpty else { throw MatchError(.emptyQuery, "The query is empty; give the sentence to look up.") }
        let tokenized = try tokenizers.with(language) { $0.tokenize(canonical) }
        return try scratches.with("") { scratch in
            lock.withReadLock {
                guard let slot = slots[language], let targetSlot = slots[target.language] else { return ([], nil, []) }
                let index = indexes[slot]
                let (queryTokens, newKeys) = index.vocabulary.queryTokensAndKeys(tokenized)
                let prepared = PreparedQuery(tokens: queryTokens, newKeys: newKeys)
                guard !prepared.tokens.isEmpty else { return ([], nil, []) }
                let targetBit = UInt64(1) << UInt64(targetSlot)
                let qualify: (UInt32) -> Int64? = { entry in
                    var newest: Int64? = nil
                    index.forEachUnit(of: entry) { unit in
                        if let slot = self.units[unit], slot.languages & targetBit != 0, unit > (newest ?? .min) { newest = unit }
                    }
                    return newest
                }
                var workspace = scratch.workspace
                scratch.workspace = Workspace()
                defer { scratch.workspace = workspace }
                let hits = exhaustive
                    ? index.scan(
                        query: prepared, minimum: minimum, limit: limit, similarWords: similarWords, workspace: &workspace,
                        qualify: qualify)
                    : index.search(
                        query: prepared, minimum: minimum, limit: limit, similarWords: similarWords, workspace: &workspace,
                        qualify: qualify)
                let matches = hits.map { hit in
                    let holders = index.units(of: hit.entry).filter { (self.units[$0]?.languages ?? 0) & targetBit != 0 }
                    return IndexMatch(score: hit.score, units: holders.sorted(by: >))
                }
                guard sides, !hits.isEmpty else { return (matches, nil, []) }
                let sources = hits.map { hit in
                    var tokens: [MatchToken] = []
                    index.decode(hit.entry, into: &tokens)
                    return TokenizedSide(tokens: tokens, surfaces: index.surfaceTexts(of: tokens), similarWords: similarWords)
                }
                return (matches, TokenizedSide(prepared.tokens, tokenized, similarWords: similarWords), sources)
            }
        }
    }

    /// Checks a query and the options before any work.
    public static func validate(query: String, minimum: Int, limit: Int) throws(MatchError) {
        guard (0...100).contains(minimum) else {
            throw MatchError(.badOption, "The minimum score must be between 0 and 100, not \(minimum).")
        }
        guard limit >= 1 else { throw MatchError(.badOption, "The limit must be at least 1, not \(limit).") }
        guard query.utf8.count <= maximumQueryBytes else {
            throw MatchError(
                .queryTooLong,
                "The query is \(query.utf8.count) bytes long; the most is \(maximumQueryBytes) (look up one sentence at a time).")
        }
        guard query.unicodeScalars.contains(where: { !($0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}") }) else {
            throw MatchError(.emptyQuery, "The query is empty; give the sentence to look up.")
        }
    }
}
