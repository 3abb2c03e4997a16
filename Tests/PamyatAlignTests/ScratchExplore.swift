import Foundation
import PamyatAlign
import PamyatCore
import Testing

@Suite struct ScratchExplore {
    @Test func explore() throws {
        let documents = try Corpus.documents()
        let joined = AlignedDocument.joined(documents, name: "all")
        let evaluation = AlignmentEvaluation(documents: documents + [joined], seeds: 4)
        var config = AlignerConfiguration(languages: Corpus.ruEn)
        config.usesBuiltInLexicon = ProcessInfo.processInfo.environment["NOLEX"] == nil
        let aligner = try Aligner(languages: Corpus.ruEn, configuration: config)
        let variants = EvaluationVariant.targets + [
            EvaluationVariant(omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
            EvaluationVariant(runningText: true, omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
            EvaluationVariant(runningText: true, omittedParagraphs: 0.2),
        ]
        for variant in variants {
            let (score, beads) = try evaluation.score(aligner, variant: variant)
            let wrong = beads.filter { !$0.correct }.map { String(format: "%.2f", $0.confidence) }
            let lowRight = beads.filter { $0.correct && $0.confidence < 0.5 }.count
            print("EXP \(variant): \(score) wrong: \(wrong) right-but-low: \(lowRight)")
        }
    }
}
