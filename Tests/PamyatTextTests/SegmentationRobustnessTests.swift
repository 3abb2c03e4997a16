import PamyatText
import Testing

/// Whatever the paragraph, segmentation only cuts it: the sentences, joined by single spaces, are
/// the cleaned paragraph; no sentence is empty or has spaces at its ends; nothing crashes.
@Suite struct SegmentationRobustnessTests {
    /// Pieces that exercise every rule, glued at random by a seeded generator.
    static let pieces = [
        "А.", "Г.", "А.Г.", "Лукашенко", "т.е.", "т. е.", "и т.д.", "г.", "гг.", "2021", "13.02.2023", "5", "тыс.",
        "руб.", "ул.", "им.", "ст.", "окт.", "«", "»", "“", "”", "\"", "(", ")", "[...]", "…", "...", ". . .", "—", "–",
        "-", "?", "!", "?!", "?..", ".", ",", ";", ":", ":)", "))", "1.", "2)", "а)", "•", "Mr.", "U.S.", "p.m.",
        "No.", "e.g.", "iPhone", "www.nbrb.by", "a@b.by", "°C", "Он", "Затем", "The", "он", "затем", "word", "Word",
        "ВКЛ", "I", "II", "XX", "Иванов", "\u{00A0}", "  ", "\t", "й", "и\u{0306}", "\u{FEFF}", "😀", "中文", "שלום",
        "--", "..", "!!!", ")))", "(((", "=)", ":-(", ":D", "Ctrl+С", "оси", "Х", "timeout:", "--verbose", "max_retries",
        "открыт", "Основана", "Уэйлсом", "1.1.", "долл.",
    ]

    /// SplitMix64, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("Random paragraphs are only cut, never changed", arguments: ["ru", "en", "be", "uk", "kk"])
    func randomParagraphs(language: String) throws {
        let segmenter = try segmenter(language)
        var generator = Generator(state: 0xC0FFEE ^ language.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) })
        for round in 0..<400 {
            var paragraph = ""
            for _ in 0..<(1 + generator.next(40)) {
                paragraph += Self.pieces[generator.next(Self.pieces.count)]
                if generator.next(3) > 0 { paragraph += " " }
            }
            let sentences = segmenter.sentences(in: paragraph)
            let cleaned = Normalizer.nfc(Normalizer.foldWhitespace(paragraph.replacingOccurrences(of: "\u{FEFF}", with: "")))
            #expect(sentences.joined(separator: " ") == cleaned, "round \(round): «\(paragraph)» → \(sentences)")
            #expect(sentences.allSatisfy { !$0.isEmpty && $0.first != " " && $0.last != " " }, "round \(round): \(sentences)")
        }
    }

    /// A long input, shown in test results by its name.
    struct Degenerate: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { "\(name) (\(text.utf8.count) bytes)" }
    }

    @Test("Long and degenerate lines", arguments: [
        Degenerate(name: "one long word", text: String(repeating: "а", count: 200_000) + ". Б"),
        Degenerate(name: "a long bracket of abbreviations", text: "Текст (" + String(repeating: "абв. Где ", count: 5_000) + ")"),
        Degenerate(name: "initials", text: String(repeating: "А. ", count: 20_000) + "Лукашенко."),
        Degenerate(name: "closing brackets", text: String(repeating: ") ", count: 20_000)),
        Degenerate(name: "ellipses", text: String(repeating: "… ", count: 20_000)),
        Degenerate(name: "a date phrase of numbers", text: String(repeating: "1 ", count: 10_000) + "г. Затем."),
        Degenerate(name: "quotes", text: "Он \"сказал т.е. \" абв " + String(repeating: "т.е. \" Абв ", count: 5_000)),
        Degenerate(name: "a detached stop after a colon (found by the random test)", text: "а): . \t» Он"),
        Degenerate(name: "spaced dots after unspaced ones (found by the random test)", text: "им.... . 5 ул."),
        Degenerate(name: "chat stops before lowercase words", text: String(repeating: "а? б! в.. ", count: 20_000)),
        Degenerate(name: "emoticons before lowercase words", text: String(repeating: "да)) нет :( ", count: 20_000)),
        Degenerate(name: "exclamations inside speech", text: "— " + String(repeating: "Ах! как ", count: 20_000) + "— сказала она."),
        Degenerate(name: "full stops in a chat", text: "ну)) " + String(repeating: "ладно. пока. ", count: 20_000)),
        Degenerate(name: "named letters", text: String(repeating: "оси X и ", count: 20_000) + "Y. Затем."),
        Degenerate(name: "nested quotes", text: String(repeating: "«", count: 10_000) + "Нет." + String(repeating: "»", count: 10_000) + " Да."),
    ])
    func degenerateLines(_ input: Degenerate) throws {
        let sentences = try segmenter("ru").sentences(in: input.text)
        #expect(sentences.joined(separator: " ") == Normalizer.foldWhitespace(input.text))
    }
}
