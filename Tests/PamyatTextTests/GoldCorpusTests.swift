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

    @Test("Each document of the gold corpus is segmented as annotated", arguments: all)
    func document(_ document: Document) throws {
        let sentences = try segmenter(document.language).sentences(in: document.sentences.joined(separator: " "))
        let missing = document.sentences.filter { !sentences.contains($0) }
        let wrong = sentences.filter { !document.sentences.contains($0) }
        #expect(sentences == document.sentences, "expected \(missing), got \(wrong)")
    }

    @Test("The gold corpus is big enough to mean something")
    func size() {
        let russian = Self.all.filter { $0.language == "ru" }.reduce(0) { $0 + $1.sentences.count }
        let english = Self.all.filter { $0.language == "en" }.reduce(0) { $0 + $1.sentences.count }
        #expect(russian >= 400 && english >= 80, "ru \(russian), en \(english) sentences")
    }
}
