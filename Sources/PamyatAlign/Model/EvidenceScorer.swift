/// The bead scorer: length evidence plus lexical evidence, as a cost (the negated score).
struct EvidenceScorer: BeadScorer {
    let source: UnitTable
    let target: UnitTable
    let lengthEvidence: LengthModel.Evidence
    let lexicalScale: Double
    /// What a bead pays when a paragraph starts inside it on both sides, or starts on one side only
    /// of its start.
    let boundaryPenalty: Double
    /// What a bead pays for each paragraph that starts inside it on one side only: a sentence
    /// glued to a neighbouring paragraph's (a heading to its text, a label to the next label's
    /// description) that the other side keeps apart.
    let oneSidedBoundaryPenalty: Double
    /// The lexical support every unit of a merge (2-1, 1-2, 2-2, 3-1, 1-3) needs from the other
    /// side: the weakest unit's shortfall is added to the bead's cost, so that a sentence with no
    /// evidence of its own is left out (1-0) rather than glued to a neighbour's pair.
    let mergeSupport: Double
    /// What a merge pays when it joins paragraphs on one side only (a paragraph starts inside it
    /// on that side and not on the other) and one of that side's units lacks `mergeSupport`: the
    /// other side does not show the merge, so it is as good as forbidden (a label glued to its
    /// description, a heading to the next paragraph). 0 turns the rule off.
    let unsupportedParagraphMerge: Double
    var matcher: AnchorMatcher

    init(
        source: UnitTable, target: UnitTable, model: LengthModel, lexicalScale: Double, boundaryPenalty: Double = 0,
        oneSidedBoundaryPenalty: Double = 0, mergeSupport: Double = 0, unsupportedParagraphMerge: Double = 0, keyCount: Int
    ) {
        self.source = source
        self.target = target
        lengthEvidence = LengthModel.Evidence(model)
        self.lexicalScale = lexicalScale
        self.boundaryPenalty = boundaryPenalty
        self.oneSidedBoundaryPenalty = oneSidedBoundaryPenalty
        self.mergeSupport = mergeSupport
        self.unsupportedParagraphMerge = unsupportedParagraphMerge
        matcher = AnchorMatcher(keyCount: keyCount)
    }

    /// The cost if every anchor matched and the lengths fit perfectly, minus what the boundaries
    /// take for sure: no bead can cost less.
    func lowestCost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double {
        if shape.isOmission { return 0 }
        if shape.crossed {
            return -(2 * lengthEvidence.best + lexicalScale * min(source.weight(i, 2), target.weight(j, 2)))
        }
        return -(lengthEvidence.best + lexicalScale * min(source.weight(i, shape.source), target.weight(j, shape.target)))
    }

    mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double {
        cost(i, j, shape, limit: .infinity)
    }

    mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape, limit: Double) -> Double {
        if shape.isOmission { return 0 }
        if shape.crossed {
            return -(score(i, 1, j + 1, 1, boundaries: false) + score(i + 1, 1, j, 1, boundaries: false)
                + boundaryScore(i, 2, j, 2))
        }
        return -score(i, shape.source, j, shape.target, boundaries: true, floor: -limit)
    }

    /// The evidence that units `i..<i+di` and `j..<j+dj` translate each other, or a value of at
    /// most `floor` when the evidence is surely at most `floor`: then the anchors are not compared
    /// when even all of them could not lift it above, and the merge check (which can only lower
    /// it) is skipped.
    mutating func score(_ i: Int, _ di: Int, _ j: Int, _ dj: Int, boundaries: Bool, floor: Double = -.infinity) -> Double {
        var score = lengthEvidence(source: source.length(i, di), target: target.length(j, dj))
        if boundaries { score += boundaryScore(i, di, j, dj) }
        // The most the anchors can add (every anchor of the lighter side matched, none missing,
        // as in `lowestCost`): when even that stays at or below `floor`, the anchors need not be
        // compared. Lengths that do not fit rule out most beads of a wide band here.
        let best = score + lexicalScale * min(source.weight(i, di), target.weight(j, dj))
        if best <= floor { return best }
        let (matched, unmatched) = matcher.compare(source, i, di, target, j, dj)
        score += lexicalScale * (matched - min(unmatched, 6))
        if mergeSupport > 0, di > 1 || dj > 1, score > floor {
            let shortfall = largestShortfalls(i, di, j, dj, matched: matched)
            score -= lexicalScale * max(shortfall.source, shortfall.target)
            if unsupportedParagraphMerge > 0, score > floor {
                let sourceInside = paragraphStarts(source, i, di), targetInside = paragraphStarts(target, j, dj)
                if sourceInside != targetInside {
                    let splitsSource = sourceInside > targetInside
                    if (splitsSource ? shortfall.source : shortfall.target) > 0
                        || fitsBetterWithoutAnEnd(i, di, j, dj, source: splitsSource) {
                        score -= unsupportedParagraphMerge
                    }
                }
            }
        }
        return score
    }

    /// Whether the bead's lengths fit better without its first or its last unit on one side
    /// (`source`, else the target): the other side's sentence is no longer for taking that unit
    /// in, so it does not show the merge — its words may (a question's `порты` ↔ `port` in the
    /// answer), its length does not.
    func fitsBetterWithoutAnEnd(_ i: Int, _ di: Int, _ j: Int, _ dj: Int, source checksSource: Bool) -> Bool {
        let whole = lengthEvidence(source: source.length(i, di), target: target.length(j, dj))
        if checksSource {
            return lengthEvidence(source: source.length(i + 1, di - 1), target: target.length(j, dj)) > whole
                || lengthEvidence(source: source.length(i, di - 1), target: target.length(j, dj)) > whole
        }
        return lengthEvidence(source: source.length(i, di), target: target.length(j + 1, dj - 1)) > whole
            || lengthEvidence(source: source.length(i, di), target: target.length(j, dj - 1)) > whole
    }

    /// How many paragraphs start inside units `i..<i+count` (after the first unit).
    @inline(__always) func paragraphStarts(_ table: UnitTable, _ i: Int, _ count: Int) -> Int {
        var starts = 0
        for k in 1..<count where table.startsParagraph[i + k] { starts += 1 }
        return starts
    }

    /// The largest shortfall of support among the units of each side with several units (0 for a
    /// side of one unit): what one
    /// unit adds to the bead's matched weight `matched` (what the bead matches without that unit
    /// is taken off, so a label whose only word repeats in the next sentence — `Порт. Номер
    /// порта.` ↔ `The port number.` — adds nothing), below what it needs. A unit needs
    /// `mergeSupport`, or less when it is short: a one-word unit whose whole anchor weight is
    /// matched (`Примечание.` ↔ `Note: …`) shows its part in the merge as well as it can, so it
    /// needs no more than its own weight, and never less than `Self.leastFullSupport`. (The middle
    /// unit of three is scored on its own: the rest is not one run.)
    mutating func largestShortfalls(_ i: Int, _ di: Int, _ j: Int, _ dj: Int, matched: Double) -> (source: Double, target: Double) {
        var largest = 0.0
        if di > 1 {
            for k in 0..<di {
                let support: Double
                if k == 0 { support = matched - matcher.compare(source, i + 1, di - 1, target, j, dj).matched }
                else if k == di - 1 { support = matched - matcher.compare(source, i, di - 1, target, j, dj).matched }
                else { support = matcher.compare(source, i + k, 1, target, j, dj).matched }
                largest = max(largest, needed(source.weight(i + k, 1)) - support)
            }
        }
        let sourceLargest = largest
        largest = 0
        if dj > 1 {
            for k in 0..<dj {
                let support: Double
                if k == 0 { support = matched - matcher.compare(source, i, di, target, j + 1, dj - 1).matched }
                else if k == dj - 1 { support = matched - matcher.compare(source, i, di, target, j, dj - 1).matched }
                else { support = matcher.compare(source, i, di, target, j + k, 1).matched }
                largest = max(largest, needed(target.weight(j + k, 1)) - support)
            }
        }
        return (sourceLargest, largest)
    }

    /// The least support a unit fully matched can be asked for: below it, one weak anchor (a
    /// common word, a short cognate) would be enough to glue a sentence to a neighbour's pair.
    /// At 2.0 (the default `mergeSupport`; was 1.0) a short label (`Число копий.` + its
    /// description ↔ the description alone, the label's translation left out) is no longer glued
    /// by its one matched word: it becomes a 1-0, and on the dev split's running text with
    /// omissions the wrong pairs fell from 77 to 74, with the other variants unchanged.
    static let leastFullSupport = 2.0

    /// The support a unit whose anchors weigh `weight` needs in a merge.
    @inline(__always) func needed(_ weight: Double) -> Double {
        min(mergeSupport, max(Self.leastFullSupport, weight))
    }

    /// Minus the boundary penalties for the paragraph boundaries the bead disagrees with.
    func boundaryScore(_ i: Int, _ di: Int, _ j: Int, _ dj: Int) -> Double {
        guard boundaryPenalty > 0 else { return 0 }
        var score = 0.0
        if source.startsParagraph[i] != target.startsParagraph[j] { score -= boundaryPenalty }
        var sourceInside = 0, targetInside = 0
        for k in 1..<di where source.startsParagraph[i + k] { sourceInside += 1 }
        for k in 1..<dj where target.startsParagraph[j + k] { targetInside += 1 }
        score -= Double(min(sourceInside, targetInside)) * boundaryPenalty
        score -= Double(abs(sourceInside - targetInside)) * oneSidedBoundaryPenalty
        return score
    }
}
