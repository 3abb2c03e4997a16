extension AlignedDocument {
    /// Several documents joined into one, in the order given (a longer document for the evaluation).
    public static func joined(_ documents: [AlignedDocument], name: String) -> AlignedDocument {
        var result = AlignedDocument(name: name, sourceParagraphs: [], targetParagraphs: [], beads: [])
        var sourceOffset = 0, targetOffset = 0
        for document in documents {
            result.sourceParagraphs += document.sourceParagraphs
            result.targetParagraphs += document.targetParagraphs
            result.beads += document.beads.map {
                Bead(source: ($0.source.lowerBound + sourceOffset)..<($0.source.upperBound + sourceOffset),
                     target: ($0.target.lowerBound + targetOffset)..<($0.target.upperBound + targetOffset), confidence: 1)
            }
            sourceOffset += document.sourceSentences.count
            targetOffset += document.targetSentences.count
        }
        return result
    }

    /// This document changed as `variant` says, with its true alignment changed to match.
    ///
    /// Paragraph omission assumes paragraphs are parallel (each bead inside one paragraph on both
    /// sides), as in the hand-aligned corpus. Merged sentences are two adjacent 1-1 beads in one
    /// paragraph whose translations become one sentence (the truth becomes a 2-1 bead); reordered
    /// pairs swap two adjacent 1-1 translations (the truth keeps the crossing links).
    public func applying(_ variant: EvaluationVariant, seed: UInt64) -> AlignedDocument {
        var random = SeededGenerator(seed: seed)
        // Work per bead: target sentences of each bead, and which target paragraph each bead is in.
        let targetParagraphOf = targetParagraphs.enumerated().flatMap { index, paragraph in paragraph.map { _ in index } }
        let sentences = targetSentences
        var beadTargets: [[String]] = beads.map { $0.target.map { sentences[$0] } }
        var beadParagraph: [Int] = beads.map { bead in bead.target.first.map { targetParagraphOf[$0] } ?? -1 }
        for (index, bead) in beads.enumerated() where bead.target.isEmpty {
            beadParagraph[index] = index > 0 ? beadParagraph[index - 1] : 0
        }
        // Which source sentences each bead covers, and crossing links introduced by reordering.
        var beadSources: [[Int]] = beads.map { Array($0.source) }
        var swapped: Set<Int> = []  // bead index i whose target was swapped with i+1

        // Reorder: swap the targets of two adjacent 1-1 beads in the same paragraph.
        for _ in 0..<variant.reorderedPairs {
            let candidates = (0..<max(0, beads.count - 1)).filter {
                beads[$0].source.count == 1 && beads[$0].target.count == 1 && beads[$0 + 1].source.count == 1
                    && beads[$0 + 1].target.count == 1 && beadParagraph[$0] == beadParagraph[$0 + 1]
                    && !swapped.contains($0) && !swapped.contains($0 - 1) && !swapped.contains($0 + 1)
            }
            guard let pick = candidates.randomElement(using: &random) else { break }
            beadTargets.swapAt(pick, pick + 1)
            swapped.insert(pick)
        }
        // Merge: the targets of two adjacent 1-1 beads in one paragraph become one sentence.
        var mergedInto: [Int: Int] = [:]  // bead index → index of the bead it was merged into
        for _ in 0..<variant.mergedSentences {
            let candidates = (0..<max(0, beads.count - 1)).filter {
                beadTargets[$0].count == 1 && beadTargets[$0 + 1].count == 1 && beadSources[$0].count == 1
                    && beadSources[$0 + 1].count == 1 && beadParagraph[$0] == beadParagraph[$0 + 1]
                    && !swapped.contains($0) && !swapped.contains($0 - 1) && !swapped.contains($0 + 1)
                    && mergedInto[$0] == nil && mergedInto[$0 + 1] == nil
            }
            guard let pick = candidates.randomElement(using: &random) else { break }
            let first = beadTargets[pick][0]
            var second = beadTargets[pick + 1][0]
            if let initial = second.first, first.hasSuffix(".") {
                second = initial.lowercased() + second.dropFirst()
            }
            beadTargets[pick] = [String(first.dropLast(first.hasSuffix(".") ? 1 : 0)) + ", and " + second]
            beadTargets[pick + 1] = []
            beadSources[pick] += beadSources[pick + 1]
            beadSources[pick + 1] = []
            mergedInto[pick + 1] = pick
        }
        // Omit paragraphs of the translation (never the first: titles are always translated).
        var omitted: Set<Int> = []
        if variant.omittedParagraphs > 0, targetParagraphs.count > 2 {
            let count = max(1, Int((Double(targetParagraphs.count) * variant.omittedParagraphs).rounded()))
            var pool = Array(1..<targetParagraphs.count)
            pool.shuffle(using: &random)
            omitted = Set(pool.prefix(count))
        }
        // Rebuild the target side and the true beads.
        var result = AlignedDocument(name: name, sourceParagraphs: sourceParagraphs, targetParagraphs: [], beads: [])
        var paragraph: [String] = []
        var currentParagraph = -1
        var targetIndex = 0
        var index = 0
        while index < beads.count {
            let p = beadParagraph[index]
            if p != currentParagraph {
                if !paragraph.isEmpty { result.targetParagraphs.append(paragraph) }
                paragraph = []
                currentParagraph = p
            }
            if swapped.contains(index) {
                // Two beads whose targets were swapped: crossing links, kept as one 2-2 truth with
                // only the crossing links (expressed as two beads over the swapped order).
                if !omitted.contains(p) {
                    let a = beadSources[index][0], b = beadSources[index + 1][0]
                    paragraph += beadTargets[index] + beadTargets[index + 1]
                    result.beads.append(Bead(source: b..<(b + 1), target: targetIndex..<(targetIndex + 1), confidence: 1))
                    result.beads.append(Bead(source: a..<(a + 1), target: (targetIndex + 1)..<(targetIndex + 2), confidence: 1))
                    targetIndex += 2
                }
                index += 2
                continue
            }
            if mergedInto[index] != nil { index += 1; continue }
            if !omitted.contains(p) {
                let sources = beadSources[index]
                let count = beadTargets[index].count
                paragraph += beadTargets[index]
                if let first = sources.first {
                    result.beads.append(Bead(source: first..<(first + sources.count), target: targetIndex..<(targetIndex + count), confidence: 1))
                }
                targetIndex += count
            }
            index += 1
        }
        if !paragraph.isEmpty { result.targetParagraphs.append(paragraph) }
        if variant.runningText {
            result.sourceParagraphs = [result.sourceParagraphs.flatMap { $0 }]
            result.targetParagraphs = [result.targetParagraphs.flatMap { $0 }]
        }
        return result
    }
}
