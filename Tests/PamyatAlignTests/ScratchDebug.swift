import Foundation
import PamyatAlign
import PamyatCore
import Testing

@Suite struct ScratchDebug {
    @Test func debug() throws {
        let documents = try Corpus.documents()
        var config = AlignerConfiguration(languages: Corpus.ruEn)
        config.usesBuiltInLexicon = ProcessInfo.processInfo.environment["NOLEX"] == nil
        let aligner = try Aligner(languages: Corpus.ruEn, configuration: config)
        let variant = EvaluationVariant(runningText: ProcessInfo.processInfo.environment["RUN"] != nil, omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1)
        for (documentIndex, document) in documents.enumerated() {
            for seed in 0..<4 {
                let changed = document.applying(variant, seed: UInt64(documentIndex * 1000 + seed + 1))
                let alignment = try aligner.align(source: changed.sourceParagraphs, target: changed.targetParagraphs)
                let score = AlignmentScore(predicted: alignment.pairs, expected: changed.beads)
                guard score.correct != score.predicted || score.correct != score.expected else { continue }
                print("DBG == \(document.name) seed \(seed) \(score) mode \(alignment.mode) para \(alignment.paragraphBeads.map { "\($0.kind)@\(String(format: "%.2f", $0.confidence))" })")
                let truth = Set(AlignmentScore.links(changed.beads))
                for bead in alignment.beads {
                    let ok = bead.isOmission ? "  " : (AlignmentScore.links([bead]).allSatisfy { truth.contains($0) } ? "ok" : "XX")
                    print("DBG \(ok) \(bead.kind) \(String(format: "%.2f", bead.confidence)) | \(alignment.sourceText(of: bead).prefix(60)) | \(alignment.targetText(of: bead).prefix(60))")
                }
            }
        }
    }
}
