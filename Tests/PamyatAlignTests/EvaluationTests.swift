import Foundation
import PamyatAlign
import PamyatCore
import Testing

@Suite struct EvaluationTests {
    @Test(arguments: EvaluationVariant.targets)
    func meetsTheQualityTarget(variant: EvaluationVariant) throws {
        let documents = try Corpus.documents()
        let joined = AlignedDocument.joined(documents, name: "all")
        let evaluation = AlignmentEvaluation(documents: documents + [joined], seeds: 4)
        let aligner = try Aligner(languages: Corpus.ruEn)
        let (score, beads) = try evaluation.score(aligner, variant: variant)
        let wrong = beads.filter { !$0.correct }.map { String(format: "%.2f", $0.confidence) }
        print("\(variant): \(score) wrong-bead confidences: \(wrong)")
        #expect(score.precision >= 0.98, "\(variant): \(score)")
        #expect(score.recall >= 0.95, "\(variant): \(score)")
    }
}
