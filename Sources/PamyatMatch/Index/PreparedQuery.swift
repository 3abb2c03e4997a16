/// A query's tokens with what the filters need precomputed.
struct PreparedQuery {
    let tokens: [MatchToken]
    let encoded: [UInt32]
    let hash: UInt64
    let heavy: Int
    let numbers: Int
    /// The distinct word keys, ascending, and how often each occurs.
    let wordKeys: [UInt32]
    let wordCounts: [Int]
    /// Number of word tokens (the sum of `wordCounts`).
    let words: Int

    init(tokens: [MatchToken]) {
        self.tokens = tokens
        encoded = LanguageIndex.encode(tokens)
        hash = LanguageIndex.hash(encoded)
        let shape = Shape(tokens)
        heavy = Int(shape.heavy)
        numbers = Int(shape.numbers)
        let keys = tokens.filter { $0.kind == .word }.map(\.key).sorted()
        var distinct: [UInt32] = []
        var counts: [Int] = []
        for key in keys {
            if distinct.last == key { counts[counts.count - 1] += 1 } else { distinct.append(key); counts.append(1) }
        }
        wordKeys = distinct
        wordCounts = counts
        words = keys.count
    }
}

/// An entry that reached the minimum score: its score and the id of its newest unit that has the
/// target language (the tie-breaker: newer first).
struct EntryHit: Hashable, Sendable {
    var entry: UInt32
    var score: Int
    var newest: Int64

    /// The order of results: higher score, then newer unit, then lower entry id.
    @inline(__always)
    func ranks(before other: EntryHit) -> Bool {
        if score != other.score { return score > other.score }
        if newest != other.newest { return newest > other.newest }
        return entry < other.entry
    }
}

/// The best `limit` hits so far, best first; knows the least score that can still enter.
struct TopHits {
    let limit: Int
    let minimum: Int
    private(set) var hits: [EntryHit] = []

    init(limit: Int, minimum: Int) {
        self.limit = limit
        self.minimum = minimum
        hits.reserveCapacity(min(limit, 1024) + 1)
    }

    /// The least score a new hit needs: the minimum, or the worst kept score once full (a tie may
    /// still enter when its unit is newer).
    var threshold: Int { hits.count < limit ? minimum : max(minimum, hits[hits.count - 1].score) }

    mutating func offer(_ hit: EntryHit) {
        guard limit > 0 else { return }
        if hits.count == limit {
            guard hit.ranks(before: hits[hits.count - 1]) else { return }
            hits.removeLast()
        }
        var low = 0
        var high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].ranks(before: hit) { low = middle + 1 } else { high = middle }
        }
        hits.insert(hit, at: low)
    }
}

/// Scratch space for one search, reused between searches (one per task at a time).
final class SearchScratch {
    /// Per entry: the weight of the query's short-list words it holds.
    var counters: [UInt16] = []
    var touched: [UInt32] = []
    var row: [Int32] = []
    var entryTokens: [MatchToken] = []
    var used: [Int] = []

    func prepare(entryCount: Int, queryKeys: Int) {
        if counters.count < entryCount { counters.append(contentsOf: repeatElement(0, count: entryCount - counters.count)) }
        if used.count < queryKeys { used = [Int](repeating: 0, count: queryKeys) }
        touched.removeAll(keepingCapacity: true)
    }
}
