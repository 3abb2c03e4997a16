import PamyatCore
import PamyatText
import Testing

@Suite struct WordCounterTests {
    @Test(arguments: [
        ("Президент провёл встречу.", 3),
        ("т.е.", 1),
        ("2023 г.", 2),
        ("Рост составил 3,5 %.", 3),
        ("Указ от 12.05.2024 подписан.", 4),
        ("1 000 рублей", 3),
        ("— Да, — сказал он.", 3),
        ("", 0),
        ("... !!! ---", 0),
    ])
    func russian(text: String, words: Int) throws {
        #expect(try WordCounter(language: LanguageTag(canonical: "ru")).count(text) == words)
    }

    @Test func english() throws {
        let counter = try WordCounter(language: LanguageTag(canonical: "en"))
        #expect(counter.count("The President's visit, i.e. the talks, took 2.5 hours.") == 9, "i.e. and 2.5 are one word each")
    }
}
