/// The words of a vocabulary by character trigrams, to find every word key similar to a query word
/// (``WordSimilarity``: cost below a whole word) without comparing it with each key.
///
/// Each word key's similarity form (of at least ``WordSimilarity/shortest`` scalars) is padded with
/// a mark on each side and cut into its `n + 1` bigrams; a list per bigram holds the keys with it.
/// Two forms at edit distance `e` share at least `max(a, b) + 1 − 2e` bigrams (counted with
/// multiplicity: one edit breaks at most two), and a similar pair has `3e ≤ L = max(a, b)`, so it
/// shares at least `T(L) = L + 1 − 2⌊L/3⌋` (3 of 7 bigrams for `L = 6`, 5 of 13 for `L = 12`).
/// The search counts, per key, the query's bigrams it holds (each with the query's multiplicity, an
/// upper bound of the shared count), keeps the keys whose count can reach their `T`, and computes the
/// edit distance of those (bit-parallel): none is missed. The longest lists whose weights add up to
/// less than the least `T` any partner length allows are not read (prefix filtering: a partner
/// holds at least one of the others). Forms
/// shorter than that are only similar to keys with the same form (`её` / `ее`), kept in a table.
struct SimilarWords: Sendable {
    /// `forms[formStarts[k]..<formStarts[k + 1]]`: key `k`'s similarity form (empty: not a word).
    private(set) var formStarts: [UInt32] = [0]
    private(set) var forms: [UInt32] = []
    private var gramIDs: [UInt64: UInt32] = [:]
    private var lists: [[UInt32]] = []
    /// Short word forms → the keys with that form.
    private var shortForms: [[UInt32]: [UInt32]] = [:]

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
        var seen: [UInt64] = []
        Self.forEachGram(form) { gram in
            guard !seen.contains(gram) else { return }
            seen.append(gram)
            if let list = gramIDs[gram] {
                lists[Int(list)].append(id)
            } else {
                gramIDs[gram] = UInt32(lists.count)
                lists.append([id])
            }
        }
    }

    @inline(__always)
    static func forEachGram(_ form: [UInt32], _ body: (UInt64) -> Void) {
        let n = form.count
        @inline(__always) func at(_ i: Int) -> UInt64 { i < 1 || i >= n + 1 ? 0 : UInt64(form[i - 1]) + 1 }
        for i in 0..<(n + 1) { body(at(i) << 21 | at(i + 1)) }
    }

    /// The least number of bigrams a similar pair with a longer length of `longest` shares.
    @inline(__always)
    static func threshold(longest: Int) -> Int { longest + 1 - 2 * (longest / 3) }

    /// Calls `visit` with every word key other than `excluding` whose cost against a word of form
    /// `form` is below a whole word, and that cost. `counts` (one per key, all 0) and `touched` are
    /// scratch space, left as found.
    func neighbours(
        of form: [UInt32], excluding: UInt32?, counts: inout [UInt16], touched: inout [UInt32], visit: (UInt32, Int) -> Void
    ) {
        let a = form.count
        if a < WordSimilarity.shortest {
            for key in shortForms[form] ?? [] where key != excluding { visit(key, MatchWeights.caseOnly) }
            return
        }
        // The query's distinct trigrams with their multiplicities.
        var grams: [(list: Int, weight: Int)] = []
        var seen: [UInt64: Int] = [:]
        Self.forEachGram(form) { gram in
            guard let list = gramIDs[gram] else { return }
            if let position = seen[gram] {
                grams[position].weight += 1
            } else {
                seen[gram] = grams.count
                grams.append((Int(list), 1))
            }
        }
        guard !grams.isEmpty else { return }
        if counts.count < count { counts.append(contentsOf: repeatElement(0, count: count - counts.count)) }
        // Every similar key shares at least `least` bigrams (over the partner lengths allowed): the
        // longest lists whose weights add up to less than that are not read.
        var least = Int.max
        for longest in a...(3 * a / 2) { least = min(least, Self.threshold(longest: longest)) }
        grams.sort { lists[$0.list].count > lists[$1.list].count }
        var skipped = 0
        var firstRead = 0
        while firstRead < grams.count, skipped + grams[firstRead].weight <= least - 1 {
            skipped += grams[firstRead].weight
            firstRead += 1
        }
        counts.withUnsafeMutableBufferPointer { counts in
            for (list, weight) in grams[firstRead...] {
                lists[list].withUnsafeBufferPointer { keys in
                    for key in keys {
                        let index = Int(key)
                        if counts[index] == 0 { touched.append(key) }
                        counts[index] = counts[index] &+ UInt16(truncatingIfNeeded: min(weight, 255))
                    }
                }
            }
        }
        let pattern = WordPattern(form)
        forms.withUnsafeBufferPointer { all in
            do {
                for key in touched {
                    let index = Int(key)
                    let count = Int(counts[index]) + skipped
                    counts[index] = 0
                    guard key != excluding else { continue }
                    let start = Int(formStarts[index])
                    let b = Int(formStarts[index + 1]) - start
                    guard WordSimilarity.lengthsAllow(a, b) else { continue }
                    let longest = max(a, b)
                    guard count >= Self.threshold(longest: longest) else { continue }
                    let candidate = UnsafeBufferPointer(rebasing: all[start..<start + b])
                    guard let edits = WordSimilarity.boundedLevenshtein(pattern, candidate, limit: longest / 3) else { continue }
                    visit(key, edits == 0 ? MatchWeights.caseOnly : WordSimilarity.cost(edits: edits, longest: longest))
                }
            }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Key `k`'s similarity form.
    func form(_ key: Int) -> [UInt32] { Array(forms[Int(formStarts[key])..<Int(formStarts[key + 1])]) }
}
