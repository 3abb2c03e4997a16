import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import Testing

@Suite struct LookupDirectionTests {
    /// Units aligned from one Russian original and its English and Belarusian translations meet in
    /// the unit of the original's sentence.
    func memory() throws -> LookupService {
        try service([
            unit([(Tags.ru, "Делегация посетила завод."), (Tags.en, "The delegation visited the plant."), (Tags.be, "Дэлегацыя наведала завод.")]),
            unit([(Tags.ru, "Стороны подписали соглашение."), (Tags.en, "The parties signed an agreement.")]),
        ])
    }

    @Test(arguments: [
        (Tags.ru, Tags.en, "Делегация посетила завод.", "The delegation visited the plant."),
        (Tags.en, Tags.ru, "The delegation visited the plant.", "Делегация посетила завод."),
        (Tags.ru, Tags.be, "Делегация посетила завод.", "Дэлегацыя наведала завод."),
        (Tags.be, Tags.en, "Дэлегацыя наведала завод.", "The delegation visited the plant."),
        (Tags.en, Tags.be, "The delegation visited the plant.", "Дэлегацыя наведала завод."),
    ])
    func everyDirectionTheUnitsHoldWorks(from: LanguageTag, to: LanguageTag, text: String, expected: String) throws {
        let matches = try memory().lookup(LookupRequest(text: text, from: from, to: to))
        #expect(matches.map(\.target) == [expected], "\(from)→\(to)")
        #expect(matches.first?.score == 100)
    }

    @Test func aUnitWithoutTheTargetLanguageIsNotAMatch() throws {
        let matches = try memory().lookup(LookupRequest(text: "Стороны подписали соглашение.", from: Tags.ru, to: Tags.be))
        #expect(matches.isEmpty, "the ru-en unit has no Belarusian")
    }

    @Test func aRegionalTagFindsItsLanguage() throws {
        let memory = try service([unit([(Tags.ru, "Делегация посетила завод."), (LanguageTag(canonical: "en-GB"), "The delegation visited the works.")])])
        let matches = try memory.lookup(LookupRequest(text: "Делегация посетила завод.", from: Tags.ru, to: Tags.en))
        #expect(matches.map(\.target) == ["The delegation visited the works."])
    }

    @Test func aPairNoMemoryHoldsIsAnError() throws {
        #expect { try memory().lookup(LookupRequest(text: "Делегация посетила завод.", from: Tags.ru, to: Tags.kk)) } throws: { error in
            (error as? LookupError)?.code == .unknownPair && "\(error)".contains("en-ru") && "\(error)".contains("ru→kk")
        }
        #expect { try memory().lookup(LookupRequest(text: "Делегация", from: Tags.ru, to: LanguageTag(canonical: "ru-RU"))) } throws: { error in
            (error as? LookupError)?.code == .sameLanguage
        }
    }

    @Test func badQueriesAreRefusedBeforeAnyWork() throws {
        let memory = try memory()
        for (text, minimum, limit) in [("", 70, 5), ("  \t ", 70, 5), (String(repeating: "слово ", count: 20_000), 70, 5), ("Делегация", 101, 5), ("Делегация", -1, 5), ("Делегация", 70, 0)] {
            #expect(throws: MatchError.self, "«\(text.prefix(20))» min \(minimum) limit \(limit)") {
                try memory.lookup(LookupRequest(text: text, from: Tags.ru, to: Tags.en, minimum: minimum, limit: limit))
            }
        }
    }
}
