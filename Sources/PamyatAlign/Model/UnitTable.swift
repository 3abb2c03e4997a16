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

/// Compares the anchors of two runs of units: the weight of the keys found on both sides and the
/// penalties of those found on one side only. Reuses its counting arrays between calls (a
/// generation stamp instead of clearing), so a comparison costs one pass over each side.
struct AnchorMatcher {
    private var counts: [Int32]
    private var stamps: [UInt32]
    private var generation: UInt32 = 0

    init(keyCount: Int) {
        counts = [Int32](repeating: 0, count: max(1, keyCount))
        stamps = [UInt32](repeating: 0, count: max(1, keyCount))
    }

    mutating func compare(_ source: UnitTable, _ i: Int, _ di: Int, _ target: UnitTable, _ j: Int, _ dj: Int) -> (matched: Double, unmatched: Double) {
        let sourceRange = source.anchorStart[i]..<source.anchorStart[i + di]
        let targetRange = target.anchorStart[j]..<target.anchorStart[j + dj]
        if sourceRange.isEmpty || targetRange.isEmpty {
            var unmatched: Float = 0
            for k in sourceRange { unmatched += source.penalties[k] }
            for k in targetRange { unmatched += target.penalties[k] }
            return (0, Double(unmatched))
        }
        generation &+= 1
        if generation == 0 {
            for k in stamps.indices { stamps[k] = 0 }
            generation = 1
        }
        let g = generation
        var matched: Float = 0
        var unmatched: Float = 0
        counts.withUnsafeMutableBufferPointer { counts in
            stamps.withUnsafeMutableBufferPointer { stamps in
                source.keys.withUnsafeBufferPointer { sourceKeys in
                    for k in sourceRange {
                        let key = Int(sourceKeys[k])
                        if stamps[key] != g {
                            stamps[key] = g
                            counts[key] = 0
                        }
                        counts[key] += 1
                    }
                }
                target.keys.withUnsafeBufferPointer { targetKeys in
                    for k in targetRange {
                        let key = Int(targetKeys[k])
                        if stamps[key] == g, counts[key] > 0 {
                            counts[key] -= 1
                            matched += target.weights[k]
                        } else {
                            unmatched += target.penalties[k]
                        }
                    }
                }
                source.keys.withUnsafeBufferPointer { sourceKeys in
                    for k in sourceRange where counts[Int(sourceKeys[k])] > 0 {
                        counts[Int(sourceKeys[k])] -= 1
                        unmatched += source.penalties[k]
                    }
                }
            }
        }
        return (Double(matched), Double(unmatched))
    }
}

/// The bead scorer: length evidence plus lexical evidence, as a cost (the negated score).
struct EvidenceScorer: BeadScorer {
    let source: UnitTable
    let target: UnitTable
    let model: LengthModel
    let lexicalScale: Double
    /// What a bead pays when a paragraph starts inside it, or starts on one side only of its start.
    let boundaryPenalty: Double
    var matcher: AnchorMatcher

    init(source: UnitTable, target: UnitTable, model: LengthModel, lexicalScale: Double, boundaryPenalty: Double = 0, keyCount: Int) {
        self.source = source
        self.target = target
        self.model = model
        self.lexicalScale = lexicalScale
        self.boundaryPenalty = boundaryPenalty
        matcher = AnchorMatcher(keyCount: keyCount)
    }

    /// The cost if every anchor matched and the lengths fit perfectly, minus what the boundaries
    /// take for sure: no bead can cost less.
    func lowestCost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double {
        if shape.isOmission { return 0 }
        if shape.crossed {
            return -(2 * model.bestEvidence + lexicalScale * min(source.weight(i, 2), target.weight(j, 2)))
        }
        return -(model.bestEvidence + lexicalScale * min(source.weight(i, shape.source), target.weight(j, shape.target)))
    }

    mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double {
        if shape.isOmission { return 0 }
        if shape.crossed {
            return -(score(i, 1, j + 1, 1, boundaries: false) + score(i + 1, 1, j, 1, boundaries: false)
                + boundaryScore(i, 2, j, 2))
        }
        return -score(i, shape.source, j, shape.target, boundaries: true)
    }

    /// The evidence that units `i..<i+di` and `j..<j+dj` translate each other.
    mutating func score(_ i: Int, _ di: Int, _ j: Int, _ dj: Int, boundaries: Bool) -> Double {
        let length = model.evidence(source: source.length(i, di), target: target.length(j, dj))
        let (matched, unmatched) = matcher.compare(source, i, di, target, j, dj)
        let score = length + lexicalScale * (matched - min(unmatched, 6))
        return boundaries ? score + boundaryScore(i, di, j, dj) : score
    }

    /// Minus the boundary penalty for each paragraph boundary the bead disagrees with.
    func boundaryScore(_ i: Int, _ di: Int, _ j: Int, _ dj: Int) -> Double {
        var score = 0.0
        if boundaryPenalty > 0 {
            if source.startsParagraph[i] != target.startsParagraph[j] { score -= boundaryPenalty }
            for k in 1..<di where source.startsParagraph[i + k] { score -= boundaryPenalty }
            for k in 1..<dj where target.startsParagraph[j + k] { score -= boundaryPenalty }
        }
        return score
    }
}
