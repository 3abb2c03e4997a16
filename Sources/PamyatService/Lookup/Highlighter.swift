import PamyatText

/// Finds a text inside another the way the concordance does: case folded (full Unicode folding),
/// white space folded, and reports where in Unicode scalar offsets of the (white-space folded) text.
enum Highlighter {
    /// The `[start, end)` scalar ranges of `needle` in `text` (both already canonical).
    static func ranges(of needle: String, in text: String) -> [[Int]] {
        let foldedNeedle = Array(Normalizer.foldCase(needle).unicodeScalars)
        guard !foldedNeedle.isEmpty else { return [] }
        // Fold each scalar on its own, remembering which original scalar each folded one came from.
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let piece = scalar.isASCII ? String(scalar).lowercased() : Normalizer.foldCase(String(scalar))
            for unit in piece.unicodeScalars {
                folded.append(unit)
                origin.append(offset)
            }
        }
        var result: [[Int]] = []
        var start = 0
        while start + foldedNeedle.count <= folded.count {
            if folded[start] == foldedNeedle[0], Array(folded[start..<start + foldedNeedle.count]) == foldedNeedle {
                let end = origin[start + foldedNeedle.count - 1] + 1
                result.append([origin[start], end])
                start += foldedNeedle.count
            } else {
                start += 1
            }
        }
        return result
    }
}
