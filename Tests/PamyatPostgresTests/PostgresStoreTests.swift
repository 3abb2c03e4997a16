import Foundation
import PamyatCore
import PamyatPostgres
import PamyatTestSupport
import Testing

/// What only a PostgreSQL memory has: several memories in one database, a server to lose.
@Suite struct PostgresStoreTests {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-postgres-tests-cache")

    func unit(_ source: String, _ target: String) -> TranslationUnit {
        TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: source), Variant(language: LanguageTag(canonical: "en"), text: target)],
            origin: .added, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func memoriesInOneDatabaseAreSeparate() throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let press = try PostgresMemoryStore(url: cluster.url(database: database, memory: "press"), cacheFolder: cache)
        let legal = try PostgresMemoryStore(url: cluster.url(database: database, memory: "legal"), cacheFolder: cache)
        let defaultMemory = try PostgresMemoryStore(url: cluster.url(database: database), cacheFolder: cache)
        _ = try press.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }
        _ = try legal.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }
        _ = try legal.write { try $0.store(unit("Два.", "Two."), onDuplicate: .keepExisting) }
        #expect(try press.stats().units == 1)
        #expect(try legal.stats().units == 2, "the same unit in another memory is that memory's own")
        #expect(try defaultMemory.stats().units == 0)
        #expect(try press.changes(after: 0).changes.count == 1)
        #expect(press.identity?.key != legal.identity?.key)
        #expect(press.identity?.cachePrefix.hasPrefix(cache.path) == true, "the index cache lives in the node's cache folder")
        try legal.removeMemory()
        let error = #expect(throws: StoreError.self) {
            _ = try PostgresMemoryStore(url: cluster.url(database: database, memory: "legal"), create: false)
        }
        #expect(error?.code == .notFound)
        #expect(try press.stats().units == 1, "removing one memory leaves the others")
    }

    @Test func removingAMemoryLeavesNoneOfItsRows() throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let press = try PostgresMemoryStore(url: cluster.url(database: database, memory: "press"))
        let legal = try PostgresMemoryStore(url: cluster.url(database: database, memory: "legal"))
        for store in [press, legal] {
            _ = try store.write { session in
                try session.store((0..<50).map { store.prepare(unit("Фраза \($0).", "Phrase \($0).")) }, onDuplicate: .keepExisting)
            }
        }
        try legal.removeMemory()
        let rows = try cluster.execute("""
            SELECT (SELECT count(*) FROM pamyat_units) || ' ' || (SELECT count(*) FROM pamyat_variants) || ' ' ||
                (SELECT count(*) FROM pamyat_languages) || ' ' || (SELECT count(*) FROM pamyat_changes)
            """, database: database)
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "50 100 2 1", "only press's units, variants, languages and log row")
    }

    @Test func aSchemaOfVersion2IsUpgradedWithTheLanguagesOfItsVariants() throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let url = cluster.url(database: database, memory: "press")
        let store = try PostgresMemoryStore(url: url)
        _ = try store.write { session in
            try session.store((0..<20).map { store.prepare(unit("Фраза \($0).", "Phrase \($0).")) }, onDuplicate: .keepExisting)
        }
        // Back to what version 2 left: the memory foreign key and language index, no languages table.
        try cluster.execute("""
            BEGIN;
            DROP TABLE pamyat_languages;
            CREATE INDEX pamyat_variants_lang ON pamyat_variants(memory_id, lang, unit_id);
            ALTER TABLE pamyat_units ADD FOREIGN KEY (memory_id) REFERENCES pamyat_memories(id) ON DELETE CASCADE;
            DELETE FROM pamyat_migrations WHERE name LIKE 'v3-%';
            COMMIT;
            """, database: database)
        let readOnly = #expect(throws: StoreError.self) { _ = try PostgresMemoryStore(url: url, create: false, readOnly: true) }
        #expect(readOnly?.code == .readOnly)
        let upgraded = try PostgresMemoryStore(url: url, create: false)
        #expect(try upgraded.languages().map(\.identifier) == ["en", "ru"])
        #expect(try upgraded.stats().languages == ["en": 20, "ru": 20])
        let left = try cluster.execute("""
            SELECT count(*) FROM pg_constraint WHERE conrelid = 'pamyat_units'::regclass AND contype = 'f'
            """, database: database)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(try cluster.execute("SELECT to_regclass('pamyat_variants_lang') IS NULL", database: database).hasPrefix("t"))
    }

    @Test func aDatabaseWithoutPamyatIsNotFoundUnlessCreated() throws {
        let cluster = try ThrowawayPostgres.shared()
        let url = cluster.url(database: try cluster.createDatabase())
        let error = #expect(throws: StoreError.self) { _ = try PostgresMemoryStore(url: url, create: false) }
        #expect(error?.code == .notFound)
        let missingDatabase = #expect(throws: StoreError.self) {
            _ = try PostgresMemoryStore(url: cluster.url(database: "no_such_database"), create: true)
        }
        #expect(missingDatabase?.code == .notFound)
        #expect(try PostgresMemoryStore(url: url, create: true).stats().units == 0)
    }

    @Test func aServerThatIsNotThereIsUnreachable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-no-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: StoreError.self) {
            _ = try PostgresMemoryStore(url: "postgresql://u:hidden@/db?host=\(folder.path)")
        }
        #expect(error?.code == .unreachable)
        #expect(error?.description.contains("hidden") == false, "the password is never shown")
    }

    @Test func aStoreSurvivesTheServerClosingItsConnections() throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let store = try PostgresMemoryStore(url: cluster.url(database: database), cacheFolder: cache)
        _ = try store.write { try $0.store(unit("До.", "Before."), onDuplicate: .keepExisting) }
        #expect(try store.stats().units == 1)
        // Another session ends every other connection to the database (as a server restart would).
        let ended = try cluster.execute("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """, database: database)
        #expect(ended.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "the store's read and write connections")
        // A read reconnects at once; a write whose transaction's connection was closed under it
        // fails (unreachable), and the next write reconnects.
        #expect(try store.stats().units == 1, "a read opens a new connection by itself")
        do {
            _ = try store.write { try $0.store(unit("После.", "After."), onDuplicate: .keepExisting) }
        } catch let error as StoreError {
            #expect(error.code == .unreachable, "\(error)")
        }
        _ = try store.write { try $0.store(unit("После.", "After."), onDuplicate: .keepExisting) }
        #expect(try store.stats().units == 2)
    }
}
