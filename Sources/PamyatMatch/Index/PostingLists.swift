/// Posting lists by key id: a compact base (every list in one flat array, with offsets: one
/// allocation whatever the vocabulary, read from the cache file in one go) and, for entries added
/// since the last compaction, small growing lists.
struct PostingLists: Sendable {
    /// `base[baseStarts[k]..<baseStarts[k + 1]]` is key `k`'s compacted list (keys below
    /// `baseStarts.count - 1`).
    private(set) var baseStarts: [UInt64] = [0]
    private(set) var base: [UInt64] = []
    /// By key id: postings of entries added since the last compaction.
    private(set) var delta: [[UInt64]] = []
    private(set) var deltaCount = 0

    init() {}

    init(baseStarts: [UInt64], base: [UInt64]) {
        self.baseStarts = baseStarts
        self.base = base
    }

    var baseKeyCount: Int { baseStarts.count - 1 }

    /// How many postings key `key` has.
    @inline(__always)
    func count(_ key: UInt32) -> Int {
        var total = 0
        if Int(key) < baseKeyCount { total = Int(baseStarts[Int(key) + 1] - baseStarts[Int(key)]) }
        if deltaCount > 0, Int(key) < delta.count { total += delta[Int(key)].count }
        return total
    }

    /// Calls `body` with key `key`'s postings, in ascending entry order, in one or two pieces.
    @inline(__always)
    func withPostings(_ key: UInt32, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        if Int(key) < baseKeyCount {
            let start = Int(baseStarts[Int(key)])
            let end = Int(baseStarts[Int(key) + 1])
            if end > start { base.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) } }
        }
        if deltaCount > 0, Int(key) < delta.count, !delta[Int(key)].isEmpty { delta[Int(key)].withUnsafeBufferPointer(body) }
    }

    /// The last posting of key `key`, if any.
    func last(_ key: UInt32) -> UInt64? {
        if Int(key) < delta.count, let last = delta[Int(key)].last { return last }
        if Int(key) < baseKeyCount, baseStarts[Int(key) + 1] > baseStarts[Int(key)] { return base[Int(baseStarts[Int(key) + 1]) - 1] }
        return nil
    }

    /// Appends a posting of a new entry (entries are added in increasing order).
    mutating func append(_ key: UInt32, _ posting: UInt64) {
        if Int(key) >= delta.count { delta.append(contentsOf: repeatElement([], count: Int(key) + 1 - delta.count)) }
        delta[Int(key)].append(posting)
        deltaCount += 1
    }

    /// Folds the growing lists into the compact base.
    mutating func compact(keyCount: Int) {
        guard deltaCount > 0 || baseKeyCount < keyCount else { return }
        var starts: [UInt64] = [0]
        starts.reserveCapacity(keyCount + 1)
        var flat: [UInt64] = []
        flat.reserveCapacity(base.count + deltaCount)
        for key in 0..<keyCount {
            if key < baseKeyCount { flat.append(contentsOf: base[Int(baseStarts[key])..<Int(baseStarts[key + 1])]) }
            if key < delta.count { flat.append(contentsOf: delta[key]) }
            starts.append(UInt64(flat.count))
        }
        baseStarts = starts
        base = flat
        delta = []
        deltaCount = 0
    }
}
