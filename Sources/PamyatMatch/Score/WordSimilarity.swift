/// The cost of replacing a word by a *different* word (different keys), by the characters of their
/// keys: near-identical words (a typo, another ending) cost a fraction of a word. See
/// `docs/MATCHING.md` ("Similar words").
///
/// On the *similarity forms* of the two keys (the case-folded key with `ё` read as `е`), with `L`
/// the longer length and `e` the Levenshtein distance, both in Unicode scalars:
/// - the same similarity form (`ёлка` / `елка`): ``MatchWeights/caseOnly``;
/// - both at least ``shortest`` long, `e ≤ 2` and `3e ≤ L` (one or two edits, at most a third of
///   the characters): `max(1, round(10 e / L))` tenths (half up);
/// - otherwise a whole word (``MatchWeights/word``).
enum WordSimilarity {
    /// Words shorter than this never get character credit (`on` / `in`, `the` / `they`).
    static let shortest = 4

    /// The similarity form of a key: its scalars with `ё` → `е`.
    static func form(_ key: String) -> [UInt32] {
        key.unicodeScalars.map { $0.value == 0x451 ? 0x435 : $0.value }
    }

    /// Whether two forms of these lengths can be similar at all (`|a − b| ≤ e`, `e ≤ 2`, `3e ≤ L`).
    @inline(__always)
    static func lengthsAllow(_ a: Int, _ b: Int) -> Bool {
        guard a >= shortest, b >= shortest else { return false }
        return abs(a - b) <= maximumEdits(a, b)
    }

    /// The most edits two forms of these lengths may differ by and still be similar.
    @inline(__always)
    static func maximumEdits(_ a: Int, _ b: Int) -> Int { maximumEdits(longest: max(a, b)) }

    /// The most edits two forms whose longer has `longest` scalars may differ by and still be similar.
    @inline(__always)
    static func maximumEdits(longest: Int) -> Int { min(mostEdits, longest / 3) }

    /// Words differing by more edits than this are different words, however long.
    static let mostEdits = 2

    /// The cost in tenths of replacing a word of form `a` by one of form `b` (their keys differ).
    static func cost(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        if a.count == b.count && a.elementsEqual(b) { return MatchWeights.caseOnly }
        guard lengthsAllow(a.count, b.count) else { return MatchWeights.word }
        let longest = max(a.count, b.count)
        guard let edits = boundedLevenshtein(a, b, limit: maximumEdits(a.count, b.count)) else { return MatchWeights.word }
        return cost(edits: edits, longest: longest)
    }

    static func cost(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in cost(a, b) } }
    }

    /// `max(1, round(10 e / L))`, half up, for `1 ≤ e` and `3e ≤ L`.
    @inline(__always)
    static func cost(edits: Int, longest: Int) -> Int {
        max(1, (2 * MatchWeights.word * edits + longest) / (2 * longest))
    }

    /// The least cost a word of form length `a` can have against any different word with a
    /// different similarity form (for the bounds): one edit on the longest partner allowed.
    static func leastCost(length a: Int) -> Int {
        guard a >= shortest else { return MatchWeights.word }
        // One edit against a word one longer is the cheapest partial credit.
        return cost(edits: 1, longest: a + 1)
    }

    /// The Levenshtein distance of `a` and `b`, or `nil` when it exceeds `limit`.
    static func boundedLevenshtein(_ pattern: WordPattern, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        guard pattern.length <= 64 else { return pattern.form.withUnsafeBufferPointer { boundedLevenshtein($0, b, limit: limit) } }
        let distance = pattern.distance(to: b)
        return distance <= limit ? distance : nil
    }

    /// The Levenshtein distance of `a` and `b`, or `nil` when it exceeds `limit`.
    static func boundedLevenshtein(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: m + 1) { row in
            for j in 0...m { row[j] = Int32(j) }
            for i in 1...n {
                var diagonal = row[0]
                row[0] = Int32(i)
                var rowMinimum = row[0]
                let x = a[i - 1]
                for j in 1...m {
                    let up = row[j]
                    var best = diagonal + (x == b[j - 1] ? 0 : 1)
                    if up + 1 < best { best = up + 1 }
                    if row[j - 1] + 1 < best { best = row[j - 1] + 1 }
                    diagonal = up
                    row[j] = best
                    if best < rowMinimum { rowMinimum = best }
                }
                if Int(rowMinimum) > limit { return nil }
            }
            let result = Int(row[m])
            return result <= limit ? result : nil
        }
    }
}

/// A word form prepared for Myers' bit-parallel edit distance (one machine word per column: forms
/// of at most 64 scalars), to compare one query word with many stored ones.
struct WordPattern {
    let form: [UInt32]
    let length: Int
    /// By a scalar's low 7 bits: the scalar and its positions' mask (when no two of the pattern's
    /// scalars share those bits; else `collides` and the slow search).
    private var chars: [UInt32] = Array(repeating: UInt32.max, count: 128)
    private var masks: [UInt64] = Array(repeating: 0, count: 128)
    private var collides = false

    init(_ form: [UInt32]) {
        self.form = form
        length = form.count
        guard form.count <= 64 else { return }
        for scalar in form {
            let slot = Int(scalar & 127)
            if chars[slot] == UInt32.max { chars[slot] = scalar } else if chars[slot] != scalar { collides = true }
        }
        if collides {
            chars = []
            masks = []
            for (position, scalar) in form.enumerated() {
                if let index = chars.firstIndex(of: scalar) {
                    masks[index] |= UInt64(1) << UInt64(position)
                } else {
                    chars.append(scalar)
                    masks.append(UInt64(1) << UInt64(position))
                }
            }
        } else {
            for (position, scalar) in form.enumerated() { masks[Int(scalar & 127)] |= UInt64(1) << UInt64(position) }
        }
    }

    /// The Levenshtein distance between the pattern and `text` (Hyyrö's formulation of Myers'
    /// algorithm for the global distance).
    func distance(to text: UnsafeBufferPointer<UInt32>) -> Int {
        let m = length
        if m == 0 { return text.count }
        return chars.withUnsafeBufferPointer { chars in
            masks.withUnsafeBufferPointer { masks in
                var pv = UInt64.max
                var mv: UInt64 = 0
                var score = m
                let high = UInt64(1) << UInt64(m - 1)
                for scalar in text {
                    var eq: UInt64 = 0
                    if collides {
                        for index in 0..<chars.count where chars[index] == scalar {
                            eq = masks[index]
                            break
                        }
                    } else {
                        let slot = Int(scalar & 127)
                        if chars[slot] == scalar { eq = masks[slot] }
                    }
                    let xv = eq | mv
                    let xh = (((eq & pv) &+ pv) ^ pv) | eq
                    var ph = mv | ~(xh | pv)
                    var mh = pv & xh
                    if ph & high != 0 { score += 1 } else if mh & high != 0 { score -= 1 }
                    ph = ph << 1 | 1
                    mh = mh << 1
                    pv = mh | ~(xv | ph)
                    mv = ph & xv
                }
                return score
            }
        }
    }
}
