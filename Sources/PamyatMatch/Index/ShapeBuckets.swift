/// Entries grouped by shape (see ``PackedShape``): a compact base (distinct shapes, offsets, one
/// flat array of entries) and a dictionary for entries added since.
struct ShapeBuckets: Sendable {
    private(set) var baseShapes: [UInt64] = []
    private(set) var baseStarts: [UInt32] = [0]
    private(set) var baseEntries: [UInt32] = []
    private var delta: [UInt64: [UInt32]] = [:]

    init() {}

    init(baseShapes: [UInt64], baseStarts: [UInt32], baseEntries: [UInt32]) {
        self.baseShapes = baseShapes
        self.baseStarts = baseStarts
        self.baseEntries = baseEntries
    }

    mutating func insert(_ shape: Shape, _ entry: UInt32) {
        delta[PackedShape.pack(shape), default: []].append(entry)
    }

    /// Calls `body` with each group of entries of one shape (a shape may come twice: once from the
    /// base, once from the entries added since).
    func forEachGroup(_ body: (Shape, UnsafeBufferPointer<UInt32>) -> Void) {
        baseEntries.withUnsafeBufferPointer { all in
            for (position, packed) in baseShapes.enumerated() {
                body(PackedShape.shape(packed), UnsafeBufferPointer(rebasing: all[Int(baseStarts[position])..<Int(baseStarts[position + 1])]))
            }
        }
        for (packed, entries) in delta { entries.withUnsafeBufferPointer { body(PackedShape.shape(packed), $0) } }
    }

    /// Folds the dictionary into the base.
    mutating func compact() {
        guard !delta.isEmpty else { return }
        var groups: [UInt64: [UInt32]] = delta
        for (position, packed) in baseShapes.enumerated() {
            let entries = Array(baseEntries[Int(baseStarts[position])..<Int(baseStarts[position + 1])])
            groups[packed] = entries + (groups[packed] ?? [])
        }
        let ordered = groups.keys.sorted()
        var starts: [UInt32] = [0]
        var flat: [UInt32] = []
        flat.reserveCapacity(baseEntries.count + delta.values.reduce(0) { $0 + $1.count })
        for packed in ordered {
            flat.append(contentsOf: groups[packed]!.sorted())
            starts.append(UInt32(flat.count))
        }
        baseShapes = ordered
        baseStarts = starts
        baseEntries = flat
        delta = [:]
    }
}
