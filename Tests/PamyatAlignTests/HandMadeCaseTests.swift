import PamyatAlign
import PamyatCore
import Testing

/// Small document pairs written for these tests, each with the alignment a person expects.
@Suite struct HandMadeCaseTests {
    let aligner: Aligner

    init() throws {
        aligner = try Aligner(languages: Corpus.ruEn)
    }

    /// Beads as (source indices, target indices), omissions included.
    func beads(_ source: [[String]], _ target: [[String]]) throws -> [[[Int]]] {
        try aligner.align(source: source, target: target).beads.map { [Array($0.source), Array($0.target)] }
    }

    static let ru = [
        ["Президент Беларуси 5 мая провел совещание с руководством Министерства промышленности.", "Обсуждались итоги работы отрасли за 2023 год."],
        ["По словам министра Александра Ефимова, производство выросло на 7%.", "Экспорт продукции достиг 4,2 млрд долларов."],
        ["Отдельно говорили о кадрах.", "На предприятиях не хватает около 3 тысяч инженеров."],
        ["«Почему молодые специалисты уезжают?» – спросил Глава государства.", "Он поручил подготовить программу поддержки молодежи до 1 сентября."],
    ]
    static let en = [
        ["On 5 May, the President of Belarus held a meeting with the leadership of the Ministry of Industry.", "They discussed the performance of the industry in 2023."],
        ["According to Minister Aleksandr Yefimov, output grew by 7%.", "Exports reached $4.2 billion."],
        ["Personnel was discussed separately.", "Enterprises lack about 3,000 engineers."],
        ["“Why are young specialists leaving?” the head of state asked.", "He instructed to prepare a youth support program by 1 September."],
    ]

    @Test func alignsParallelParagraphsOneToOne() throws {
        let got = try beads(Self.ru, Self.en)
        #expect(got == (0..<8).map { [[$0], [$0]] }, "eight 1-1 beads")
    }

    @Test func alignsWhenTheTranslationJoinsTwoParagraphs() throws {
        // The translation puts paragraphs 2 and 3 into one: paragraph counts 4 and 3.
        let target = [Self.en[0], Self.en[1] + Self.en[2], Self.en[3]]
        let got = try beads(Self.ru, target)
        #expect(got == (0..<8).map { [[$0], [$0]] }, "still eight 1-1 beads")
    }

    @Test func leavesAnOmittedParagraphUnpaired() throws {
        let target = [Self.en[0], Self.en[1], Self.en[3]]
        let got = try beads(Self.ru, target)
        let expected: [[[Int]]] = [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], []], [[5], []], [[6], [4]], [[7], [5]]]
        #expect(got == expected, "sentences 5 and 6 are 1-0 beads")
    }

    @Test func pairsTwoSentencesWithTheirMergedTranslation() throws {
        var target = Self.en
        target[1] = ["According to Minister Aleksandr Yefimov, output grew by 7%, and exports reached $4.2 billion."]
        let got = try beads(Self.ru, target)
        #expect(got[2] == [[2, 3], [2]], "a 2-1 bead")
        #expect(got.count == 7)
    }

    @Test func joinsAOneWordLabelWhoseWordTheTranslationKeeps() throws {
        // «Примечание.» is a sentence of its own; the translation keeps its one word inside the
        // next sentence («Note: …»): the label's support is all it can show, so it merges.
        let source = [["Откройте окно настроек."],
                      ["Примечание.", "Пустые строки внутри диапазона отображаются на диаграмме как нулевые значения."],
                      ["Нажмите кнопку «Сохранить»."]]
        let target = [["Open the settings window."], ["Note: Blank rows inside the range appear in the chart as zeros."], ["Click Save."]]
        let got = try beads(source, target)
        #expect(got == [[[0], [0]], [[1, 2], [1]], [[3], [2]]], "a 2-1 bead for the note: \(got)")
    }

    @Test func crossesTwoSentencesTheTranslatorSwapped() throws {
        var target = Self.en
        target[3] = ["He instructed to prepare a youth support program by 1 September.", "“Why are young specialists leaving?” the head of state asked."]
        let got = try beads(Self.ru, target)
        #expect(got[6] == [[6], [7]] && got[7] == [[7], [6]], "crossed beads: \(got.suffix(2))")
    }

    @Test func alignsRunningTextWithParagraphs() throws {
        let got = try beads([Self.ru.flatMap { $0 }], Self.en)
        #expect(got == (0..<8).map { [[$0], [$0]] })
    }

    @Test func handlesAnEmptySide() throws {
        let got = try beads(Self.ru, [])
        #expect(got.count == 8 && got.allSatisfy { $0[1].isEmpty }, "every sentence is a 1-0 bead")
    }

    @Test func givesEveryBeadAConfidenceBetweenZeroAndOne() throws {
        let alignment = try aligner.align(source: Self.ru, target: [Self.en[0], Self.en[3]])
        #expect(alignment.beads.allSatisfy { (0...1).contains($0.confidence) })
        #expect(alignment.pairs.allSatisfy { $0.confidence > 0.5 }, "the kept pairs are right and confident")
    }
}
