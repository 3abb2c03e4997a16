@testable import PamyatAlign
import PamyatCore
import Testing

@Suite struct AnchorTests {
    func sharedKeys(_ russian: String, _ english: String, lexicon: Bool = true) throws -> Int {
        let interner = KeyInterner()
        let built = lexicon ? try Lexicon.builtIn(for: Corpus.ruEn) : nil
        let ru = try AnchorExtractor(language: Corpus.ruEn.source, isSource: true, lexicon: built, learned: nil, weights: AnchorWeights(), interner: interner, cognates: false)
        let en = try AnchorExtractor(language: Corpus.ruEn.target, isSource: false, lexicon: built, learned: nil, weights: AnchorWeights(), interner: interner, cognates: false)
        let a = Set(ru.anchors(of: russian).map(\.key)), b = Set(en.anchors(of: english).map(\.key))
        return a.intersection(b).count
    }

    @Test(arguments: [
        ("Встреча с Лукашенко", "Meeting with Lukashenko"),
        ("Встреча с Тасмагамбетовым", "Meeting with Tasmagambetov"),
        ("Заявил Александр", "Said Alexander"),
        ("Визит в Будапешт", "Visit to Budapest"),
        ("Компания Google", "The company Google"),
    ])
    func namesMeetThroughTransliteration(russian: String, english: String) throws {
        #expect(try sharedKeys(russian, english, lexicon: false) >= 1, "\(russian) ↔ \(english)")
    }

    @Test(arguments: [
        ("13 февраля", "13 February"),
        ("в 2023 г.", "in 2023"),
        ("саммит ОДКБ", "the CSTO summit"),
        ("двух часов", "two hours"),
        ("в 2 часа", "two o'clock"),
        ("1 500,5 рубля", "1,500.5 rubles"),
        ("около 20 тысяч человек", "about 20,000 people"),
        ("1,2 млрд долларов", "$1.2 billion"),
        ("300 тыс. тонн", "300 thousand tonnes"),
        ("Почему?", "Why?"),
    ])
    func datesNumbersAcronymsAndMarksMeet(russian: String, english: String) throws {
        #expect(try sharedKeys(russian, english) >= 1, "\(russian) ↔ \(english)")
    }

    @Test func unrelatedSentencesShareNoStrongAnchor() throws {
        #expect(try sharedKeys("Урожай 2022 года", "The 2019 harvest", lexicon: false) == 0)
    }

    @Test(arguments: [("Aleksandr", "alksndr"), ("Alexander", "alksndr"), ("Yelena", "eln"), ("Elena", "eln"), ("CSTO", "kst")])
    func skeletonsFoldSpellingVariants(name: String, skeleton: String) {
        #expect(NameSkeleton.skeleton(name, keepVowels: false) == skeleton)
    }

    @Test func tokenizerReadsNumbersByLanguage() {
        let ru = Tokenizer.tokens(of: "Рост 1 500,5 и 4,1%", decimalComma: true).filter { $0.kind == .number }.map(\.text)
        #expect(ru == ["1500.5", "4.1"])
        let en = Tokenizer.tokens(of: "Grew 1,500.5 and 4.1%", decimalComma: false).filter { $0.kind == .number }.map(\.text)
        #expect(en == ["1500.5", "4.1"])
    }

    @Test func builtInLexiconLoadsInBothDirections() throws {
        let forward = try #require(try Lexicon.builtIn(for: Corpus.ruEn))
        #expect(forward.count > 200)
        let backward = try #require(try Lexicon.builtIn(for: LanguagePair(source: Corpus.ruEn.target, target: Corpus.ruEn.source)))
        #expect(backward.entries(of: "february", isSource: true).first?.concept == forward.entries(of: "февраля", isSource: true).first?.concept)
        #expect(try Lexicon.builtIn(for: LanguagePair(source: LanguageTag(canonical: "de"), target: LanguageTag(canonical: "fr"))) == nil)
    }

    @Test func malformedLexiconNamesTheLine() {
        #expect(throws: AlignError.self) { try Lexicon(tsv: "# c\nмир\tpeace\t1\nбез веса\n", languages: Corpus.ruEn, name: "x.tsv") }
        do {
            _ = try Lexicon(tsv: "мир\tpeace\t1\nbad line\n", languages: Corpus.ruEn, name: "x.tsv")
        } catch {
            #expect(error.location == "x.tsv:2")
        }
    }
}
