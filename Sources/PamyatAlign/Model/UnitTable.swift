/// The features of one side's units (sentences or paragraphs) that beads are scored on: lengths
/// (as prefix sums, so that any run's length is one subtraction) and anchors.
struct UnitTable {
    private var lengthPrefix: [Double]
    /// Anchors of all units back to back (flat arrays, so that scoring touches no nested arrays);
    /// unit `k`'s are at `anchorStart[k]..<anchorStart[k + 1]`.
    private(set) var keys: [Int32] = []
    private(set) var weights: [Float] = []
    private(set) var penalties: [Float] = []
    private(set) var anchorStart: [Int] = [0]
    /// Prefix sums of anchor weights per unit, for bounding what a bead's anchors can add.
    private var weightPrefix: [Double] = [0]
    /// Whether each unit starts a paragraph (sentence level only; all `true` for paragraphs).
    var startsParagraph: [Bool]

    init(lengths: [Double], anchors: [[Anchor]], startsParagraph: [Bool]? = nil) {
        var prefix = [0.0]
        prefix.reserveCapacity(lengths.count + 1)
        for length in lengths { prefix.append(prefix.last! + length) }
        lengthPrefix = prefix
        for unit in anchors {
            for anchor in unit {
                keys.append(anchor.key)
                weights.append(anchor.weight)
                penalties.append(anchor.penalty)
            }
            anchorStart.append(keys.count)
            weightPrefix.append(weightPrefix.last! + unit.reduce(0) { $0 + Double($1.weight) })
        }
        self.startsParagraph = startsParagraph ?? [Bool](repeating: true, count: anchors.count)
    }

    var count: Int { anchorStart.count - 1 }

    /// The anchors of unit `k`.
    func anchors(_ k: Int) -> [Anchor] {
        (anchorStart[k]..<anchorStart[k + 1]).map { Anchor(key: keys[$0], weight: weights[$0], penalty: penalties[$0]) }
    }

    /// The total anchor weight of units `start..<start+count`.
    @inline(__always) func weight(_ start: Int, _ count: Int) -> Double {
        weightPrefix[start + count] - weightPrefix[start]
    }

    @inline(__always) func length(_ start: Int, _ count: Int) -> Double {
        lengthPrefix[start + count] - lengthPrefix[start]
    }

    /// The table of groups of units: group `k` covers `ranges[k]`.
    func grouped(_ ranges: [Range<Int>]) -> UnitTable {
        UnitTable(
            lengths: ranges.map { length($0.lowerBound, $0.count) },
            anchors: ranges.map { range in range.flatMap { anchors($0) } })
    }

    /// The sub-table of units `range`.
    func slice(_ range: Range<Int>) -> UnitTable {
        UnitTable(lengths: range.map { length($0, 1) }, anchors: range.map { anchors($0) }, startsParagraph: Array(startsParagraph[range]))
    }
}
