import PamyatText

/// A token as the score sees it: ids of its surface form and of its case-folded key (both from a
/// ``Vocabulary``), its kind, and whether white space came before it.
struct MatchToken: Hashable, Sendable {
    var surface: UInt32
    var key: UInt32
    var kind: TokenKind
    var spaceBefore: Bool
}

extension MatchToken {
    /// The cost of replacing `self` by `other` (0 when equal), in tenths of a word.
    @inline(__always)
    func substitutionCost(_ other: MatchToken) -> Int {
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
            case .word, .whitespace: return MatchWeights.word
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
