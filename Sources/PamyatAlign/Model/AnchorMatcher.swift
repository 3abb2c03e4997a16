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
