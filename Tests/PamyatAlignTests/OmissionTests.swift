import PamyatAlign
import PamyatCore
import Testing

/// Sentences the translation left out, in running text (one paragraph per side, so no paragraph
/// marks help): where the 1-0 lands, that it is not glued to a neighbour, that a shift stops, and
/// that a pair whose place only the model decided is not stored.
@Suite struct OmissionTests {
    let aligner: Aligner

    init() throws {
        aligner = try Aligner(languages: Corpus.ruEn)
    }

    /// The bead of each source sentence: its target sentences, or `[]` for a 1-0.
    func partners(_ alignment: Alignment) -> [Int: [Int]] {
        var partners: [Int: [Int]] = [:]
        for bead in alignment.beads {
            for s in bead.source { partners[s] = Array(bead.target) }
        }
        return partners
    }

    @Test func aShortOmittedLabelBetweenSiblingsIsLeftOutNotGlued() throws {
        // A dialog page run together; the translation leaves out the label «Поля.», whose
        // description follows it. The label shares nothing with the description's translation.
        let source = [[
            "Параметры печати.", "Принтер.", "Устройство, на котором будет напечатан документ.",
            "Поля.", "Отступ текста от края листа в миллиметрах.",
            "Двусторонняя печать.", "Печатать на обеих сторонах листа.", "Ориентация.", "Книжная или альбомная.",
        ]]
        let target = [[
            "Print settings.", "Printer.", "The device that prints the document.",
            "The distance between the text and the edge of the sheet, in millimetres.",
            "Two-sided printing.", "Print on both sides of the sheet.", "Orientation.", "Portrait or landscape.",
        ]]
        let alignment = try aligner.align(source: source, target: target)
        let got = partners(alignment)
        #expect(got[3] == [], "the label is a 1-0: \(got)")
        #expect(got[4] == [3], "its description pairs alone with the translated description: \(got)")
        #expect(alignment.beads.allSatisfy { !($0.source.contains(3) && $0.source.count > 1) }, "the label is in no merge")
        for s in 5..<9 { #expect(got[s] == [s - 1], "the siblings after it stay paired: \(got)") }
    }

    @Test func aShiftStopsAtTheNextAnchoredSentenceAndIsNotStored() throws {
        // A report menu: «Account analysis» is left out. Nothing tells «Оборотно-сальдовая
        // ведомость» from «Анализ счёта» but the model, so the omission may land on the wrong
        // sibling; the shift must end there (the items after it carry words the lexicon or
        // cognates know, and a Latin token), and the shifted pair must not reach the default
        // threshold (it is no surer than its posterior).
        let source = [[
            "Отчёты.", "Оборотно-сальдовая ведомость.", "Анализ счёта.", "Карточка счёта.", "Главная книга.",
            "Экспорт в формат XLSX.", "Отчёт сохраняется в папке Documents/Reports.", "Размер файла не превышает 20 МБ.",
        ]]
        let target = [[
            "Reports.", "Trial balance.", "Account card.", "General ledger.", "Export to XLSX.",
            "The report is saved to the Documents/Reports folder.", "The file is no larger than 20 MB.",
        ]]
        let truth: [Int: [Int]] = [0: [0], 1: [1], 2: [], 3: [2], 4: [3], 5: [4], 6: [5], 7: [6]]
        let alignment = try aligner.align(source: source, target: target)
        let got = partners(alignment)
        for s in 3..<8 { #expect(got[s] == truth[s], "sentence \(s) is back in place after the omission: \(got)") }
        #expect(got.values.filter(\.isEmpty).count == 1, "one sentence left out: \(got)")
        let threshold = AlignerConfiguration.defaultLowConfidence
        for bead in alignment.pairs where bead.confidence >= threshold {
            #expect(bead.source.allSatisfy { truth[$0] == Array(bead.target) }, "a stored pair is right: \(bead)")
        }
    }

    @Test func anUnexplainedPairBesideAnOmissionIsNoSurerThanItsPosterior() {
        let evidence = BeadEvidence(posterior: 0.55, length: 1.3, matched: 0, missing: 0, besideOmission: true, isMerge: false, characters: 27)
        let calibration = ConfidenceCalibration.fitted
        #expect(calibration.isUnexplained(evidence))
        #expect(calibration.confidence(evidence) == 0.55)
        var anchored = evidence
        anchored.matched = 3  // a number both sides share
        #expect(!calibration.isUnexplained(anchored))
        #expect(calibration.confidence(anchored) > 0.55)
        var elsewhere = evidence
        elsewhere.besideOmission = false
        #expect(!calibration.isUnexplained(elsewhere))
    }
}
