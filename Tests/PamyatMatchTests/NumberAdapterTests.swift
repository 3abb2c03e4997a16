import PamyatCore
import PamyatMatch
import Testing

@Suite struct NumberAdapterTests {
    let ru = LanguageTag(canonical: "ru")
    let en = LanguageTag(canonical: "en")

    func adapted(query: String, source: String, target: String) throws -> String? {
        let comparison = try PairScorer(language: ru).compare(query: query, source: source)
        guard let changes = comparison.numberChanges else { return nil }
        return try NumberAdapter(targetLanguage: en).adapt(target: target, changes: changes)
    }

    @Test(arguments: [
        ("14 февраля 2024 г.", "13 февраля 2023 г.", "13 February 2023", "14 February 2024"),
        ("Рост составил 4,2 %.", "Рост составил 3,5 %.", "Growth was 3.5%.", "Growth was 4.2%."),
        ("Выделено 20 млн рублей на 3 проекта.", "Выделено 15 млн рублей на 2 проекта.", "15 million roubles went to 2 projects.", "20 million roubles went to 3 projects."),
        ("В 2024 году и в 2024 году.", "В 2023 году и в 2023 году.", "In 2023 and in 2023.", "In 2024 and in 2024."),
    ])
    func replacesTheChangedNumbersInTheTranslation(query: String, source: String, target: String, expected: String) throws {
        #expect(try adapted(query: query, source: source, target: target) == expected)
    }

    @Test(arguments: [
        ("14 марта 2023 г.", "13 февраля 2023 г.", "13 February 2023", "a word changed too"),
        ("13 февраля 2024 г., 2023 год", "13 февраля 2023 г., 2023 год", "13 February 2023, year 2023", "the changed number is also kept elsewhere"),
        ("В 2024 году и в 2025 году.", "В 2023 году и в 2023 году.", "In 2023 and in 2023.", "one number becomes two"),
        ("Выделено 20 млн рублей.", "Выделено 15 млн рублей.", "Fifteen million roubles were allocated.", "the translation spells the number out"),
        ("Выделено 15 млн рублей.", "Выделено 15 млн рублей.", "15 million roubles.", "nothing changed"),
    ])
    func leavesTheTranslationAloneWhenItCannotBeDoneSafely(query: String, source: String, target: String, why: String) throws {
        #expect(try adapted(query: query, source: source, target: target) == nil, "\(why)")
    }
}
