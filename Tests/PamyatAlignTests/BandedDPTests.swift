@testable import PamyatAlign
import PamyatCore
import Testing

@Suite struct BandedDPTests {
    @Test func theBandFindsTheSameAlignmentAsTheFullMatrix() throws {
        let documents = try Corpus.documents()
        let long = AlignedDocument.joined(documents, name: "long")
            .applying(EvaluationVariant(runningText: true, omittedParagraphs: 0.1), seed: 7)
        var full = AlignerConfiguration(languages: Corpus.ruEn)
        full.fullMatrixCells = .max
        var banded = full
        banded.fullMatrixCells = 0
        banded.initialBand = 4
        let a = try Aligner(languages: Corpus.ruEn, configuration: full).align(source: long.sourceParagraphs, target: long.targetParagraphs)
        let b = try Aligner(languages: Corpus.ruEn, configuration: banded).align(source: long.sourceParagraphs, target: long.targetParagraphs)
        #expect(a.beads.map(\.source) == b.beads.map(\.source))
        #expect(a.beads.map(\.target) == b.beads.map(\.target))
        #expect(AlignmentScore(predicted: b.pairs, expected: long.beads).precision >= 0.98)
    }

    @Test func bandCellsGrowWithLengthTimesWidthNotTheSquare() {
        let band = Band(n: 10_000, m: 9_000, width: 50)
        #expect(band.cells <= 10_001 * 101, "\(band.cells) cells")
    }
}
