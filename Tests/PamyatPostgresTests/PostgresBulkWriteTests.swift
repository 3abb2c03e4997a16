import Foundation
import PamyatCore
import PamyatPostgres
import PamyatTestSupport
import Testing

/// The PostgreSQL store's batch path (`COPY`s sent in the background, duplicates asked on the read
/// connection): what it must get right beyond the conformance suite's single batch.
@Suite struct PostgresBulkWriteTests {
    func unit(_ source: String, _ target: String, document: String? = nil, at seconds: Double = 1_700_000_000) -> TranslationUnit {
        TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: source), Variant(language: LanguageTag(canonical: "en"), text: target)],
            origin: .imported, provenance: Provenance(documentID: document), createdAt: Date(timeIntervalSince1970: seconds))
    }

    func batch(_ store: PostgresMemoryStore, _ range: Range<Int>, document: String? = nil, at seconds: Double = 1_700_000_000) -> [PreparedUnit] {
        range.map { store.prepare(unit("Предложение \($0).", "Sentence \($0).", document: document, at: seconds)) }
    }

    func memory() throws -> PostgresMemoryStore {
        let cluster = try ThrowawayPostgres.shared()
        return try PostgresMemoryStore(url: cluster.url(database: try cluster.createDatabase()))
    }

    func created(_ outcomes: [StoreOutcome]) -> Int {
        outcomes.filter { if case .created = $0 { true } else { false } }.count
    }

    @Test func aBatchRepeatingUnitsOfAnEarlierBatchOfTheSameTransactionStoresThemOnce() throws {
        let store = try memory()
        let (first, second) = try store.write { session in
            let first = try session.store(batch(store, 0..<600), onDuplicate: .mergeMetadata)
            // Half repeats of the first batch (not committed yet: the read connection cannot see
            // them), with a later date, so their metadata is merged; half new.
            let second = try session.store(batch(store, 300..<900, at: 1_800_000_000), onDuplicate: .mergeMetadata)
            return (first, second)
        }
        #expect(created(first) == 600)
        #expect(created(second) == 300)
        #expect(Array(second.prefix(300)) == (300..<600).map { .updated(first[$0].unitID) })
        #expect(try store.stats().units == 900)
        let inserted = try store.changes(after: 0).changes.filter { $0.kind == .inserted }.map(\.unitID)
        #expect(inserted.count == 900 && Set(inserted).count == 900, "every unit logged once")
        #expect(try store.unit(id: first[450].unitID)?.changedAt == Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func aBatchFindsUnitsCommittedBeforeItsTransactionAndOnlyThisMemorys() throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let press = try PostgresMemoryStore(url: cluster.url(database: database, memory: "press"))
        let legal = try PostgresMemoryStore(url: cluster.url(database: database, memory: "legal"))
        let first = try press.write { try $0.store(batch(press, 0..<600), onDuplicate: .keepExisting) }
        // The memory holds committed units: the second transaction's batches ask for them.
        let second = try press.write { session in
            try session.store(batch(press, 300..<900), onDuplicate: .keepExisting)
                + session.store(batch(press, 850..<1_000), onDuplicate: .keepExisting)
        }
        #expect(Array(second.prefix(300)) == (300..<600).map { .unchanged(first[$0].unitID) })
        #expect(created(second) == 400, "300 new in the first batch, 100 in the second (50 repeat the first batch)")
        #expect(Array(second.suffix(150).prefix(50)) == Array(second[550..<600]).map { .unchanged($0.unitID) })
        #expect(try press.stats().units == 1_000)
        // The same units in another memory of the database (empty there) are that memory's own.
        let other = try legal.write { try $0.store(batch(legal, 0..<1_000), onDuplicate: .keepExisting) }
        #expect(created(other) == 1_000)
        #expect(try legal.stats().units == 1_000)
    }

    @Test func theMemorysLanguagesFollowItsVariants() throws {
        let store = try memory()
        let belarusian = TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: "Минск."), Variant(language: LanguageTag(canonical: "be"), text: "Мінск.")],
            origin: .imported, provenance: Provenance(documentID: "minsk"), createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        _ = try store.write { session in
            _ = try session.store(batch(store, 0..<500, document: "doc"), onDuplicate: .keepExisting)
            _ = try session.store(store.prepare(belarusian), onDuplicate: .keepExisting)
        }
        #expect(try store.languages().map(\.identifier) == ["be", "en", "ru"])
        #expect(try store.stats().languages == ["be": 1, "en": 500, "ru": 501])
        _ = try store.write { try $0.deleteUnits(ofDocument: "minsk") }
        #expect(try store.languages().map(\.identifier) == ["en", "ru"], "a language whose last variant went is gone")
        #expect(try store.stats().languages == ["en": 500, "ru": 500])
        _ = try store.write { session in
            #expect(try session.deleteUnits(ofDocument: "doc") == 500)
            _ = try session.store(batch(store, 0..<200, document: "doc"), onDuplicate: .keepExisting)
        }
        #expect(try store.stats().languages == ["en": 200, "ru": 200])
    }

    @Test func aBatchAfterItsTransactionDeletedADocumentStoresItsUnitsAgain() throws {
        let store = try memory()
        let before = try store.write { try $0.store(batch(store, 0..<100, document: "doc"), onDuplicate: .mergeMetadata) }
        let again = try store.write { session in
            #expect(try session.deleteUnits(ofDocument: "doc") == 100)
            // The read connection still sees the deleted units; the transaction does not.
            return try session.store(batch(store, 0..<100, document: "doc"), onDuplicate: .mergeMetadata)
        }
        #expect(created(again) == 100)
        #expect(Set(again.map(\.unitID)).isDisjoint(with: before.map(\.unitID)))
        #expect(try store.stats().units == 100)
        #expect(try store.units(ids: again.map(\.unitID)).count == 100, "the new units have their variants")
    }

    @Test func aTransactionThatFailsAfterSeveralBatchesLeavesNothing() throws {
        let store = try memory()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                for start in stride(from: 0, to: 5_000, by: 500) {
                    _ = try session.store(batch(store, start..<start + 500), onDuplicate: .keepExisting)
                }
                throw Boom()
            }
        }
        #expect(try store.stats().units == 0)
        #expect(try store.changes(after: 0).changes.isEmpty)
        let outcomes = try store.write { try $0.store(batch(store, 0..<500), onDuplicate: .keepExisting) }
        #expect(created(outcomes) == 500, "the store takes the same units after the rollback")
    }

    @Test func aBatchThatTheServerRefusesFailsItsTransaction() throws {
        let store = try memory()
        // A NUL byte is valid in Swift strings but not in PostgreSQL text: the COPY fails on the
        // server, after the batch was handed over; the transaction reports it and stores nothing.
        let bad = (0..<10).map { store.prepare(unit("Плохо \($0) \u{0}.", "Bad \($0).")) }
        #expect(throws: StoreError.self) {
            try store.write { session in
                _ = try session.store(batch(store, 0..<500), onDuplicate: .keepExisting)
                _ = try session.store(bad, onDuplicate: .keepExisting)
                _ = try session.store(batch(store, 500..<1_000), onDuplicate: .keepExisting)
            }
        }
        #expect(try store.stats().units == 0)
    }
}
