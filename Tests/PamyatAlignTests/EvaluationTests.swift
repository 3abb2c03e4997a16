import Foundation
import PamyatAlign
import PamyatCore
import Testing

/// The quality target on the hand-aligned corpus (see Fixtures/corpus/README.md); the full
/// evaluation with more seeds is `pamyat-bench align-quality`.
@Suite struct EvaluationTests {
    static let variants = EvaluationVariant.targets + [
        EvaluationVariant(omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
        EvaluationVariant(runningText: true, omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
    ]

    @Test(arguments: variants)
    func meetsTheQualityTarget(variant: EvaluationVariant) throws {
        let documents = try Corpus.documents()
        let evaluation = AlignmentEvaluation(documents: documents + [AlignedDocument.joined(documents, name: "all")], seeds: 2)
        let (score, _) = try evaluation.score(try Aligner(languages: Corpus.ruEn), variant: variant)
        #expect(score.precision >= 0.98, "\(variant): \(score)")
        #expect(score.recall >= 0.95, "\(variant): \(score)")
    }

    @Test func generatorOmitsParagraphsAndKeepsTheTruthConsistent() throws {
        let document = try Corpus.documents()[0]
        let changed = document.applying(EvaluationVariant(omittedParagraphs: 0.2, mergedSentences: 1, reorderedPairs: 1), seed: 3)
        #expect(changed.targetParagraphs.count < document.targetParagraphs.count)
        let targets = changed.targetSentences.count
        #expect(changed.beads.allSatisfy { $0.target.upperBound <= targets && $0.source.upperBound <= changed.sourceSentences.count })
        // Every target sentence belongs to exactly one true bead.
        #expect(changed.beads.flatMap { Array($0.target) }.sorted() == Array(0..<targets))
    }
}
