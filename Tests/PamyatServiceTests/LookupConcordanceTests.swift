import Foundation
import PamyatCore
import PamyatService
import Testing

@Suite struct LookupConcordanceTests {
    func memory() throws -> LookupService {
        try LookupService(memories: [LookupService.Memory(name: "main", store: store([
            unit([(Tags.ru, "Генеральный секретарь ОДКБ провёл встречу."), (Tags.en, "The CSTO Secretary General held a meeting.")], day: 1),
            unit([(Tags.ru, "Стороны обсудили вопросы сотрудничества в рамках ОДКБ."), (Tags.en, "The parties discussed cooperation within the CSTO."), (Tags.be, "Бакі абмеркавалі супрацоўніцтва ў межах АДКБ.")], day: 2),
            unit([(Tags.ru, "Сотрудничество  развивается."), (Tags.be, "Супрацоўніцтва развіваецца.")], day: 3),
        ]))], openIndexes: false)
    }

    @Test func findsAWordWithItsTranslationAndHighlight() throws {
        let hits = try memory().concordance(ConcordanceRequest(text: "ОДКБ", language: Tags.ru, to: Tags.en))
        #expect(hits.count == 2)
        #expect(hits.map(\.unit) == hits.map(\.unit).sorted(by: >), "newest first")
        let first = try #require(hits.first { $0.text.hasPrefix("Генеральный") })
        #expect(first.highlights == [[22, 26]], "«ОДКБ» is scalars 22..<26")
        #expect(first.translations.map(\.text) == ["The CSTO Secretary General held a meeting."])
    }

    @Test func findsPartOfAWordInAnyCase() throws {
        let hits = try memory().concordance(ConcordanceRequest(text: "сотрудничеств", language: Tags.ru))
        #expect(hits.count == 2)
        let folded = try #require(hits.first { $0.text.hasPrefix("Сотрудничество") })
        #expect(folded.text == "Сотрудничество развивается.", "white space folded")
        #expect(folded.highlights == [[0, 13]])
        #expect(folded.translations.map(\.language) == [Tags.be], "without --to, every other language")
    }

    @Test func theTargetLanguageFiltersAndTheLimitCuts() throws {
        let memory = try memory()
        #expect(try memory.concordance(ConcordanceRequest(text: "сотрудничеств", language: Tags.ru, to: Tags.en)).count == 1)
        #expect(try memory.concordance(ConcordanceRequest(text: "одкб", language: Tags.ru, limit: 1)).count == 1)
        #expect(try memory.concordance(ConcordanceRequest(text: "вопросы сотрудничества", language: Tags.ru)).count == 1, "a phrase")
        #expect(try memory.concordance(ConcordanceRequest(text: "НАТО", language: Tags.ru)).isEmpty)
    }

    @Test func emptyTextOrBadOptionsAreErrors() throws {
        let memory = try memory()
        #expect(throws: LookupError.self) { try memory.concordance(ConcordanceRequest(text: "  ", language: Tags.ru)) }
        #expect(throws: LookupError.self) { try memory.concordance(ConcordanceRequest(text: "ОДКБ", language: Tags.ru, limit: 0)) }
        #expect(throws: LookupError.self) { try memory.concordance(ConcordanceRequest(text: "ОДКБ", language: Tags.ru, to: Tags.ru)) }
    }
}
