/// Posting lists by key id: a compact base (every list in one flat array, with offsets: one
/// allocation whatever the vocabulary, read from the cache file in one go) and, for entries added
/// since the last compaction, small growing lists.
///
/// A compacted list is ordered by its entries' *band* (``PostingLists/band(heavy:)``: their count
/// of words and numbers, in steps of four), then by entry, with a directory of where each band
/// starts: a lookup treats each band as an index of its own, with its own least required overlap,
/// so it reads the long lists only in the bands near the query's length (docs/MATCHING-INDEX.md). The
/// lists added since keep entry order and are read whole, band by band.
struct PostingLists: Sendable {
    /// Bands of entries by their count of words and numbers.
    static let bandCount = 32

    /// The band of an entry with `heavy` words and numbers.
    @inline(__always)
    static func band(heavy: Int) -> Int { min(heavy >> 2, bandCount - 1) }

    /// `base[baseStarts[k]..<baseStarts[k + 1]]` is key `k`'s compacted list (keys below
    /// `baseStarts.count - 1`).
    private(set) var baseStarts: [UInt64] = [0]
    private(set) var base: [UInt64] = []
    /// `directory[directoryStarts[k]..<directoryStarts[k + 1]]`: where each band present in key
    /// `k`'s compacted list starts, as `band << 32 | offset in the list`, bands ascending.
    private var directoryStarts: [UInt32] = [0]
    private var directory: [UInt64] = []
    /// By key id: postings of entries added since the last compaction.
    private(set) var delta: [[UInt64]] = []
    private(set) var deltaCount = 0

    init() {}

    /// Lists read from a cache file (already in compacted order); the directories are rebuilt with
    /// `band` (an entry's band).
    init(baseStarts: [UInt64], base: [UInt64], band: (UInt32) -> Int) {
        self.baseStarts = baseStarts
        self.base = base
        buildDirectories(band: band)
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

    /// The range of key `key`'s compacted list (offsets into `base`) holding the entries of `band`.
    @inline(__always)
    func range(_ key: UInt32, band: Int) -> Range<Int> {
        guard Int(key) < baseKeyCount else { return 0..<0 }
        let start = Int(baseStarts[Int(key)])
        let end = Int(baseStarts[Int(key) + 1])
        let first = Int(directoryStarts[Int(key)])
        let last = Int(directoryStarts[Int(key) + 1])
        var position = first
        while position < last {
            let word = directory[position]
            let found = Int(word >> 32)
            if found == band {
                let next = position + 1 < last ? Int(directory[position + 1] & 0xFFFF_FFFF) : end - start
                return start + Int(word & 0xFFFF_FFFF)..<start + next
            }
            if found > band { break }
            position += 1
        }
        return 0..<0
    }

    /// How many postings of key `key` were added since the last compaction (all bands).
    @inline(__always)
    func deltaLength(_ key: UInt32) -> Int {
        deltaCount > 0 && Int(key) < delta.count ? delta[Int(key)].count : 0
    }

    /// Calls `body` with the compacted postings `range` (from ``range(_:band:)``).
    @inline(__always)
    func withBase(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        guard !range.isEmpty else { return }
        base.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with key `key`'s postings added since the last compaction, if any.
    @inline(__always)
    func withDelta(_ key: UInt32, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
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

    /// Folds the growing lists into the compact base: each key's additions ordered by band and
    /// entry, then merged with its compacted list. `band` gives an entry's band.
    mutating func compact(keyCount: Int, band: (UInt32) -> Int) {
        guard deltaCount > 0 || baseKeyCount < keyCount else { return }
        @inline(__always) func order(_ posting: UInt64) -> UInt64 {
            let entry = Posting.entry(posting)
            return UInt64(band(entry)) << 32 | UInt64(entry)
        }
        var starts: [UInt64] = [0]
        starts.reserveCapacity(keyCount + 1)
        var flat: [UInt64] = []
        flat.reserveCapacity(base.count + deltaCount)
        for key in 0..<keyCount {
            let old = key < baseKeyCount ? base[Int(baseStarts[key])..<Int(baseStarts[key + 1])] : base[0..<0]
            let added = key < delta.count ? delta[key].sorted { order($0) < order($1) } : []
            var i = old.startIndex
            var j = 0
            while i < old.endIndex || j < added.count {
                if j == added.count || (i < old.endIndex && order(old[i]) < order(added[j])) {
                    flat.append(old[i])
                    i += 1
                } else {
                    flat.append(added[j])
                    j += 1
                }
            }
            starts.append(UInt64(flat.count))
        }
        baseStarts = starts
        base = flat
        delta = []
        deltaCount = 0
        buildDirectories(band: band)
    }

    /// Where each band starts in every compacted list.
    private mutating func buildDirectories(band: (UInt32) -> Int) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(baseStarts.count)
        var words: [UInt64] = []
        base.withUnsafeBufferPointer { all in
            for key in 0..<baseKeyCount {
                let start = Int(baseStarts[key])
                let end = Int(baseStarts[key + 1])
                var current = -1
                for position in start..<end {
                    let found = band(Posting.entry(all[position]))
                    if found != current {
                        // A list out of band order (a damaged cache file) shows a band twice:
                        // `isInBandOrder()` tells, and such a file is not used.
                        words.append(UInt64(found) << 32 | UInt64(position - start))
                        current = found
                    }
                }
                starts.append(UInt32(words.count))
            }
        }
        directoryStarts = starts
        directory = words
    }

    /// Whether every compacted list is in band order (each band once, ascending): what a cache
    /// file must hold to be used.
    func isInBandOrder() -> Bool {
        for key in 0..<baseKeyCount {
            var previous = -1
            for position in Int(directoryStarts[key])..<Int(directoryStarts[key + 1]) {
                let band = Int(directory[position] >> 32)
                guard band > previous else { return false }
                previous = band
            }
        }
        return true
    }
}
