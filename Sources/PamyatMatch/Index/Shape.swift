/// The counts of an entry's tokens that the filters need: all tokens (`m`), words and numbers
/// (`heavy`), and numbers alone.
struct Shape: Hashable, Sendable {
    var tokens: UInt32
    var heavy: UInt32
    var numbers: UInt32

    init(tokens: Int, heavy: Int, numbers: Int) {
        self.tokens = UInt32(tokens)
        self.heavy = UInt32(heavy)
        self.numbers = UInt32(numbers)
    }

    init(_ tokens: [MatchToken]) {
        var heavy = 0
        var numbers = 0
        for token in tokens {
            if token.kind == .word { heavy += 1 } else if token.kind == .number { heavy += 1; numbers += 1 }
        }
        self.init(tokens: tokens.count, heavy: heavy, numbers: numbers)
    }
}

/// The filters that make the indexed lookup exact: lower bounds of the weighted distance that
/// depend on counts only. An entry that fails one cannot reach the minimum score. The proofs are in
/// `docs/MATCHING.md` ("The index and its guarantee").
enum Bounds {
    /// Whether the token counts alone allow a score of `minimum`: every insertion or deletion costs
    /// at least half a word, so `d ≥ 5 |n − m|` (tenths) must stay within `max(n, m) (100 − min) / 10`.
    @inline(__always)
    static func lengthAllows(queryTokens n: Int, sourceTokens m: Int, minimum: Int) -> Bool {
        let longest = max(n, m)
        return 50 * abs(n - m) <= longest * (100 - minimum)
    }

    /// The least number of query words (multiset, case folded) an entry must share with the query
    /// to reach `minimum`. Every word or number of either side that is not paired with an equal
    /// word (up to case) or with a number costs a whole word, so
    /// `d ≥ 10 (max(Hq, Hs) − overlap − min(Nq, Ns))`.
    @inline(__always)
    static func requiredOverlap(
        queryTokens n: Int, queryHeavy: Int, queryNumbers: Int,
        sourceTokens m: Int, sourceHeavy: Int, sourceNumbers: Int, minimum: Int
    ) -> Int {
        let longest = max(n, m)
        let allowed = longest * (100 - minimum) / 100
        return max(queryHeavy, sourceHeavy) - min(queryNumbers, sourceNumbers) - allowed
    }
}
