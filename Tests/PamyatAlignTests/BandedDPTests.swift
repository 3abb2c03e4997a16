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

/// Issue 13 (9): what one paragraph may cost in the banded programme is bounded.
@Suite struct BandedDPCapTests {
    /// 1-1 beads are cheap only on the diagonal shifted by `shift` columns, so the best path runs
    /// that far from the band's centre and the band widens to follow it.
    struct ShiftedScorer: BeadScorer {
        var shift: Int
        mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double {
            shape.source == 1 && shape.target == 1 ? (j - i == shift ? 0 : 10) : 1
        }
        mutating func cost(_ i: Int, _ j: Int, _ shape: BeadShape, limit: Double) -> Double { cost(i, j, shape) }
        func lowestCost(_ i: Int, _ j: Int, _ shape: BeadShape) -> Double { 0 }
    }

    static let shapes = [
        BeadShape(source: 1, target: 1, penalty: 0), BeadShape(source: 1, target: 0, penalty: 1), BeadShape(source: 0, target: 1, penalty: 1),
    ]

    func align(maximumCells: Int) -> (widths: [Int], cells: [Int], path: [PathStep]) {
        var scorer = ShiftedScorer(shift: 400)
        var widths: [Int] = [], cells: [Int] = []
        let steps = BandedDP.align(
            sourceCount: 2_000, targetCount: 2_000, shapes: Self.shapes, scorer: &scorer, fullMatrixCells: 0, initialBand: 10,
            maximumCells: maximumCells, temperature: 1, onRun: { widths.append($0); cells.append($1) })
        return (widths, cells, steps.map(\.step))
    }

    @Test func withoutACapTheBandWidensUntilThePathIsClearOfItsEdges() {
        let run = align(maximumCells: .max)
        #expect(run.widths == [10, 20, 40, 80, 160, 320, 640], "\(run.widths)")
        #expect(run.path.contains { $0.shape.source == 1 && $0.shape.target == 1 && $0.target - $0.source == 400 }, "the shifted diagonal is found")
    }

    @Test func theBandStopsWideningAtTheCap() {
        let cap = 400_000
        let run = align(maximumCells: cap)
        #expect(run.widths == [10, 20, 40, 80], "a band of 160 would have 2,001 × 321 cells: \(run.widths)")
        #expect(run.cells.allSatisfy { $0 <= cap }, "\(run.cells)")
        #expect(run.path.reduce(0) { $0 + $1.shape.source } == 2_000 && run.path.reduce(0) { $0 + $1.shape.target } == 2_000,
                "still a whole alignment, the best within the band")
    }

    @Test func aBandWiderThanTheCapFromTheStartIsNarrowedToIt() {
        let run = align(maximumCells: 2_001 * 11)
        #expect(run.widths == [5], "(11 − 1) / 2 cells either side of the diagonal: \(run.widths)")
        #expect(run.cells.allSatisfy { $0 <= 2_001 * 11 })
        #expect(run.path.reduce(0) { $0 + $1.shape.source } == 2_000)
    }
}
