import PamyatText

/// A token as the score sees it: ids of its surface form and of its case-folded key (both from a
/// ``Vocabulary``), its kind, and whether white space came before it.
struct MatchToken: Hashable, Sendable {
    var surface: UInt32
    var key: UInt32
    var kind: TokenKind
    var spaceBefore: Bool
    /// A run of decoration marks (`-------`, `* * *`): it costs as punctuation but does not count in
    /// a text's length (see ``MatchToken/length(_:)``).
    var decoration: Bool = false

    /// The length of a text for the score: its tokens, decoration runs not counted.
    static func length<Tokens: Collection<MatchToken>>(_ tokens: Tokens) -> Int {
        var count = 0
        for token in tokens where !token.decoration { count += 1 }
        return count
    }
}

/// The cost of replacing one word by another word with a different key (see ``WordSimilarity``),
/// by positions in the query and the stored source: looked up in a table made per lookup, or
/// computed from the characters (explanations, tests).
protocol WordCosts {
    func wordCost(query i: Int, source j: Int) -> Int
}

/// Every different word costs a whole word (no character credit).
struct WholeWordCosts: WordCosts {
    @inline(__always) func wordCost(query i: Int, source j: Int) -> Int { MatchWeights.word }
}

extension MatchToken {
    /// The cost of replacing `self` (query token `i`) by `other` (source token `j`), 0 when equal,
    /// in tenths of a word; two words with different keys cost what `costs` says.
    @inline(__always)
    func substitutionCost<Costs: WordCosts>(_ other: MatchToken, _ i: Int, _ j: Int, _ costs: Costs) -> Int {
        var cost: Int
        if surface == other.surface {
            cost = 0
        } else if key == other.key {
            cost = MatchWeights.caseOnly
        } else if kind == other.kind {
            switch kind {
            case .number: cost = MatchWeights.number
            case .punctuation: cost = MatchWeights.punctuation
            case .tag: cost = MatchWeights.tag
            case .word:
                cost = costs.wordCost(query: i, source: j)
                if cost >= MatchWeights.word { return MatchWeights.word }
            case .whitespace: return MatchWeights.word
            }
        } else {
            return MatchWeights.word
        }
        if spaceBefore != other.spaceBefore { cost += MatchWeights.whitespace }
        return cost
    }

    /// The cost of inserting or deleting `self`, in tenths of a word.
    @inline(__always)
    var indelCost: Int { Self.indelCost(kind) }

    @inline(__always)
    static func indelCost(_ kind: TokenKind) -> Int {
        switch kind {
        case .word, .number, .whitespace: MatchWeights.word
        case .punctuation: MatchWeights.punctuation
        case .tag: MatchWeights.tag
        }
    }
}
