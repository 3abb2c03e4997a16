import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import Testing

@Suite struct LookupMultiMemoryTests {
    let source = "Министр подчеркнул важность сотрудничества."

    func memories(penaltyA: Int = 0, penaltyB: Int = 0) throws -> LookupService {
        let a = try store([unit([(Tags.ru, source), (Tags.en, "The minister stressed the importance of cooperation.")])])
        let b = try store([
            unit([(Tags.ru, source), (Tags.en, "The minister underlined how important cooperation is.")], day: 10),
            unit([(Tags.ru, "Министр подчеркнул важность партнёрства."), (Tags.en, "The minister stressed the importance of partnership.")]),
        ])
        return try LookupService(memories: [
            LookupService.Memory(name: "a", store: a, penalty: penaltyA), LookupService.Memory(name: "b", store: b, penalty: penaltyB),
        ])
    }

    @Test func earlierMemoriesWinTies() throws {
        let matches = try memories().lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en))
        #expect(matches.map(\.memory) == ["a", "b", "b"], "the tie at 100 goes to the memory given first")
        // 5 tokens, one word replaced: floor(100 × (1 − 1/5)) = 80.
        #expect(matches.map(\.score) == [100, 100, 80])
    }

    @Test func aPenaltyIsTakenOffEveryScoreOfItsMemory() throws {
        let matches = try memories(penaltyA: 30).lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en))
        #expect(matches.map(\.memory) == ["b", "b", "a"], "a's 100 − 30 = 70 ranks below b's 100 and 80")
        #expect(matches.map(\.score) == [100, 80, 70])
        #expect(matches.last?.penalty == 30)
        #expect(matches.last?.flags.contains("penalty") == true)
        let fewer = try memories(penaltyA: 31).lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en))
        #expect(fewer.map(\.memory) == ["b", "b"], "100 − 31 = 69 is below the minimum")
    }

    @Test func aPenaltyCanDropAMatchBelowTheMinimum() throws {
        let matches = try memories(penaltyB: 20).lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en, minimum: 70))
        #expect(matches.map(\.memory) == ["a", "b"], "b's 83 − 20 = 63 is below 70")
        #expect(matches.map(\.score) == [100, 80])
    }

    @Test func aRequestCanNameOneMemory() throws {
        let matches = try memories().lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en, memory: "b"))
        #expect(Set(matches.map(\.memory)) == ["b"])
        #expect(throws: LookupError.self) { try memories().lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en, memory: "zzz")) }
    }

    @Test func aMemoryCannotBeGivenTwiceOrWithABadPenalty() throws {
        let one = try store([])
        #expect(throws: LookupError.self) {
            try LookupService(memories: [LookupService.Memory(name: "x", store: one), LookupService.Memory(name: "x", store: one)])
        }
        #expect(throws: LookupError.self) { try LookupService(memories: [LookupService.Memory(name: "x", store: one, penalty: -1)]) }
        #expect(throws: LookupError.self) { try LookupService(memories: []) }
    }
}
