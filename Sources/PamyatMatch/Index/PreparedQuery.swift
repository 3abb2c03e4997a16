/// A query's tokens with what the filters need precomputed.
struct PreparedQuery {
    let tokens: [MatchToken]
    /// Its length for the score (``MatchToken/length(_:)``).
    let length: Int
    let encoded: [UInt32]
    let hash: UInt64
    let heavy: Int
    let numbers: Int
    let words: Int
    /// The distinct word and number keys, ascending; how often each occurs, and what each occurrence
    /// is worth in the weighted overlap (``Bounds/wordWeight`` or ``Bounds/numberWeight``).
    let keys: [UInt32]
    let counts: [Int]
    let weights: [Int]
    /// Per query token: the position of its key in `keys` for a word, -1 for other tokens.
    let wordSlots: [Int32]
    /// The texts of the query's word keys that the vocabulary does not hold.
    let newKeys: [UInt32: String]

    init(tokens: [MatchToken], newKeys: [UInt32: String] = [:]) {
        self.tokens = tokens
        length = MatchToken.length(tokens)
        self.newKeys = newKeys
        encoded = LanguageIndex.encode(tokens)
        hash = LanguageIndex.hash(encoded)
        let shape = Shape(tokens)
        heavy = Int(shape.heavy)
        numbers = Int(shape.numbers)
        words = heavy - numbers
        let heavyTokens = tokens.filter { $0.kind.isHeavy }.sorted { $0.key < $1.key }
        var keys: [UInt32] = []
        var counts: [Int] = []
        var weights: [Int] = []
        for token in heavyTokens {
            if keys.last == token.key {
                counts[counts.count - 1] += 1
            } else {
                keys.append(token.key)
                counts.append(1)
                weights.append(token.kind == .number ? Bounds.numberWeight : Bounds.wordWeight)
            }
        }
        self.keys = keys
        self.counts = counts
        self.weights = weights
        wordSlots = tokens.map { token in
            guard token.kind == .word, let position = keys.firstIndex(of: token.key) else { return -1 }
            return Int32(position)
        }
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

    /// Keeps `hit` if it ranks among the best `limit`; an entry already held is not taken twice
    /// (a search seeded with hits may meet them again).
    mutating func offer(_ hit: EntryHit) {
        guard limit > 0, !hits.contains(where: { $0.entry == hit.entry }) else { return }
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

/// Scratch space for one search, reused between searches; a task takes it from the index's pool
/// and moves its ``Workspace`` out for the search (no class-property access in the loops).
final class SearchScratch {
    var workspace = Workspace()
}

/// The buffers of one search.
struct Workspace {
    /// Per entry: the weight of the query's rarer keys it holds (valid for entries marked in `seen`).
    var counters: [UInt32] = []
    /// Per key id: 1 + its row in the lookup's ``QueryNeighbours`` table, 0 for keys similar to no
    /// query word (all zero between searches).
    var similarRows: [Int32] = []
    /// Per key id: marks for ``SimilarWords`` (all zero between uses), and the keys marked.
    var gramMarks: [UInt8] = []
    var gramTouched: [UInt32] = []
    /// Per token of the entry being scored: its row in the neighbours' table, or -1.
    var entryRows: [Int32] = []
    /// One bit per entry: counted in this search (all clear between searches).
    var seen: [UInt64] = []
    /// The postings of the entries counted in this search.
    var touched: [UInt64] = []
    var row: [Int32] = []
    var entryTokens: [MatchToken] = []
    /// Per key id: 1 + the key's position in the query's keys, 0 for keys not in the query (all
    /// zero between searches).
    var keySlots: [UInt16] = []
    /// Per query key: how many of its occurrences an entry has used up (all zero between uses).
    var used: [Int32] = []
    /// The entries that passed the count bounds, for the signature check (empty between searches).
    var survivors: [Survivor] = []

    mutating func prepare(entryCount: Int, keyCount: Int, queryKeys: Int) {
        if counters.count < entryCount { counters.append(contentsOf: repeatElement(0, count: entryCount - counters.count)) }
        let words = (entryCount + 63) / 64
        if seen.count < words { seen.append(contentsOf: repeatElement(0, count: words - seen.count)) }
        if keySlots.count < keyCount { keySlots.append(contentsOf: repeatElement(0, count: keyCount - keySlots.count)) }
        if similarRows.count < keyCount { similarRows.append(contentsOf: repeatElement(0, count: keyCount - similarRows.count)) }
        if used.count < 3 * queryKeys { used = [Int32](repeating: 0, count: 3 * queryKeys) }
        touched.removeAll(keepingCapacity: true)
    }
}

/// An entry that passed the count bounds of a search: the weighted overlap it needs and the weight
/// counted from the lists read.
struct Survivor {
    var entry: UInt32
    var needed: Int32
    var count: Int32
}
