/// The weighted Levenshtein distance between two token sequences (costs from ``MatchToken``).
///
/// Hand-written rather than taken from a library: the costs depend on token kinds and spacing, and
/// the lookup needs an early exit as soon as no alignment can stay under a limit.
enum EditDistance {
    /// The distance between `query` and `source`, or `nil` as soon as it is certain to exceed `limit`.
    /// `row` is scratch space, reused between calls.
    @inline(__always)
    static func distance<Costs: WordCosts>(
        _ query: UnsafeBufferPointer<MatchToken>, _ source: UnsafeBufferPointer<MatchToken>, limit: Int,
        row: inout [Int32], costs: Costs
    ) -> Int? {
        let n = query.count
        let m = source.count
        if row.count < m + 1 { row = [Int32](repeating: 0, count: m + 1) }
        return row.withUnsafeMutableBufferPointer { previous -> Int? in
            // previous[j]: distance between query[..<i] and source[..<j].
            previous[0] = 0
            for j in 0..<m { previous[j + 1] = previous[j] + Int32(source[j].indelCost) }
            let limit32 = Int32(clamping: limit)
            for i in 0..<n {
                let q = query[i]
                let deleteQuery = Int32(q.indelCost)
                var diagonal = previous[0]
                var left = diagonal + deleteQuery
                previous[0] = left
                var rowMinimum = left
                for j in 0..<m {
                    let s = source[j]
                    let up = previous[j + 1]
                    var best = diagonal + Int32(q.substitutionCost(s, i, j, costs))
                    let viaUp = up + deleteQuery
                    if viaUp < best { best = viaUp }
                    let viaLeft = left + Int32(s.indelCost)
                    if viaLeft < best { best = viaLeft }
                    diagonal = up
                    previous[j + 1] = best
                    left = best
                    if best < rowMinimum { rowMinimum = best }
                }
                // Every alignment passes through this row: when all of it exceeds the limit, stop.
                if rowMinimum > limit32 { return nil }
            }
            let result = Int(previous[m])
            return result <= limit ? result : nil
        }
    }

    /// The distance without a limit (for explanations and tests).
    static func distance<Costs: WordCosts>(_ query: [MatchToken], _ source: [MatchToken], costs: Costs) -> Int {
        var row: [Int32] = []
        return query.withUnsafeBufferPointer { q in
            source.withUnsafeBufferPointer { s in distance(q, s, limit: Int(Int32.max), row: &row, costs: costs) ?? Int(Int32.max) }
        }
    }

    /// One step of an optimal alignment, turning the stored source into the query.
    enum Step: Equatable {
        /// `source[j]` stays as `query[i]` (equal, or changed at a cost if `cost > 0`).
        case keep(query: Int, source: Int, cost: Int)
        /// `source[j]` is not in the query.
        case delete(source: Int)
        /// `query[i]` is not in the source.
        case insert(query: Int)
    }

    /// An optimal alignment, in order, with the total distance. Keeps the whole matrix: use it for
    /// the few matches that are shown, not for the search.
    static func alignment<Costs: WordCosts>(_ query: [MatchToken], _ source: [MatchToken], costs: Costs) -> (steps: [Step], distance: Int) {
        let n = query.count
        let m = source.count
        let width = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * width)
        for j in 0..<m { table[j + 1] = table[j] + Int32(source[j].indelCost) }
        for i in 0..<n {
            table[(i + 1) * width] = table[i * width] + Int32(query[i].indelCost)
            for j in 0..<m {
                let diagonal = table[i * width + j] + Int32(query[i].substitutionCost(source[j], i, j, costs))
                let up = table[i * width + j + 1] + Int32(query[i].indelCost)
                let left = table[(i + 1) * width + j] + Int32(source[j].indelCost)
                table[(i + 1) * width + j + 1] = min(diagonal, up, left)
            }
        }
        var steps: [Step] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            let here = table[i * width + j]
            if i > 0 && j > 0 {
                let cost = query[i - 1].substitutionCost(source[j - 1], i - 1, j - 1, costs)
                if table[(i - 1) * width + j - 1] + Int32(cost) == here {
                    steps.append(.keep(query: i - 1, source: j - 1, cost: cost))
                    i -= 1
                    j -= 1
                    continue
                }
            }
            if j > 0 && table[i * width + j - 1] + Int32(source[j - 1].indelCost) == here {
                steps.append(.delete(source: j - 1))
                j -= 1
            } else {
                steps.append(.insert(query: i - 1))
                i -= 1
            }
        }
        return (steps.reversed(), Int(table[n * width + m]))
    }
}
