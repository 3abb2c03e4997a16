/// Runs the aligner over variants of hand-aligned documents and scores it (see
/// ``EvaluationVariant`` and ``AlignmentScore``).
public struct AlignmentEvaluation: Sendable {
    public var documents: [AlignedDocument]
    /// How many random versions of each document are made per variant.
    public var seeds: Int

    public init(documents: [AlignedDocument], seeds: Int = 5) {
        self.documents = documents
        self.seeds = seeds
    }

    /// The score of `aligner` on `variant`, summed over documents and seeds; also each predicted
    /// bead's confidence with whether it was right (for calibrating confidence).
    public func score(_ aligner: Aligner, variant: EvaluationVariant) throws(AlignError) -> (score: AlignmentScore, beads: [(confidence: Double, correct: Bool)]) {
        var total = AlignmentScore()
        var beads: [(Double, Bool)] = []
        for (documentIndex, document) in documents.enumerated() {
            for seed in 0..<seeds {
                let changed = document.applying(variant, seed: UInt64(documentIndex * 1000 + seed + 1))
                let alignment = try aligner.align(source: changed.sourceParagraphs, target: changed.targetParagraphs)
                let predicted = alignment.pairs
                total = total + AlignmentScore(predicted: predicted, expected: changed.beads)
                let truth = Set(AlignmentScore.links(changed.beads))
                for bead in predicted {
                    let links = AlignmentScore.links([bead])
                    beads.append((bead.confidence, links.allSatisfy { truth.contains($0) }))
                }
            }
        }
        return (total, beads)
    }
}
