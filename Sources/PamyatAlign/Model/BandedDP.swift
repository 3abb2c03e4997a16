import Foundation

/// Scores a candidate bead for ``BandedDP``.
protocol BeadScorer {
    /// The cost (lower is better) of a bead of `shape` over source units from `i` and target units
    /// from `j` (a crossed 2-2 bead costs its two crossing pairs).
    mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double
    /// ``cost(_:_:_:)``, or any value of at least `limit` when the cost is at least `limit` (the
    /// bead cannot win, so its exact cost does not matter and the rest of it need not be scored).
    mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape, limit: Double) -> Double
    /// A lower bound of ``cost(_:_:_:)``, cheap to compute, for skipping beads that cannot win.
    func lowestCost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double
}

/// A bead found by the dynamic programme: where it starts and its shape.
struct PathStep: Hashable, Sendable {
    var source: Int
    var target: Int
    var shape: BeadShape

    var sourceRange: Range<Int> { source..<(source + shape.source) }
    var targetRange: Range<Int> { target..<(target + shape.target) }
}

/// The dynamic programme over beads, in a band around the diagonal.
///
/// Small inputs use the full `(n+1) × (m+1)` matrix. Larger ones keep only the cells within
/// `width` of the scaled diagonal `j ≈ i·m/n` in each row (costs as `Float`, back-pointers as one
/// byte), so memory grows with `n × width`, not `n × m`; when the best path comes within a few
/// cells of the band's edge the band is doubled and the programme run again, so a shift caused by
/// omissions is followed rather than cut off. No run has more than `maximumCells` cells: the band
/// stops widening there, and starts narrower when the initial one would have more (never narrower
/// than the diagonal's slope needs, so a path always exists); the path is then the best within it.
enum BandedDP {
    /// `onRun` is told each run's band half-width and cells (for tests).
    static func align<S: BeadScorer>(
        sourceCount n: Int, targetCount m: Int, shapes: [BeadShape], scorer: inout S,
        fullMatrixCells: Int, initialBand: Int, maximumCells: Int = .max, temperature: Double,
        onRun: (_ width: Int, _ cells: Int) -> Void = { _, _ in }
    ) -> [(step: PathStep, posterior: Double)] {
        if n == 0 || m == 0 {
            var steps: [PathStep] = []
            let omission = shapes.first { n == 0 ? ($0.source == 0 && $0.target == 1) : ($0.source == 1 && $0.target == 0) }!
            // One posterior for all: there is only one way.
            for k in 0..<max(n, m) { steps.append(PathStep(source: n == 0 ? 0 : k, target: n == 0 ? k : 0, shape: omission)) }
            return steps.map { ($0, 1.0) }
        }
        let slope = Double(m) / Double(n)
        // The narrowest band in which every row reaches the next (the diagonal's slope, and room
        // for the widest bead).
        let narrowest = Int(slope.rounded(.up)) + 4
        var width = (n + 1) * (m + 1) <= fullMatrixCells ? m + 1 : max(initialBand, Int(slope.rounded(.up)) * 3 + 4)
        // (n + 1) rows of at most 2·width + 1 cells: start no wider than the cap allows.
        width = max(narrowest, min(width, (maximumCells / (n + 1) - 1) / 2))
        while true {
            let band = Band(n: n, m: m, width: width)
            onRun(width, band.cells)
            let (path, touched) = run(n: n, m: m, band: band, shapes: shapes, scorer: &scorer)
            let wider = Band(n: n, m: m, width: width * 2)
            if !touched || width > m || wider.cells > maximumCells {
                // Posteriors over a narrow band around the best path: the probability mass of
                // paths far from it is negligible, and this keeps the forward–backward pass cheap.
                let band = Band(around: path, n: n, m: m, width: 8)
                let posterior = posteriors(of: path, band: band, shapes: shapes, scorer: &scorer, temperature: temperature)
                return Array(zip(path, posterior))
            }
            width *= 2
        }
    }

    /// One run with a band of half-width `width`; returns the path and whether it came close to
    /// an edge of the band that is not an edge of the matrix.
    private static func run<S: BeadScorer>(
        n: Int, m: Int, band: Band, shapes: [BeadShape], scorer: inout S
    ) -> ([PathStep], Bool) {
        let low = band.low, high = band.high, offset = band.offset
        let cells = band.cells
        var cost = [Float](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: UInt8.max, count: cells)
        cost[0] = 0
        for i in 0...n {
            for j in low[i]...high[i] {
                if i == 0 && j == 0 { continue }
                var best = Float.infinity
                var bestShape = UInt8.max
                for (index, shape) in shapes.enumerated() {
                    let pi = i - shape.source, pj = j - shape.target
                    guard pi >= 0, pj >= 0, pj >= low[pi], pj <= high[pi] else { continue }
                    let previous = cost[offset[pi] + pj - low[pi]]
                    guard previous < .infinity else { continue }
                    // Skip beads whose best possible cost cannot beat the best found so far.
                    if best < .infinity, previous + Float(shape.penalty + scorer.lowestCost(pi, pj, shape)) >= best { continue }
                    let limit = best < .infinity ? Double(best - previous) - shape.penalty : .infinity
                    let total = previous + Float(shape.penalty + scorer.cost(pi, pj, shape, limit: limit))
                    if total < best {
                        best = total
                        bestShape = UInt8(index)
                    }
                }
                cost[offset[i] + j - low[i]] = best
                back[offset[i] + j - low[i]] = bestShape
            }
        }
        var steps: [PathStep] = []
        var i = n, j = m
        var touched = false
        let margin = 2
        while i > 0 || j > 0 {
            if (low[i] > 0 && j - low[i] < margin) || (high[i] < m && high[i] - j < margin) { touched = true }
            let index = back[offset[i] + j - low[i]]
            guard index != UInt8.max else { break }
            let shape = shapes[Int(index)]
            i -= shape.source
            j -= shape.target
            steps.append(PathStep(source: i, target: j, shape: shape))
        }
        return (steps.reversed(), touched)
    }
}

extension BandedDP {
    /// The posterior probability of each bead of `path` among all paths through the band, when
    /// costs are read as `−temperature × log probability` (forward–backward over the same band).
    static func posteriors<S: BeadScorer>(
        of path: [PathStep], band: Band, shapes: [BeadShape], scorer: inout S, temperature: Double
    ) -> [Double] {
        let n = band.low.count - 1
        let m = band.high[n]
        let t = temperature
        var forward = [Double](repeating: .infinity, count: band.cells)
        var backward = [Double](repeating: .infinity, count: band.cells)
        // The cost of each bead ending in a cell, by shape, computed once for both passes.
        let shapeCount = shapes.count
        var beadCost = [Float](repeating: .infinity, count: band.cells * shapeCount)
        forward[0] = 0
        // −t·log(exp(−a/t) + exp(−b/t)), stable; a term 15·t worse than the other adds nothing.
        @inline(__always) func softMin(_ a: Double, _ b: Double) -> Double {
            if a == .infinity { return b }
            if b == .infinity { return a }
            let lo = min(a, b), hi = max(a, b)
            if hi - lo > 15 * t { return lo }
            return lo - t * log1p(exp(-(hi - lo) / t))
        }
        for i in 0...n {
            for j in band.low[i]...band.high[i] where !(i == 0 && j == 0) {
                var total = Double.infinity
                let cell = band.index(i, j)
                for (index, shape) in shapes.enumerated() {
                    let pi = i - shape.source, pj = j - shape.target
                    guard pi >= 0, pj >= 0, band.contains(pi, pj) else { continue }
                    let previous = forward[band.index(pi, pj)]
                    // A bead 15·t worse than the paths already found into this cell adds nothing
                    // to them; its cost is only bounded from below then (what it adds to the
                    // backward pass is as negligible).
                    let limit = total < .infinity && previous < .infinity ? total - previous - shape.penalty + 15 * t : .infinity
                    let cost = shape.penalty + scorer.cost(pi, pj, shape, limit: limit)
                    beadCost[cell * shapeCount + index] = Float(cost)
                    guard previous < .infinity else { continue }
                    total = softMin(total, previous + cost)
                }
                forward[cell] = total
            }
        }
        backward[band.index(n, m)] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: band.high[i], through: band.low[i], by: -1) where !(i == n && j == m) {
                var total = Double.infinity
                for (index, shape) in shapes.enumerated() {
                    let ni = i + shape.source, nj = j + shape.target
                    guard ni <= n, nj <= m, band.contains(ni, nj) else { continue }
                    let next = backward[band.index(ni, nj)]
                    guard next < .infinity else { continue }
                    total = softMin(total, next + Double(beadCost[band.index(ni, nj) * shapeCount + index]))
                }
                backward[band.index(i, j)] = total
            }
        }
        let all = forward[band.index(n, m)]
        return path.map { step in
            let start = forward[band.index(step.source, step.target)]
            let end = backward[band.index(step.source + step.shape.source, step.target + step.shape.target)]
            let through = start + step.shape.penalty + scorer.cost(step.source, step.target, step.shape) + end
            return min(1, max(0, exp(-(through - all) / t)))
        }
    }
}
