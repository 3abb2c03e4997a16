/// The cells of a band: row `i` holds columns `low[i]...high[i]`, stored from `offset[i]`.
struct Band {
    var low: [Int]
    var high: [Int]
    var offset: [Int]
    var cells: Int { offset[offset.count - 1] }

    init(n: Int, m: Int, width: Int) {
        let slope = Double(m) / Double(n)
        low = [Int](repeating: 0, count: n + 1)
        high = [Int](repeating: 0, count: n + 1)
        offset = [Int](repeating: 0, count: n + 2)
        for i in 0...n {
            let center = Int((Double(i) * slope).rounded())
            low[i] = max(0, center - width)
            high[i] = min(m, center + width)
            offset[i + 1] = offset[i] + (high[i] - low[i] + 1)
        }
    }

    /// The cells within `width` columns of a path's cells in each row.
    init(around path: [PathStep], n: Int, m: Int, width: Int) {
        var rowLow = [Int](repeating: Int.max, count: n + 1)
        var rowHigh = [Int](repeating: Int.min, count: n + 1)
        func visit(_ i: Int, _ j: Int) {
            rowLow[i] = min(rowLow[i], j)
            rowHigh[i] = max(rowHigh[i], j)
        }
        visit(0, 0)
        for step in path {
            for di in 0...step.shape.source {
                for dj in 0...step.shape.target { visit(step.source + di, step.target + dj) }
            }
        }
        low = [Int](repeating: 0, count: n + 1)
        high = [Int](repeating: 0, count: n + 1)
        offset = [Int](repeating: 0, count: n + 2)
        // Every row has a path cell: a step visits all the rows and columns it spans.
        for i in 0...n {
            low[i] = max(0, rowLow[i] - width)
            high[i] = min(m, rowHigh[i] + width)
            offset[i + 1] = offset[i] + (high[i] - low[i] + 1)
        }
    }

    @inline(__always) func contains(_ i: Int, _ j: Int) -> Bool { j >= low[i] && j <= high[i] }
    @inline(__always) func index(_ i: Int, _ j: Int) -> Int { offset[i] + j - low[i] }
}
