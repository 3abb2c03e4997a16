import Foundation
@testable import PamyatAlign
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

@Suite struct LengthRatioTests {
    @Test func reEstimatesAWrongRatioFromConfidentBeads() throws {
        let documents = try Corpus.documents()
        let joined = AlignedDocument.joined(documents, name: "all")
        var configuration = AlignerConfiguration(languages: Corpus.ruEn)
        configuration.lengthModel.ratio = 0.7
        configuration.usesBuiltInLexicon = false
        let evaluation = AlignmentEvaluation(documents: [joined], seeds: 2)
        let variant = EvaluationVariant(runningText: true, omittedParagraphs: 0.1)
        let (score, _) = try evaluation.score(try Aligner(languages: Corpus.ruEn, configuration: configuration), variant: variant)
        #expect(score.precision >= 0.98 && score.recall >= 0.95, "\(score)")
        let alignment = try Aligner(languages: Corpus.ruEn, configuration: configuration).align(source: joined.sourceParagraphs, target: joined.targetParagraphs)
        let ratio = try #require(Aligner.observedRatio(alignment))
        #expect(abs(ratio - 1.04) < 0.05, "observed \(ratio)")
    }
}
