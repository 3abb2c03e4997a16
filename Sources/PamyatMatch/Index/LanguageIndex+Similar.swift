import Foundation

/// The stored word keys similar to each query word (cost below a whole word), found once per
/// lookup through ``SimilarWords``: they give the substitution costs of the exact score (a table
/// row per similar key) and the fuzzy posting lists and credits of the candidate bounds.
struct QueryNeighbours {
    /// The query's distinct keys (`PreparedQuery.keys.count`): the width of a row.
    let width: Int
    /// Per query key position: the similar keys and their credits (`word − cost`), and the best credit
    /// (0 when none) and the signature bits of those keys.
    var keys: [[UInt32]]
    var credits: [[Int]]
    var best: [Int]
    var masks: [UInt64]
    /// `table[row * width + position]`: the cost of replacing query key `position` by the key of
    /// `row` (``MatchWeights/word`` when not similar); `rowKeys[row]` is that key.
    var table: [UInt8] = []
    var rowKeys: [UInt32] = []

    var isEmpty: Bool { rowKeys.isEmpty }

    /// No similar key for any of the query's `width` keys: every different word costs a whole word.
    init(width: Int) {
        self.init(width: width, keys: [], credits: [], best: [], masks: [])
    }

    init(width: Int, keys: [[UInt32]], credits: [[Int]], best: [Int], masks: [UInt64]) {
        self.width = width
        self.keys = keys
        self.credits = credits
        self.best = best
        self.masks = masks
    }
}

/// Word costs from a lookup's ``QueryNeighbours`` table: query token `i`'s key position and entry
/// token `j`'s row.
struct TableWordCosts: WordCosts {
    let slots: UnsafeBufferPointer<Int32>
    let rows: UnsafeBufferPointer<Int32>
    let table: UnsafeBufferPointer<UInt8>
    let width: Int

    @inline(__always)
    func wordCost(query i: Int, source j: Int) -> Int {
        let slot = Int(slots[i])
        let row = Int(rows[j])
        guard slot >= 0, row >= 0 else { return MatchWeights.word }
        return Int(table[row * width + slot])
    }
}

extension LanguageIndex {
    /// The similar keys of each query word; marks each similar key's row in
    /// `workspace.similarRows` (sized by ``Workspace/prepare(entryCount:keyCount:queryKeys:)``),
    /// which ``forget(_:workspace:)`` clears. With `enabled` false (similar words off, the default)
    /// none, with empty per-key arrays (nothing allocated; ``QueryNeighbours/isEmpty`` guards
    /// every use): every different word costs a whole word, and neither the segment lists nor the
    /// cache are touched.
    func neighbours(of query: PreparedQuery, enabled: Bool, workspace: inout Workspace) -> QueryNeighbours {
        let width = query.keys.count
        guard enabled else { return QueryNeighbours(width: width, keys: [], credits: [], best: [], masks: []) }
        var result = QueryNeighbours(
            width: width, keys: Array(repeating: [], count: width), credits: Array(repeating: [], count: width),
            best: Array(repeating: 0, count: width), masks: Array(repeating: 0, count: width))
        ensureSimilarWords()
        let vocabularyKeys = vocabulary.keys
        for position in 0..<width {
            guard query.weights[position] == Bounds.wordWeight else { continue }
            let key = query.keys[position]
            let text: String
            if Int(key) < vocabularyKeys.count {
                text = vocabularyKeys.string(Int(key))
            } else if let fresh = query.newKeys[key] {
                text = fresh
            } else {
                continue
            }
            var keys: [UInt32] = []
            var credits: [Int] = []
            let known = Int(key) < vocabularyKeys.count
            if known, let cached = neighbourCache.get(key) {
                for packed in cached {
                    keys.append(UInt32(truncatingIfNeeded: packed >> 8))
                    credits.append(MatchWeights.word - Int(packed & 0xFF))
                }
            } else {
                var packed: [UInt64] = []
                similar.neighbours(
                    of: WordSimilarity.form(text), excluding: known ? key : nil,
                    marks: &workspace.gramMarks, touched: &workspace.gramTouched
                ) { neighbour, cost in
                    keys.append(neighbour)
                    credits.append(MatchWeights.word - cost)
                    packed.append(UInt64(neighbour) << 8 | UInt64(cost))
                }
                if known { neighbourCache.put(key, packed) }
            }
            for (neighbour, credit) in zip(keys, credits) {
                var row = Int(workspace.similarRows[Int(neighbour)]) - 1
                if row < 0 {
                    row = result.rowKeys.count
                    result.rowKeys.append(neighbour)
                    result.table.append(contentsOf: repeatElement(UInt8(MatchWeights.word), count: width))
                    workspace.similarRows[Int(neighbour)] = Int32(row + 1)
                }
                result.table[row * width + position] = UInt8(MatchWeights.word - credit)
                result.best[position] = max(result.best[position], credit)
                result.masks[position] |= Self.signatureBit(neighbour)
            }
            result.keys[position] = keys
            result.credits[position] = credits
        }
        return result
    }

    /// Clears the rows ``neighbours(of:workspace:)`` marked.
    func forget(_ neighbours: QueryNeighbours, workspace: inout Workspace) {
        for key in neighbours.rowKeys { workspace.similarRows[Int(key)] = 0 }
    }
}

/// The similar keys of vocabulary keys already looked up (as `key << 8 | cost`), shared by the
/// lookups of one index: common query words are searched once. Emptied whenever the vocabulary gains
/// keys (under the index's write lock) and when it grows past ``limit`` entries.
final class NeighbourCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [UInt32: [UInt64]] = [:]
    static let limit = 200_000

    func get(_ key: UInt32) -> [UInt64]? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func put(_ key: UInt32, _ neighbours: [UInt64]) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = neighbours
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
    }
}
