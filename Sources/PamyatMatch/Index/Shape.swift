/// The counts of an entry's tokens that the filters need: its length (`m`, tokens less decoration
/// runs), words and numbers (`heavy`), and numbers alone.
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
        self.init(tokens: MatchToken.length(tokens), heavy: heavy, numbers: numbers)
    }
}

/// An entry's ``Shape`` and liveness in one 64-bit word: tokens in bits 0–20, words and numbers in
/// 21–41, numbers in 42–62, and bit 63 set when the entry is dead. Texts of more than 2,097,151
/// tokens (some 10 MB) are not indexed.
enum PackedShape {
    static let deadBit: UInt64 = 1 << 63
    static let fieldMask: UInt64 = (1 << 21) - 1
    static let largestCount = Int(fieldMask)

    @inline(__always)
    static func pack(_ shape: Shape) -> UInt64 {
        UInt64(shape.tokens) | UInt64(shape.heavy) << 21 | UInt64(shape.numbers) << 42
    }

    @inline(__always) static func tokens(_ packed: UInt64) -> Int { Int(packed & fieldMask) }
    @inline(__always) static func heavy(_ packed: UInt64) -> Int { Int(packed >> 21 & fieldMask) }
    @inline(__always) static func numbers(_ packed: UInt64) -> Int { Int(packed >> 42 & fieldMask) }
    @inline(__always) static func isDead(_ packed: UInt64) -> Bool { packed & deadBit != 0 }

    static func shape(_ packed: UInt64) -> Shape {
        Shape(tokens: tokens(packed), heavy: heavy(packed), numbers: numbers(packed))
    }
}

/// A posting: an entry id with a copy of its shape, so that the filters can judge an entry while
/// reading a posting list, without a random access to the entry's data. Bits 0–31 entry, 32–42
/// tokens, 43–53 words and numbers, 54–62 numbers; bit 63 set when a count did not fit (then the
/// shape is read from ``LanguageIndex/packedShapes``).
enum Posting {
    static let overflowBit: UInt64 = 1 << 63

    @inline(__always)
    static func make(entry: UInt32, shape: Shape) -> UInt64 {
        guard shape.tokens < 2048, shape.heavy < 2048, shape.numbers < 512 else { return UInt64(entry) | overflowBit }
        return UInt64(entry) | UInt64(shape.tokens) << 32 | UInt64(shape.heavy) << 43 | UInt64(shape.numbers) << 54
    }

    @inline(__always) static func entry(_ posting: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: posting) }
    @inline(__always) static func overflows(_ posting: UInt64) -> Bool { posting & overflowBit != 0 }
    @inline(__always) static func tokens(_ posting: UInt64) -> Int { Int(posting >> 32 & 2047) }
    @inline(__always) static func heavy(_ posting: UInt64) -> Int { Int(posting >> 43 & 2047) }
    @inline(__always) static func numbers(_ posting: UInt64) -> Int { Int(posting >> 54 & 511) }
}

/// The filters that make the indexed lookup exact: lower bounds of the weighted distance that
/// depend on counts only. An entry that fails one cannot reach the minimum score. The proofs are in
/// `docs/MATCHING-INDEX.md`.
enum Bounds {
    /// What a shared word is worth in the weighted overlap (a whole word, in tenths).
    static let wordWeight = MatchWeights.word
    /// What a shared number is worth: an unshared number can still pair with another number for
    /// ``MatchWeights/number``, so sharing it saves only that much.
    static let numberWeight = MatchWeights.number

    /// Whether the token counts alone allow a score of `minimum`: every insertion or deletion costs
    /// at least half a word, so `d ≥ 5 |n − m|` (tenths) must stay within the allowed distance.
    @inline(__always)
    static func lengthAllows(queryTokens n: Int, sourceTokens m: Int, minimum: Int) -> Bool {
        MatchWeights.punctuation * abs(n - m) <= MatchScore.maximumDistance(minimum: minimum, longest: max(n, m))
    }

    /// The least weighted overlap (10 per shared word, 3 per shared number, multisets, words case
    /// folded) an entry must have with the query to reach `minimum`.
    ///
    /// With `H` the larger count of words and numbers, `P = min(numbers on each side)`, `w` shared
    /// words and `k` shared numbers: every word or number not in a cheap pair (an equal word, or two
    /// numbers) costs a whole word and at most `P` number pairs are cheap, of which all but `k` cost
    /// 3: `d ≥ 10 (H − w − P) + 3 (P − k)`. So `10 w + 3 k ≥ 10 (H − P) + 3 P − allowed`.
    @inline(__always)
    static func requiredWeight(
        queryTokens n: Int, queryHeavy: Int, queryNumbers: Int,
        sourceTokens m: Int, sourceHeavy: Int, sourceNumbers: Int, minimum: Int
    ) -> Int {
        requiredWeight(
            queryHeavy: queryHeavy, queryNumbers: queryNumbers, sourceHeavy: sourceHeavy, sourceNumbers: sourceNumbers,
            allowed: MatchScore.maximumDistance(minimum: minimum, longest: max(n, m)))
    }

    /// ``requiredWeight(queryTokens:queryHeavy:queryNumbers:sourceTokens:sourceHeavy:sourceNumbers:minimum:)``
    /// with the allowed distance already known (tabulated per source length by the search).
    @inline(__always)
    static func requiredWeight(queryHeavy: Int, queryNumbers: Int, sourceHeavy: Int, sourceNumbers: Int, allowed: Int) -> Int {
        let pairs = Swift.min(queryNumbers, sourceNumbers)
        return wordWeight &* (Swift.max(queryHeavy, sourceHeavy) &- pairs) &+ numberWeight &* pairs &- allowed
    }

    /// The largest weighted overlap two sides can have.
    @inline(__always)
    static func largestWeight(queryWords: Int, queryNumbers: Int, sourceWords: Int, sourceNumbers: Int) -> Int {
        wordWeight * min(queryWords, sourceWords) + numberWeight * min(queryNumbers, sourceNumbers)
    }
}
