import PamyatCore
import PamyatMatch
import Testing

@Suite struct ExplanationTests {
    let scorer: PairScorer

    init() throws { scorer = try PairScorer(language: LanguageTag(canonical: "ru")) }

    @Test(arguments: [
        ("Президент провёл встречу с делегацией Индии.", "Президент провёл встречу с делегацией Китая.", "Президент провёл встречу с делегацией [-Китая-]{+Индии+}."),
        ("Президент провёл встречу.", "Президент провёл важную встречу.", "Президент провёл [-важную-] встречу."),
        ("Президент провёл важную встречу.", "Президент провёл встречу.", "Президент провёл {+важную+} встречу."),
        ("Президент провёл встречу .", "Президент провёл встречу.", "Президент провёл встречу[-.-]{+ .+}"),
        ("президент провёл встречу.", "Президент провёл встречу.", "[-Президент-]{+президент+} провёл встречу."),
        ("Стороны обсудили новые вопросы торговли.", "Стороны обсудили вопросы сотрудничества.", "Стороны обсудили {+новые+} вопросы [-сотрудничества-]{+торговли+}."),
    ])
    func marksDifferencesOnTheStoredSource(query: String, source: String, expected: String) {
        let comparison = scorer.compare(query: query, source: source)
        #expect(comparison.operations.rendered(.plain) == expected)
    }

    @Test func theOperationsRebuildBothTextsAndTheirCostsAddUpToTheDistance() {
        let pairs = [
            ("13 февраля 2023 г. Президент <b>провёл</b> встречу , а также переговоры.", "14 февраля 2023 г. президент провёл встречу и переговоры!"),
            ("Совсем другое.", "Президент провёл встречу с делегацией Китая."),
            ("Стороны обсудили вопросы сотрудничества.", "Стороны обсудили вопросы сотрудничества."),
        ]
        for (query, source) in pairs {
            let comparison = scorer.compare(query: query, source: source)
            #expect(comparison.operations.compactMap(\.query).joined() == query, "query side of «\(query)»")
            #expect(comparison.operations.compactMap(\.source).joined() == source, "source side of «\(source)»")
            #expect(comparison.operations.map(\.cost).reduce(0, +) == comparison.distance)
            #expect(comparison.operations.allSatisfy { ($0.kind == .kept) == ($0.cost == 0) })
        }
    }

    @Test func aSimilarWordIsReplacedAtItsCost() {
        let comparison = scorer.compare(query: "Coudn't convet fiaename", source: "Couldn't convert filename", similarWords: true)
        #expect(comparison.score == 90)
        #expect(comparison.operations.map(\.kind) == [.replaced, .replaced, .replaced])
        #expect(comparison.operations.map(\.cost) == [1, 1, 1])
        let russian = scorer.compare(
            query: "Встречи прошли во Дворце Независимости и продолжались более двух часов.",
            source: "Встреча прошла во Дворце Независимости и продолжалась более двух часов.", similarWords: true)
        #expect(russian.score >= 85)
        #expect(russian.operations.filter { $0.kind == .replaced }.map(\.cost) == [1, 2, 1])
    }

    @Test func withoutSimilarWordsADifferentWordCostsAWholeWord() {
        let comparison = scorer.compare(query: "Coudn't convet fiaename", source: "Couldn't convert filename")
        #expect(comparison.score == 0)
        #expect(comparison.operations.map(\.cost) == [10, 10, 10])
        // ё for е is a different word too, as before similar words.
        #expect(scorer.compare(query: "Президент провел встречу.", source: "Президент провёл встречу.").score == 75)
        #expect(scorer.compare(query: "Президент провел встречу.", source: "Президент провёл встречу.", similarWords: true).score == 95)
    }

    @Test func colouredOutputUsesANSIEscapes() {
        let comparison = scorer.compare(query: "Президент провёл встречу с делегацией Индии.", source: "Президент провёл встречу с делегацией Китая.")
        #expect(comparison.operations.rendered(.ansi) == "Президент провёл встречу с делегацией \u{1B}[9;31mКитая\u{1B}[0m\u{1B}[32mИндии\u{1B}[0m.")
    }
}
