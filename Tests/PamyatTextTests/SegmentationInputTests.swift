import Foundation
import PamyatText
import Testing

/// How the segmenter takes its input: paragraphs are lines, blank lines are skipped, white space
/// is folded, byte order marks dropped, text brought to NFC.
@Suite struct SegmentationInputTests {
    @Test("Each line is a paragraph and blank lines are skipped", arguments: [
        "Первый абзац. Второе предложение.\n\nВторой абзац.\n",
        "Первый абзац. Второе предложение.\r\n\r\n   \r\nВторой абзац.",
        "Первый абзац. Второе предложение.\rВторой абзац.\r",
        "\n\nПервый абзац. Второе предложение.\u{2029}Второй абзац.\n\t\n",
    ])
    func paragraphs(text: String) throws {
        let paragraphs = try segmenter("ru").paragraphs(in: text)
        #expect(paragraphs == [["Первый абзац.", "Второе предложение."], ["Второй абзац."]], "\(paragraphs)")
    }

    @Test("Runs of white space are folded into one space and trimmed", arguments: [
        "  Он  пришёл.\t\tОна\u{00A0}ушла.  ",
        "Он пришёл.\u{2003}\u{2003}Она\u{202F}ушла.",
        "Он\u{200B}пришёл. Она ушла.",
    ])
    func whiteSpace(text: String) throws {
        let sentences = try segmenter("ru").sentences(in: text)
        #expect(sentences == ["Он пришёл.", "Она ушла."], "\(sentences)")
    }

    @Test("A byte order mark inside the text is dropped")
    func byteOrderMark() throws {
        let sentences = try segmenter("ru").sentences(in: "\u{FEFF}Он пришёл. \u{FEFF}Она ушла.")
        #expect(sentences == ["Он пришёл.", "Она ушла."], "\(sentences)")
    }

    @Test("Text is brought to NFC", arguments: [
        ("Мои\u{0306} дом. Еще\u{0308}!", ["Мой дом.", "Ещё!"]),
        ("Cafe\u{0301} ouvert. Voila\u{0300} tout.", ["Café ouvert.", "Voilà tout."]),
    ])
    func nfc(text: String, expected: [String]) throws {
        let sentences = try segmenter("ru").sentences(in: text)
        #expect(sentences == expected, "\(sentences.map { Array($0.unicodeScalars) })")
        #expect(sentences.allSatisfy { $0.unicodeScalars.elementsEqual(Normalizer.nfc($0).unicodeScalars) })
    }

    @Test("Empty and blank input has no sentences", arguments: ["", " ", "\n\n", "\t \u{00A0}"])
    func empty(text: String) throws {
        let segmenter = try segmenter("ru")
        #expect(segmenter.sentences(in: text).isEmpty)
        #expect(segmenter.paragraphs(in: text).isEmpty)
    }

    @Test("Line ends inside a paragraph passed to sentences(in:) are spaces")
    func lineEndsInsideAParagraph() throws {
        let sentences = try segmenter("ru").sentences(in: "Договор подписан\nв 2021 г.\nЗатем его ратифицировали.")
        #expect(sentences == ["Договор подписан в 2021 г.", "Затем его ратифицировали."], "\(sentences)")
    }

    @Test("Decoded files reach the segmenter clean: BOM, CRLF and UTF-16")
    func decodedInput() throws {
        let utf8 = Data([0xEF, 0xBB, 0xBF]) + Data("Он пришёл. Она ушла.\r\n\r\nКонец.\r\n".utf8)
        var utf16 = Data([0xFF, 0xFE])
        for unit in "Он пришёл. Она ушла.\r\n\r\nКонец.\r\n".utf16 { utf16 += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        for data in [utf8, utf16] {
            let text = try InputText.decode(data, source: "test")
            let paragraphs = try segmenter("ru").paragraphs(in: text)
            #expect(paragraphs == [["Он пришёл.", "Она ушла."], ["Конец."]], "\(paragraphs)")
        }
    }

    @Test("A segmenter can be reused for many paragraphs")
    func reuse() throws {
        let segmenter = try segmenter("ru")
        for round in 0..<200 {
            let sentences = segmenter.sentences(in: "Абзац \(round). Цена 5 тыс. руб. Далее.")
            #expect(sentences == ["Абзац \(round).", "Цена 5 тыс. руб.", "Далее."])
        }
    }

    @Test("Segmenters of different tasks work at once")
    func concurrency() async throws {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for index in 0..<8 {
                group.addTask {
                    let segmenter = try segmenter(index.isMultiple(of: 2) ? "ru" : "en")
                    var last: [String] = []
                    for _ in 0..<50 {
                        last = segmenter.sentences(in: index.isMultiple(of: 2) ? "В 2023 г. Президент подписал указ. Затем ушёл." : "Mr. Smith left. Then he came back.")
                    }
                    return last
                }
            }
            for try await sentences in group { #expect(sentences.count == 2, "\(sentences)") }
        }
    }
}
