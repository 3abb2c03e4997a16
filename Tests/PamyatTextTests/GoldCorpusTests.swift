import Testing

/// Every document of ``GoldCorpus`` — its sentences joined by spaces into one paragraph — must
/// come out exactly as annotated.
@Suite struct GoldCorpusTests {
    /// A document: its annotated sentences, one per line.
    struct Document: CustomTestStringConvertible, Sendable {
        let language: String
        let sentences: [String]
        var testDescription: String { "[\(language)] " + (sentences.first ?? "") }
    }

    static func documents(_ text: String, language: String) -> [Document] {
        text.components(separatedBy: "\n\n").map {
            Document(language: language, sentences: $0.split(separator: "\n").map(String.init))
        }
    }

    static let all: [Document] =
        documents(GoldCorpus.russianNews, language: "ru") + documents(GoldCorpus.russianFiction, language: "ru")
        + documents(GoldCorpus.russianEncyclopaedia, language: "ru") + documents(GoldCorpus.russianMixed, language: "ru")
        + documents(GoldCorpus.englishTexts, language: "en")

    /// Documents the segmenter is known to get wrong, by their first sentence, and why. Each must
    /// still fail (`withKnownIssue`), so a fix shows up and moves it out of this list.
    static let knownFailures: [String: Comment] = [
        "Кислород (лат. Oxygenium, обозначается символом O) — химический элемент 16-й группы.":
            "«Открыт в 1774 г. Дж. Пристли.»: after a year that closes a clause, a name with initials is read as a new sentence",
        "Википедия (англ. Wikipedia) — общедоступная многоязычная универсальная интернет-энциклопедия со свободным контентом.":
            "«Основана 15 января 2001 г. Джимми Уэйлсом…»: the agent of a passive verb after a year is read as a new sentence",
    ]

    @Test("Each document of the gold corpus is segmented as annotated", arguments: all)
    func document(_ document: Document) throws {
        let sentences = try segmenter(document.language).sentences(in: document.sentences.joined(separator: " "))
        let missing = document.sentences.filter { !sentences.contains($0) }
        let wrong = sentences.filter { !document.sentences.contains($0) }
        if let reason = Self.knownFailures[document.sentences[0]] {
            withKnownIssue(reason) { #expect(sentences == document.sentences, "expected \(missing), got \(wrong)") }
        } else {
            #expect(sentences == document.sentences, "expected \(missing), got \(wrong)")
        }
    }

    @Test("The gold corpus is big enough to mean something")
    func size() {
        let russian = Self.all.filter { $0.language == "ru" }.reduce(0) { $0 + $1.sentences.count }
        let english = Self.all.filter { $0.language == "en" }.reduce(0) { $0 + $1.sentences.count }
        #expect(russian >= 400 && english >= 80, "ru \(russian), en \(english) sentences")
    }
}
