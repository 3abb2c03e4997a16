/// Entries by the hash of their token sequence, to find the entry of a text: a compact base (sorted
/// hashes beside their entries, binary searched) and a dictionary for entries added since.
struct ExactTexts: Sendable {
    private(set) var baseHashes: [UInt64] = []
    private(set) var baseEntries: [UInt32] = []
    private var delta: [UInt64: [UInt32]] = [:]

    init() {}

    init(baseHashes: [UInt64], baseEntries: [UInt32]) {
        self.baseHashes = baseHashes
        self.baseEntries = baseEntries
    }

    /// The first entry with hash `hash` that `matches` accepts.
    func find(_ hash: UInt64, where matches: (UInt32) -> Bool) -> UInt32? {
        var low = 0
        var high = baseHashes.count
        while low < high {
            let middle = (low + high) / 2
            if baseHashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        while low < baseHashes.count && baseHashes[low] == hash {
            if matches(baseEntries[low]) { return baseEntries[low] }
            low += 1
        }
        if let entries = delta[hash] {
            for entry in entries where matches(entry) { return entry }
        }
        return nil
    }

    mutating func insert(_ hash: UInt64, _ entry: UInt32) {
        delta[hash, default: []].append(entry)
    }

    /// Folds the dictionary into the sorted base.
    mutating func compact() {
        guard !delta.isEmpty else { return }
        var pairs: [(UInt64, UInt32)] = []
        pairs.reserveCapacity(baseHashes.count + delta.count)
        for (hash, entry) in zip(baseHashes, baseEntries) { pairs.append((hash, entry)) }
        for (hash, entries) in delta { for entry in entries { pairs.append((hash, entry)) } }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        baseHashes = pairs.map(\.0)
        baseEntries = pairs.map(\.1)
        delta = [:]
    }
}
