/// The match score: `floor(100 × (1 − d / max(n, m)))`, where `d` is the weighted edit distance
/// (in words) between the token sequences of the query and the stored source, and `n`, `m` their
/// token counts (white space is not a token). 100 means equal after NFC and white-space folding;
/// any other difference scores at most 99. See `docs/MATCHING.md`.
public enum MatchScore {
    /// The score for a distance of `distance` tenths of a word between sequences of `queryCount`
    /// and `sourceCount` tokens; `identical` tells whether the two texts are equal after NFC and
    /// white-space folding (only then can the score be 100).
    public static func score(distance: Int, queryCount: Int, sourceCount: Int, identical: Bool) -> Int {
        let longest = max(queryCount, sourceCount)
        if identical { return 100 }
        guard longest > 0 else { return 0 }
        let scale = MatchWeights.word * longest
        let value = max(0, 100 * (scale - distance)) / scale
        return min(value, 99)
    }

    /// The largest distance (in tenths of a word) that still scores at least `minimum` when the
    /// longer sequence has `longest` tokens: `d ≤ longest × (100 − minimum) / 10`.
    @inline(__always)
    static func maximumDistance(minimum: Int, longest: Int) -> Int {
        longest * (100 - minimum) * MatchWeights.word / 100
    }
}
