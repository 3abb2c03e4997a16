/// The words of a vocabulary by positional character bigrams, to find every word key similar to a
/// query word (``WordSimilarity``: cost below a whole word) without comparing it with each key.
///
/// Each word key's similarity form (of at least ``WordSimilarity/shortest`` scalars) is padded with
/// a mark on each side and cut into its `n + 1` bigrams; a list per bigram *and position* holds the
/// keys with that bigram there. If two forms are at edit distance `e`, the bigrams of the longer
/// (`L + 1` of them, `L = max(a, b)`) that no edit touches, at least `L + 1 − 2e` (one edit breaks
/// at most two), are found in the other, each at a distinct position shifted by at most `e`. A
/// similar pair has `e ≤ E(L) = min(2, ⌊L/3⌋)`, so at least `T(L) = L + 1 − 2 E(L)` positions of the
/// query word have their bigram in the partner two or fewer positions away (3 of 7 for `L = 6`, 9
/// of 13 for `L = 12`). The search counts, per key, those query positions; keeps the keys whose count
/// can reach their `T`, and computes the edit distance of those (bit-parallel): none is missed. The
/// query positions with the longest lists (two at most, and fewer than the least `T` any partner
/// length allows) are not read (prefix filtering: a partner matches enough of the others). Forms shorter than four are
/// only similar to keys with the same form (`её` / `ее`), kept in a table; forms longer than 250
/// are compared one by one.
struct SimilarWords: Sendable {
    /// `forms[formStarts[k]..<formStarts[k + 1]]`: key `k`'s similarity form (empty: not a word).
    private(set) var formStarts: [UInt32] = [0]
    private(set) var forms: [UInt32] = []
    private var gramIDs: [UInt64: UInt32] = [:]
    private var lists: [[UInt32]] = []
    /// Short word forms → the keys with that form.
    private var shortForms: [[UInt32]: [UInt32]] = [:]
    /// Word keys with forms longer than ``longestIndexed``.
    private var longKeys: [UInt32] = []
    static let longestIndexed = 250

    var count: Int { formStarts.count - 1 }

    init() {}

    /// Adds the next key (its id is ``count``): `key` is its text, `isWord` whether it is a word's.
    mutating func append(key: String, isWord: Bool) {
        let id = UInt32(count)
        guard isWord else {
            formStarts.append(UInt32(forms.count))
            return
        }
        let form = WordSimilarity.form(key)
        forms.append(contentsOf: form)
        formStarts.append(UInt32(forms.count))
        if form.count < WordSimilarity.shortest {
            shortForms[form, default: []].append(id)
            return
        }
        if form.count > Self.longestIndexed {
            longKeys.append(id)
            return
        }
        Self.forEachGram(form) { position, gram in
            let listKey = gram << 8 | UInt64(position)
            if let list = gramIDs[listKey] {
                lists[Int(list)].append(id)
            } else {
                gramIDs[listKey] = UInt32(lists.count)
                lists.append([id])
            }
        }
    }

    @inline(__always)
    static func forEachGram(_ form: [UInt32], _ body: (Int, UInt64) -> Void) {
        let n = form.count
        @inline(__always) func at(_ i: Int) -> UInt64 { i < 1 || i >= n + 1 ? 0 : UInt64(form[i - 1]) + 1 }
        for i in 0..<(n + 1) { body(i, at(i) << 21 | at(i + 1)) }
    }

    /// The least number of bigrams a similar pair with a longer length of `longest` shares.
    @inline(__always)
    static func threshold(longest: Int) -> Int { longest + 1 - 2 * WordSimilarity.maximumEdits(longest: longest) }

    /// Calls `visit` with every word key other than `excluding` whose cost against a word of form
    /// `form` is below a whole word, and that cost. `counts` (one per key, all 0) and `touched` are
    /// scratch space, left as found.
    func neighbours(
        of form: [UInt32], excluding: UInt32?, counts: inout [UInt16], marks: inout [UInt8], touched: inout [UInt32], visit: (UInt32, Int) -> Void
    ) {
        let a = form.count
        if a < WordSimilarity.shortest {
            for key in shortForms[form] ?? [] where key != excluding { visit(key, MatchWeights.caseOnly) }
            return
        }
        if counts.count < count { counts.append(contentsOf: repeatElement(0, count: count - counts.count)) }
        let pattern = WordPattern(form)
        if a > Self.longestIndexed - WordSimilarity.mostEdits {
            forms.withUnsafeBufferPointer { all in
                for key in longKeys where key != excluding {
                    let start = Int(formStarts[Int(key)])
                    let b = Int(formStarts[Int(key) + 1]) - start
                    guard WordSimilarity.lengthsAllow(a, b) else { continue }
                    let longest = max(a, b)
                    let candidate = UnsafeBufferPointer(rebasing: all[start..<start + b])
                    guard let edits = WordSimilarity.boundedLevenshtein(pattern, candidate, limit: WordSimilarity.maximumEdits(longest: longest))
                    else { continue }
                    visit(key, edits == 0 ? MatchWeights.caseOnly : WordSimilarity.cost(edits: edits, longest: longest))
                }
            }
            if a > Self.longestIndexed + WordSimilarity.mostEdits { return }
        }
        if marks.count < count { marks.append(contentsOf: repeatElement(0, count: count - marks.count)) }
        // Per query position: its bigram's lists at the positions two or fewer away.
        var positions: [(position: Int, lists: [Int], length: Int)] = []
        Self.forEachGram(form) { position, gram in
            var found: [Int] = []
            var length = 0
            for other in max(0, position - WordSimilarity.mostEdits)...(position + WordSimilarity.mostEdits) {
                if let list = gramIDs[gram << 8 | UInt64(other)] {
                    found.append(Int(list))
                    length += lists[Int(list)].count
                }
            }
            if !found.isEmpty { positions.append((position, found, length)) }
        }
        // The least shared count over the partner lengths allowed; the query positions with the
        // longest lists, fewer than that, are not read (a partner matches enough of the others).
        var least = Int.max
        for longest in a...(a + WordSimilarity.mostEdits) { least = min(least, Self.threshold(longest: longest)) }
        positions.sort { $0.length > $1.length }
        // At most two: skipping more makes more keys pass the count (each then needs its edit
        // distance), which costs more than reading the lists.
        let skipped = min(least - 1, positions.count, 2)
        guard skipped < positions.count else { return }
        counts.withUnsafeMutableBufferPointer { counts in
            marks.withUnsafeMutableBufferPointer { marks in
                for (position, found, _) in positions[skipped...] {
                    let mark = UInt8(truncatingIfNeeded: position + 1)
                    for list in found {
                        lists[list].withUnsafeBufferPointer { keys in
                            for key in keys {
                                let index = Int(key)
                                // Each query position counts once per key.
                                guard marks[index] != mark else { continue }
                                marks[index] = mark
                                if counts[index] == 0 { touched.append(key) }
                                counts[index] &+= 1
                            }
                        }
                    }
                }
            }
        }
        forms.withUnsafeBufferPointer { all in
            for key in touched {
                let index = Int(key)
                let count = Int(counts[index]) + skipped
                counts[index] = 0
                marks[index] = 0
                guard key != excluding else { continue }
                let start = Int(formStarts[index])
                let b = Int(formStarts[index + 1]) - start
                guard WordSimilarity.lengthsAllow(a, b) else { continue }
                let longest = max(a, b)
                guard count >= Self.threshold(longest: longest) else { continue }
                let candidate = UnsafeBufferPointer(rebasing: all[start..<start + b])
                guard let edits = WordSimilarity.boundedLevenshtein(pattern, candidate, limit: WordSimilarity.maximumEdits(longest: longest))
                else { continue }
                visit(key, edits == 0 ? MatchWeights.caseOnly : WordSimilarity.cost(edits: edits, longest: longest))
            }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Key `k`'s similarity form.
    func form(_ key: Int) -> [UInt32] { Array(forms[Int(formStarts[key])..<Int(formStarts[key + 1])]) }
}

