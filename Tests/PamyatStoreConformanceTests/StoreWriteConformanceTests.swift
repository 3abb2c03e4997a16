import Foundation
import PamyatCore
import Testing

/// Writing: what every store must do the same (SQLite and PostgreSQL).
@Suite struct StoreWriteConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func storedUnitsReadBackWithEverything(kind: StoreKind) throws {
        let memory = try kind.makeMemory()
        var unit = pair("Президент подписал указ.", "The President signed a decree.", document: "d1")
        unit.provenance.position = "3"
        unit.provenance.confidence = 0.93
        unit.provenance.contextPrevious = "Заседание прошло в Минске."
        unit.properties = [Property(type: "x-client", value: "press office")]
        unit.notes = [Note(text: "checked", language: "en")]
        unit.attributes = ["usagecount": "4"]
        unit.variants[1].markup = "The <bpt i=\"1\">&lt;b&gt;</bpt>President<ept i=\"1\">&lt;/b&gt;</ept> signed a decree."
        unit.variants[1].properties = [Property(type: "x-reviewed", value: "yes")]
        unit.createdBy = "anna"
        let outcome = try memory.store.write { try $0.store(unit, onDuplicate: .keepExisting) }
        guard case .created(let id) = outcome else { Issue.record("expected created, got \(outcome)"); return }
        let read = try #require(try memory.store.unit(id: id))
        var expected = unit
        expected.id = id
        #expect(read == expected, "a unit must read back exactly as stored")
    }

    @Test(arguments: StoreKind.allCases)
    func addingTheSameContentTwiceDoesNotDuplicate(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
        let first = try store.write { try $0.store(pair("Один.", "One."), onDuplicate: .keepExisting) }
        let second = try store.write { try $0.store(pair("Один.", "One.", document: "other"), onDuplicate: .keepExisting) }
        #expect(second == .unchanged(first.unitID))
        #expect(try store.stats().units == 1)
        let different = try store.write { try $0.store(pair("Один.", "One!"), onDuplicate: .keepExisting) }
        #expect(different != .unchanged(first.unitID), "a different target is a different unit")
        #expect(try store.stats().units == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func mergingMetadataUpdatesDatesAndProperties(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
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

    @Test(arguments: StoreKind.allCases)
    func aBatchIsStoredAsIfUnitByUnit(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
        let before = try store.write { try $0.store(pair("Старое.", "Old."), onDuplicate: .mergeMetadata) }.unitID
        // Texts with what a bulk path must escape: tabs, newlines, backslashes, quotes, NULL-like text.
        var tricky = pair("Табуляция\tи\\N обратная \\ черта", "Tab\tand a\nnew line \\. \"quoted\" \r end")
        tricky.provenance.confidence = 0.1 + 0.2
        var newer = pair("Старое.", "Old.", at: Date(timeIntervalSince1970: 1_800_000_000))
        newer.notes = [Note(text: "again")]
        let units = [pair("Один.", "One."), tricky, newer, pair("Два.", "Two."), pair("Один.", "One."), pair("Три.", "Three.")]
        let outcomes = try store.write { session in
            try session.store(units.map { store.prepare($0) }, onDuplicate: .mergeMetadata)
        }
        #expect(outcomes.count == units.count)
        #expect(outcomes[2] == .updated(before), "a stored unit's metadata is merged")
        #expect(outcomes[4] == .unchanged(outcomes[0].unitID), "a repeat within the batch is the earlier unit")
        let created = outcomes.enumerated().filter { if case .created = $0.element { true } else { false } }.map(\.offset)
        #expect(created == [0, 1, 3, 5])
        #expect(try store.stats().units == 5)
        let read = try #require(try store.unit(id: outcomes[1].unitID))
        var expected = tricky
        expected.id = outcomes[1].unitID
        #expect(read == expected, "texts with tabs, newlines and backslashes read back exactly")
        let log = try store.changes(after: 0).changes
        #expect(Set(log.filter { $0.kind == .inserted }.map(\.unitID)) == Set([before] + created.map { outcomes[$0].unitID }))
        #expect(log.contains(UnitChange(sequence: log.last!.sequence, unitID: before, kind: .updated)) || log.contains { $0.unitID == before && $0.kind == .updated })
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedTransactionLeavesNothing(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                _ = try session.store(pair("Три.", "Three."), onDuplicate: .keepExisting)
                _ = try session.store((0..<10).map { store.prepare(pair("Р \($0).", "E \($0).")) }, onDuplicate: .keepExisting)
                throw Boom()
            }
        }
        #expect(try store.stats().units == 0)
        #expect(try store.changes(after: 0).changes.isEmpty)
        #expect(try store.write { try $0.store(pair("Три.", "Three."), onDuplicate: .keepExisting) }.unitID > 0,
                "the store is usable after a failed transaction")
    }

    @Test(arguments: StoreKind.allCases)
    func replacingADocumentDeletesItsUnitsAndLogsTheChange(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
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
        #expect(try store.concordance(language: ru, text: "А.", limit: 10).isEmpty, "deleted units leave the concordance")
    }

    @Test(arguments: StoreKind.allCases)
    func theChangeLogListsEveryUnitInTheOrderWritten(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
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

    @Test(arguments: StoreKind.allCases)
    func documentsAreSavedAndReplaced(kind: StoreKind) throws {
        let store = try kind.makeMemory().store
        let doc = DocumentRecord(id: "pr-1", title: "Встреча", date: "2023-02-13", sourceLanguage: ru,
                                 languages: [ru, en], contentHash: "abc", addedAt: Date(timeIntervalSince1970: 1_700_000_000))
        try store.write { try $0.saveDocument(doc) }
        #expect(try store.document(id: "pr-1") == doc)
        #expect(try store.write { try $0.document(id: "pr-1") } == doc, "a write session reads the record in its transaction")
        var newer = doc
        newer.contentHash = "def"
        try store.write { try $0.saveDocument(newer) }
        #expect(try store.document(id: "pr-1")?.contentHash == "def")
        #expect(try store.stats().documents == 1)
        #expect(try store.document(id: "missing") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func twoWritersNeverDuplicateAUnit(kind: StoreKind) throws {
        let memory = try kind.makeMemory()
        let other = try memory.reopen()
        let units = (0..<200).map { pair("Предложение \($0).", "Sentence \($0).") }
        // Two stores (as two processes would have) write the same units at once, unit by unit and in batches.
        let group = DispatchGroup()
        let failures = FailureList()
        for (index, store) in [memory.store, other].enumerated() {
            DispatchQueue.global().async(group: group) {
                do {
                    for chunk in stride(from: 0, to: units.count, by: 20) {
                        let slice = Array(units[chunk..<chunk + 20])
                        _ = try store.write { session in
                            index == 0 ? try slice.map { try session.store($0, onDuplicate: .mergeMetadata) }
                                : try session.store(slice.map { store.prepare($0) }, onDuplicate: .mergeMetadata)
                        }
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        group.wait()
        #expect(failures.all.isEmpty)
        #expect(try memory.store.stats().units == units.count, "each unit is stored once")
        #expect(try other.stats().units == units.count)
    }

    @Test(arguments: StoreKind.allCases)
    func aMissingMemoryIsNotFoundUnlessCreated(kind: StoreKind) throws {
        let memory = try kind.makeMemory()
        _ = try memory.store.write { try $0.store(pair("Есть.", "Here."), onDuplicate: .keepExisting) }
        #expect(try memory.reopen(create: false).stats().units == 1)
        let missing: String
        switch kind {
        case .sqlite: missing = memory.location.replacingOccurrences(of: "memory.sqlite", with: "other.sqlite")
        case .postgresql: missing = memory.location + "&memory=other"
        }
        let error = #expect(throws: StoreError.self) { _ = try kind.open(missing, create: false) }
        #expect(error?.code == .notFound)
    }

    @Test(arguments: StoreKind.allCases)
    func aReadOnlyStoreRefusesWrites(kind: StoreKind) throws {
        let memory = try kind.makeMemory()
        _ = try memory.store.write { try $0.store(pair("Есть.", "Here."), onDuplicate: .keepExisting) }
        let readOnly = try memory.reopen(create: false, readOnly: true)
        let error = #expect(throws: StoreError.self) {
            try readOnly.write { try $0.store(pair("Нет.", "No."), onDuplicate: .keepExisting) }
        }
        #expect(error?.code == .readOnly)
        #expect(try readOnly.stats().units == 1)
    }
}

/// Errors collected from several threads.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
