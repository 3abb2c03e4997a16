import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import Testing

@Suite struct LookupServiceTests {
    let meeting = unit([(Tags.ru, "Президент провёл встречу с делегацией Китая."), (Tags.en, "The President met the Chinese delegation.")])

    @Test func anExactMatchScores100AndCarriesItsProvenance() throws {
        let memory = try service([unit([(Tags.ru, "Президент провёл встречу с делегацией Китая."), (Tags.en, "The President met the Chinese delegation.")], document: "press-1")])
        let matches = try memory.lookup(LookupRequest(text: "Президент  провёл встречу с делегацией Китая.", from: Tags.ru, to: Tags.en))
        #expect(matches.count == 1)
        #expect(matches.first?.score == 100, "white space does not count")
        #expect(matches.first?.target == "The President met the Chinese delegation.")
        #expect(matches.first?.memory == "main")
        #expect(matches.first?.document == "press-1")
        #expect(matches.first?.date == "2023-01-01")
        #expect(matches.first?.diff.allSatisfy { $0.kind == .kept } == true)
    }

    @Test func aFuzzyMatchIsExplainedTokenByToken() throws {
        let memory = try service([meeting])
        let match = try #require(try memory.lookup(LookupRequest(text: "Президент провёл встречу с делегацией Индии.", from: Tags.ru, to: Tags.en)).first)
        // 7 tokens, one word replaced: floor(100 × (1 − 1/7)) = 85.
        #expect(match.score == 85)
        #expect(match.diff.filter { $0.kind != .kept }.map { "\($0.source ?? "")→\($0.query ?? "")" } == [" Китая→ Индии"])
        #expect(match.diff.rendered(.plain) == "Президент провёл встречу с делегацией [-Китая-]{+Индии+}.")
    }

    @Test func nothingBelowTheMinimumIsReturned() throws {
        let memory = try service([meeting])
        #expect(try memory.lookup(LookupRequest(text: "Совсем другое предложение о погоде.", from: Tags.ru, to: Tags.en)).isEmpty)
        #expect(try memory.lookup(LookupRequest(text: "Президент провёл встречу с делегацией Индии.", from: Tags.ru, to: Tags.en, minimum: 86)).isEmpty)
    }

    @Test func numbersAreAdaptedWhenOnlyNumbersDiffer() throws {
        let memory = try service([unit([(Tags.ru, "13 февраля 2023 г. состоялось заседание."), (Tags.en, "The meeting took place on 13 February 2023.")])])
        let match = try #require(try memory.lookup(LookupRequest(text: "14 февраля 2024 г. состоялось заседание.", from: Tags.ru, to: Tags.en)).first)
        #expect(match.adapted)
        #expect(match.target == "The meeting took place on 14 February 2024.")
        #expect(match.storedTarget == "The meeting took place on 13 February 2023.")
        #expect(match.flags.contains("adapted"))
        // 8 tokens (`г.` is `г` and `.`), two numbers replaced by numbers (0.3 each):
        // floor(100 × (1 − 0.6/8)) = 92.
        #expect(match.score == 92)
    }

    @Test func numbersAreNotAdaptedWhenWordsDifferToo() throws {
        let memory = try service([unit([(Tags.ru, "13 февраля 2023 г. состоялось заседание."), (Tags.en, "The meeting took place on 13 February 2023.")])])
        let match = try #require(try memory.lookup(LookupRequest(text: "14 марта 2023 г. состоялось заседание.", from: Tags.ru, to: Tags.en)).first)
        #expect(!match.adapted)
        #expect(match.target == "The meeting took place on 13 February 2023.")
    }

    @Test func theSamePreviousSentenceMakesAnExactMatch101() throws {
        let memory = try service([
            unit([(Tags.ru, "Стороны обсудили вопросы сотрудничества."), (Tags.en, "The parties discussed cooperation.")], previous: "Встреча прошла в Минске."),
            unit([(Tags.ru, "Стороны обсудили вопросы сотрудничества."), (Tags.en, "The sides discussed cooperation issues.")], day: 5, previous: "Переговоры прошли в Москве."),
        ])
        let matches = try memory.lookup(LookupRequest(
            text: "Стороны обсудили вопросы сотрудничества.", from: Tags.ru, to: Tags.en, previous: "Встреча прошла в Минске."))
        #expect(matches.map(\.score) == [101, 100], "the context match ranks first")
        #expect(matches.first?.target == "The parties discussed cooperation.")
        #expect(matches.first?.flags.contains("context") == true)
        let without = try memory.lookup(LookupRequest(text: "Стороны обсудили вопросы сотрудничества.", from: Tags.ru, to: Tags.en))
        #expect(without.map(\.score) == [100, 100])
        let fuzzy = try memory.lookup(LookupRequest(
            text: "Стороны обсудили вопросы торговли.", from: Tags.ru, to: Tags.en, previous: "Встреча прошла в Минске."))
        #expect(!fuzzy.contains { $0.score > 100 }, "only exact matches can score 101")
    }

    @Test func severalTranslationsOfOneSourceAreAllReturnedNewestFirstAndFlagged() throws {
        let memory = try service([
            unit([(Tags.ru, "Стороны подписали соглашение."), (Tags.en, "The parties signed an agreement.")], day: 1),
            unit([(Tags.ru, "Стороны подписали соглашение."), (Tags.en, "The sides signed the agreement.")], day: 30),
            unit([(Tags.ru, "Стороны подписали меморандум."), (Tags.en, "The parties signed a memorandum.")], day: 2),
        ])
        let matches = try memory.lookup(LookupRequest(text: "Стороны подписали соглашение.", from: Tags.ru, to: Tags.en, limit: 1))
        #expect(matches.map(\.target) == ["The sides signed the agreement.", "The parties signed an agreement."], "limit counts sources")
        #expect(matches.allSatisfy { $0.flags.contains("several-translations") && $0.translations == 2 })
    }
}
