/// The words of a vocabulary by *segments*, to find every word key similar to a query word
/// (``WordSimilarity``: cost below a whole word) without comparing it with each key.
///
/// Each word key's similarity form of `b` scalars (at least ``WordSimilarity/shortest``) is cut into
/// three segments (lengths `⌊b/3⌋` or one more, the longer ones last), and the key is listed under
/// each segment's text, tagged with `b` and the segment's number. A similar pair differs by
/// `e ≤ E = min(2, ⌊L/3⌋)` edits (`L` the longer length), and one edit breaks at most one segment, so
/// at least one of the three segments of the stored form is found unchanged in the query form, at
/// its own position shifted by `δ`; the edits before it cost at least `|δ|` and those after at least
/// `|(a − b) − δ|` (`a` the query's length), so `|δ| + |a − b − δ| ≤ E` (the pigeonhole argument of
/// Li, Deng and Feng's PassJoin). The search looks up, for each partner length `b` allowed
/// (`|a − b| ≤ E`), each segment and each such shift, the query's substring there; every key listed
/// under one of them is a candidate and gets its edit distance computed (Myers' bit-parallel
/// algorithm). Lists are found by a 64-bit hash of (`b`, segment number, text): a collision only
/// adds candidates, which the edit distance rejects, so no similar key is missed. Forms shorter than
/// four are only similar to keys with the same form (`её` / `ее`), kept in a table; forms longer
/// than 250 are compared one by one.
///
/// Hand-written: none of the packages mirrored for this project offers an approximate-string index.
struct SimilarWords: Sendable {
    /// `forms[formStarts[k]..<formStarts[k + 1]]`: key `k`'s similarity form (empty: not a word).
    private(set) var formStarts: [UInt32] = [0]
    private(set) var forms: [UInt32] = []
    /// Per key: the set of its form's scalars, one bit per scalar's low six bits (0: not a word).
    /// Each scalar of one form missing from the other needs an edit of its own, so a pair whose
    /// sets differ by more than the edits allowed (either way) is not similar: a cheap test before
    /// the edit distance.
    private var letterSets: [UInt64] = []
    /// Segment hash → 1 + the index in `listKeys` of the last key listed under it; `listNext[i]` is
    /// 1 + the index of the one listed before it (0: none). Lists in flat arrays: no array per list.
    /// These linked lists only hold the keys added since the last ``compact()``; the others are in
    /// `compactKeys`, each list contiguous (ascending key ids) at `compactHeads[hash]` (start << 32 |
    /// count): a long list is then read in one sequential sweep instead of a chain of cache misses.
    private var heads: [UInt64: UInt32] = [:]
    private var listKeys: [UInt32] = []
    private var listNext: [UInt32] = []
    private var compactHeads: [UInt64: UInt64] = [:]
    private var compactKeys: [UInt32] = []
    /// `letterSets` of `compactKeys`, beside them: the letter-set test runs in the sequential sweep,
    /// and only the keys that pass it are looked at further (random reads).
    private var compactSets: [UInt64] = []
    /// Short word forms → the keys with that form.
    private var shortForms: [[UInt32]: [UInt32]] = [:]
    /// Word keys with forms longer than ``longestIndexed``.
    private var longKeys: [UInt32] = []
    static let longestIndexed = 250
    /// Segments per stored form: one more than the most edits a similar pair may have.
    static let segments = WordSimilarity.mostEdits + 1

    var count: Int { formStarts.count - 1 }

    init() {}

    /// Adds the next key (its id is ``count``): `key` is its text, `isWord` whether it is a word's.
    mutating func append(key: String, isWord: Bool) {
        let id = UInt32(count)
        guard isWord else {
            formStarts.append(UInt32(forms.count))
            letterSets.append(0)
            return
        }
        let form = WordSimilarity.form(key)
        letterSets.append(Self.letterSet(form))
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
        let b = form.count
        form.withUnsafeBufferPointer { form in
            for segment in 0..<Self.segments {
                let (start, length) = Self.segment(segment, of: b)
                let hash = Self.hash(length: b, segment: segment, UnsafeBufferPointer(rebasing: form[start..<start + length]))
                listKeys.append(id)
                listNext.append(heads[hash] ?? 0)
                heads[hash] = UInt32(listKeys.count)
            }
        }
    }

    /// Keys listed since the last ``compact()``.
    var recentCount: Int { listKeys.count }

    /// Moves every list into the contiguous part: each list becomes its compacted keys followed by
    /// its recent ones, in ascending key order (ids only grow, so the recent ones are the larger).
    mutating func compact() {
        guard !listKeys.isEmpty else { return }
        var recent: [UInt64: [UInt32]] = [:]
        recent.reserveCapacity(heads.count)
        for (hash, head) in heads {
            var keys: [UInt32] = []
            var next = head
            while next != 0 {
                keys.append(listKeys[Int(next) - 1])
                next = listNext[Int(next) - 1]
            }
            recent[hash] = keys.reversed()
        }
        var keys: [UInt32] = []
        keys.reserveCapacity(compactKeys.count + listKeys.count)
        var newHeads: [UInt64: UInt64] = [:]
        newHeads.reserveCapacity(compactHeads.count + recent.count)
        for (hash, packed) in compactHeads {
            let start = keys.count
            keys.append(contentsOf: compactKeys[Int(packed >> 32)..<Int(packed >> 32) + Int(packed & 0xFFFF_FFFF)])
            if let more = recent.removeValue(forKey: hash) { keys.append(contentsOf: more) }
            newHeads[hash] = UInt64(start) << 32 | UInt64(keys.count - start)
        }
        for (hash, more) in recent {
            newHeads[hash] = UInt64(keys.count) << 32 | UInt64(more.count)
            keys.append(contentsOf: more)
        }
        compactKeys = keys
        compactSets = keys.map { letterSets[Int($0)] }
        compactHeads = newHeads
        heads = [:]
        listKeys = []
        listNext = []
    }

    /// The set of a form's scalars by their low six bits.
    @inline(__always)
    static func letterSet(_ form: [UInt32]) -> UInt64 {
        form.reduce(0) { $0 | UInt64(1) << UInt64($1 & 63) }
    }

    /// Segment `segment`'s start and length in a form of `b` scalars (`b ≥ segments`).
    @inline(__always)
    static func segment(_ segment: Int, of b: Int) -> (start: Int, length: Int) {
        let base = b / segments
        let longer = b % segments  // the last `longer` segments are one scalar longer
        let shorter = segments - longer
        let start = segment * base + max(0, segment - shorter)
        return (start, base + (segment >= shorter ? 1 : 0))
    }

    /// The list hash of a segment's text in a form of length `length`.
    @inline(__always)
    static func hash(length: Int, segment: Int, _ text: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var value = UInt64(length) << 8 | UInt64(segment)
        for scalar in text { value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3 }
        // A final mix (MurmurHash3's) so that short texts spread over all 64 bits.
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        return value
    }

    /// Calls `visit` with every word key other than `excluding` whose cost against a word of form
    /// `form` is below a whole word, and that cost. `marks` (one per key, all 0) and `touched` are
    /// scratch space, left as found.
    func neighbours(
        of form: [UInt32], excluding: UInt32?, marks: inout [UInt8], touched: inout [UInt32], visit: (UInt32, Int) -> Void
    ) {
        let a = form.count
        if a < WordSimilarity.shortest {
            for key in shortForms[form] ?? [] where key != excluding { visit(key, MatchWeights.caseOnly) }
            return
        }
        let pattern = WordPattern(form)
        let letters = Self.letterSet(form)
        func check(_ key: UInt32, _ all: UnsafeBufferPointer<UInt32>) {
            guard key != excluding else { return }
            let other = letterSets[Int(key)]
            let missing = (letters & ~other).nonzeroBitCount
            let added = (other & ~letters).nonzeroBitCount
            guard missing <= WordSimilarity.mostEdits, added <= WordSimilarity.mostEdits else { return }
            let start = Int(formStarts[Int(key)])
            let b = Int(formStarts[Int(key) + 1]) - start
            guard WordSimilarity.lengthsAllow(a, b) else { return }
            let longest = max(a, b)
            guard max(missing, added) <= WordSimilarity.maximumEdits(longest: longest) else { return }
            let candidate = UnsafeBufferPointer(rebasing: all[start..<start + b])
            guard let edits = WordSimilarity.boundedLevenshtein(pattern, candidate, limit: WordSimilarity.maximumEdits(longest: longest))
            else { return }
            visit(key, edits == 0 ? MatchWeights.caseOnly : WordSimilarity.cost(edits: edits, longest: longest))
        }
        if a > Self.longestIndexed - WordSimilarity.mostEdits {
            forms.withUnsafeBufferPointer { all in
                for key in longKeys { check(key, all) }
            }
            if a > Self.longestIndexed + WordSimilarity.mostEdits { return }
        }
        if marks.count < count { marks.append(contentsOf: repeatElement(0, count: count - marks.count)) }
        form.withUnsafeBufferPointer { query in
            listKeys.withUnsafeBufferPointer { listKeys in
                listNext.withUnsafeBufferPointer { listNext in
                    compactKeys.withUnsafeBufferPointer { compactKeys in
                      compactSets.withUnsafeBufferPointer { compactSets in
                        marks.withUnsafeMutableBufferPointer { marks in
                            for b in max(WordSimilarity.shortest, a - WordSimilarity.mostEdits)...min(Self.longestIndexed, a + WordSimilarity.mostEdits) {
                                guard WordSimilarity.lengthsAllow(a, b) else { continue }
                                let most = WordSimilarity.maximumEdits(a, b)
                                let difference = a - b
                                for segment in 0..<Self.segments {
                                    let (start, length) = Self.segment(segment, of: b)
                                    for shift in -most...most where abs(shift) + abs(difference - shift) <= most {
                                        let at = start + shift
                                        guard at >= 0, at + length <= a else { continue }
                                        let hash = Self.hash(length: b, segment: segment, UnsafeBufferPointer(rebasing: query[at..<at + length]))
                                        if let packed = compactHeads[hash] {
                                            // Every key listed under this hash for its own length `b` is tested
                                            // with that length's edits (a key of another length here by a
                                            // collision is also listed under its own, and tested there).
                                            let start = Int(packed >> 32)
                                            for position in start..<start + Int(packed & 0xFFFF_FFFF) {
                                                let other = compactSets[position]
                                                guard (letters & ~other).nonzeroBitCount <= most, (other & ~letters).nonzeroBitCount <= most
                                                else { continue }
                                                let key = compactKeys[position]
                                                guard marks[Int(key)] == 0 else { continue }
                                                marks[Int(key)] = 1
                                                touched.append(key)
                                            }
                                        }
                                        var next = heads[hash] ?? 0
                                        while next != 0 {
                                            let key = listKeys[Int(next) - 1]
                                            next = listNext[Int(next) - 1]
                                            guard marks[Int(key)] == 0 else { continue }
                                            marks[Int(key)] = 1
                                            touched.append(key)
                                        }
                                    }
                                }
                            }
                        }
                      }
                    }
                }
            }
        }
        forms.withUnsafeBufferPointer { all in
            for key in touched {
                marks[Int(key)] = 0
                check(key, all)
            }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Key `k`'s similarity form.
    func form(_ key: Int) -> [UInt32] { Array(forms[Int(formStarts[key])..<Int(formStarts[key + 1])]) }
}
