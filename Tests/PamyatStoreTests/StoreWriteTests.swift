import Foundation
import PamyatCore
import PamyatStore
import Testing

@Suite struct StoreWriteTests {
    @Test func storedUnitsReadBackWithEverything() throws {
        let store = try SQLiteMemoryStore.inMemory()
        var unit = pair("Президент подписал указ.", "The President signed a decree.", document: "d1")
        unit.provenance.position = "3"
        unit.provenance.confidence = 0.93
        unit.provenance.contextPrevious = "Заседание прошло в Минске."
        unit.properties = [Property(type: "x-client", value: "press office")]
        unit.notes = [Note(text: "checked", language: "en")]
        unit.variants[1].markup = "The <bpt i=\"1\">&lt;b&gt;</bpt>President<ept i=\"1\">&lt;/b&gt;</ept> signed a decree."
        unit.variants[1].properties = [Property(type: "x-reviewed", value: "yes")]
        unit.createdBy = "anna"
        let outcome = try store.write { try $0.store(unit, onDuplicate: .keepExisting) }
        guard case .created(let id) = outcome else { Issue.record("expected created, got \(outcome)"); return }
        let read = try #require(try store.unit(id: id))
        var expected = unit
        expected.id = id
        #expect(read == expected, "a unit must read back exactly as stored")
    }

    @Test func addingTheSameContentTwiceDoesNotDuplicate() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let first = try store.write { try $0.store(pair("Один.", "One."), onDuplicate: .keepExisting) }
        let second = try store.write { try $0.store(pair("Один.", "One.", document: "other"), onDuplicate: .keepExisting) }
        #expect(second == .unchanged(first.unitID))
        #expect(try store.stats().units == 1)
        let different = try store.write { try $0.store(pair("Один.", "One!"), onDuplicate: .keepExisting) }
        #expect(different != .unchanged(first.unitID), "a different target is a different unit")
        #expect(try store.stats().units == 2)
    }

    @Test func mergingMetadataUpdatesDatesAndProperties() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let id = try store.write { try $0.store(pair("Два.", "Two."), onDuplicate: .mergeMetadata) }.unitID
        var newer = pair("Два.", "Two.", at: Date(timeIntervalSince1970: 1_800_000_000))
        newer.properties = [Property(type: "x-project", value: "P1")]
        newer.changedBy = "boris"
        #expect(try store.write { try $0.store(newer, onDuplicate: .mergeMetadata) } == .updated(id))
        let read = try #require(try store.unit(id: id))
        #expect(read.createdAt == Date(timeIntervalSince1970: 1_700_000_000), "creation keeps the earliest date")
        #expect(read.changedAt == Date(timeIntervalSince1970: 1_800_000_000), "change takes the latest date")
        #expect(read.properties == newer.properties)
        #expect(read.changedBy == "boris")
        #expect(try store.write { try $0.store(newer, onDuplicate: .mergeMetadata) } == .unchanged(id),
                "merging the same metadata again changes nothing")
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let store = try SQLiteMemoryStore.inMemory()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                _ = try session.store(pair("Три.", "Three."), onDuplicate: .keepExisting)
                throw Boom()
            }
        }
        #expect(try store.stats().units == 0)
        #expect(try store.changes(after: 0).changes.isEmpty)
    }

    @Test func replacingADocumentDeletesItsUnitsAndLogsTheChange() throws {
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { session in
            _ = try session.store(pair("А.", "A.", document: "doc"), onDuplicate: .keepExisting)
            _ = try session.store(pair("Б.", "B.", document: "doc"), onDuplicate: .keepExisting)
            _ = try session.store(pair("В.", "C.", document: "keep"), onDuplicate: .keepExisting)
        }
        let before = try store.changes(after: 0)
        #expect(before.changes.map(\.kind) == [.inserted, .inserted, .inserted])
        let deleted = try store.write { try $0.deleteUnits(ofDocument: "doc") }
        #expect(deleted == 2)
        let after = try store.changes(after: before.latest)
        #expect(after.changes.map(\.kind) == [.deleted, .deleted])
        #expect(try store.stats().units == 1)
        #expect(try store.concordance(language: ru, text: "А.", limit: 10).isEmpty, "deleted units leave the concordance index")
    }

    @Test func theChangeLogListsEveryUnitInTheOrderWritten() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let (a, b) = try store.write { session in
            (try session.store(pair("А.", "A."), onDuplicate: .mergeMetadata).unitID,
             try session.store(pair("Б.", "B."), onDuplicate: .mergeMetadata).unitID)
        }
        let first = try store.changes(after: 0)
        #expect(first.changes.map { "\($0.unitID) \($0.kind)" } == ["\(a) inserted", "\(b) inserted"])
        let (c, d) = try store.write { session in
            let c = try session.store(pair("В.", "C."), onDuplicate: .mergeMetadata).unitID
            let newer = pair("А.", "A.", at: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(try session.store(newer, onDuplicate: .mergeMetadata) == .updated(a))
            return (c, try session.store(pair("Г.", "D."), onDuplicate: .mergeMetadata).unitID)
        }
        let second = try store.changes(after: first.latest)
        #expect(second.changes.map { "\($0.unitID) \($0.kind)" } == ["\(c) inserted", "\(a) updated", "\(d) inserted"],
                "an update between inserts is logged between them")
        #expect(second.changes.map(\.sequence) == second.changes.map(\.sequence).sorted(), "sequence numbers never decrease")
        #expect(second.latest == second.changes.last?.sequence)
        #expect(try store.changes(after: second.latest).changes.isEmpty)
    }

    @Test func aRunOfInsertsIsOneLogEntry() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let ids = try store.write { session in
            try (0..<500).map { try session.store(pair("Р \($0).", "E \($0)."), onDuplicate: .mergeMetadata).unitID }
        }
        let log = try store.changes(after: 0)
        #expect(log.changes.map(\.unitID) == ids, "every inserted unit is listed")
        #expect(log.changes.allSatisfy { $0.kind == .inserted && $0.sequence == log.latest }, "as one entry")
    }

    @Test func documentsAreSavedAndReplaced() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let doc = DocumentRecord(id: "pr-1", title: "Встреча", date: "2023-02-13", sourceLanguage: ru,
                                 languages: [ru, en], contentHash: "abc", addedAt: Date(timeIntervalSince1970: 1_700_000_000))
        try store.write { try $0.saveDocument(doc) }
        #expect(try store.document(id: "pr-1") == doc)
        var newer = doc
        newer.contentHash = "def"
        try store.write { try $0.saveDocument(newer) }
        #expect(try store.document(id: "pr-1")?.contentHash == "def")
        #expect(try store.stats().documents == 1)
        #expect(try store.document(id: "missing") == nil)
    }
}
