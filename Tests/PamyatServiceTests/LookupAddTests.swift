import Foundation
import PamyatCore
import PamyatService
import PamyatStore
import Testing

@Suite struct LookupAddTests {
    @Test func anAddedUnitIsFoundByTheNextLookup() throws {
        let memory = try service([unit([(Tags.ru, "Стороны подписали соглашение."), (Tags.en, "The parties signed an agreement.")])])
        let added = try memory.add(source: "Стороны обсудили проект соглашения.", target: "The parties discussed the draft agreement.", from: Tags.ru, to: Tags.en, document: "doc-7")
        #expect(added.created)
        #expect(added.memory == "main")
        let matches = try memory.lookup(LookupRequest(text: "Стороны обсудили проект соглашения.", from: Tags.ru, to: Tags.en))
        #expect(matches.first?.unit == added.unit)
        #expect(matches.first?.score == 100)
        #expect(matches.first?.document == "doc-7")
        let again = try memory.add(source: "Стороны обсудили проект соглашения.", target: "The parties discussed the draft agreement.", from: Tags.ru, to: Tags.en)
        #expect(!again.created, "the same unit is not stored twice")
        #expect(again.unit == added.unit)
    }

    @Test func unitsWrittenByAnotherProcessAreFoundWithoutARestart() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tm.sqlite")
        let writer = try SQLiteMemoryStore(path: path)
        try writer.write { _ = try $0.store(unit([(Tags.ru, "Первое предложение."), (Tags.en, "The first sentence.")]), onDuplicate: .keepExisting) }
        let reader = try SQLiteMemoryStore(path: path, create: false, readOnly: true)
        let memory = try LookupService(memories: [LookupService.Memory(name: "tm", store: reader)], cacheUnits: 0)
        #expect(try memory.lookup(LookupRequest(text: "Второе предложение о сотрудничестве.", from: Tags.ru, to: Tags.en)).isEmpty)
        #expect(memory.isCurrent(memory: nil), "nothing committed since the lookup")
        try writer.write { _ = try $0.store(unit([(Tags.ru, "Второе предложение о сотрудничестве."), (Tags.en, "The second sentence on cooperation.")], document: "d2"), onDuplicate: .keepExisting) }
        #expect(!memory.isCurrent(memory: nil), "another connection's commit is seen before any lookup")
        let matches = try memory.lookup(LookupRequest(text: "Второе предложение о сотрудничестве.", from: Tags.ru, to: Tags.en))
        #expect(matches.map(\.target) == ["The second sentence on cooperation."])
        #expect(memory.isCurrent(memory: nil), "the lookup caught up")
        _ = try writer.write { try $0.deleteUnits(ofDocument: "d2") }
        #expect(try memory.lookup(LookupRequest(text: "Второе предложение о сотрудничестве.", from: Tags.ru, to: Tags.en)).isEmpty, "a deleted unit is gone")
    }

    @Test func lookupsAndAddsCanRunAtOnce() async throws {
        let memory = try service([unit([(Tags.ru, "Начальное предложение."), (Tags.en, "An initial sentence.")])])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for step in 0..<10 {
                        let source = "Предложение номер \(task * 100 + step) о сотрудничестве."
                        let added = try memory.add(source: source, target: "Sentence \(task * 100 + step).", from: Tags.ru, to: Tags.en)
                        let found = try memory.lookup(LookupRequest(text: source, from: Tags.ru, to: Tags.en, limit: 1))
                        #expect(found.first?.unit == added.unit && found.first?.score == 100, "added \(source) is found at once")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func badAddsChangeNothing() throws {
        let memory = try service([])
        #expect(throws: LookupError.self) { try memory.add(source: " ", target: "x", from: Tags.ru, to: Tags.en) }
        #expect(throws: LookupError.self) { try memory.add(source: "x", target: "y", from: Tags.ru, to: Tags.ru) }
        #expect(throws: LookupError.self) { try memory.add(source: String(repeating: "я", count: 60_000), target: "y", from: Tags.ru, to: Tags.en) }
        #expect(throws: LookupError.self) { try memory.add(source: "x", target: "y", from: Tags.ru, to: Tags.en, memory: "other") }
    }

    @Test func aReadOnlyMemoryRefusesAdds() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tm.sqlite")
        _ = try SQLiteMemoryStore(path: path)
        let memory = try LookupService(memories: [LookupService.Memory(name: "tm", store: try SQLiteMemoryStore(path: path, readOnly: true))])
        #expect(throws: StoreError.self) { try memory.add(source: "Текст.", target: "Text.", from: Tags.ru, to: Tags.en) }
    }
}
