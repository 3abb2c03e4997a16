import Foundation
import GRDB
import PamyatCore
@testable import PamyatStore
import Testing

@Suite struct StoreFileTests {
    @Test func aMemoryFilePersistsAcrossOpens() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("sub/dir/m.sqlite")
        do {
            let store = try SQLiteMemoryStore(path: path)
            _ = try store.write { try $0.store(pair("Один.", "One."), onDuplicate: .keepExisting) }
        }
        let reopened = try SQLiteMemoryStore(path: path, create: false)
        #expect(try reopened.stats().units == 1)
        #expect(try reopened.stats().fileSize > 0)
        #expect(try reopened.integrityCheck() == ["ok"])
        let pageSize = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
        #expect(pageSize == SQLiteMemoryStore.pageSize, "a new memory has 16 KiB pages")
    }

    @Test func aMissingMemoryIsAnErrorWhenNotCreating() throws {
        let folder = try TemporaryFolder()
        #expect { try SQLiteMemoryStore(path: folder.path("none.sqlite"), create: false) } throws: {
            ($0 as? StoreError)?.code == .notFound
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")), "nothing is created")
    }

    @Test func aDirectoryIsNamedForWhatItIs() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("adir")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (create, readOnly) in [(true, false), (false, false), (false, true)] {
            #expect { try SQLiteMemoryStore(path: path, create: create, readOnly: readOnly) } throws: {
                ($0 as? StoreError)?.code == .notAMemory && "\($0)".contains("is a directory")
            }
        }
    }

    @Test func anEmptyFileIsNotAMemoryToReadButANewOneToWrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect { try SQLiteMemoryStore(path: path, create: false, readOnly: true) } throws: {
            ($0 as? StoreError)?.code == .notAMemory && "\($0)".contains("empty file (0 bytes)")
        }
        let store = try SQLiteMemoryStore(path: path, create: true)
        _ = try store.write { try $0.store(pair("Один.", "One."), onDuplicate: .keepExisting) }
        #expect(try SQLiteMemoryStore(path: path, create: false, readOnly: true).stats().units == 1)
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("text.sqlite")
        try Data("hello, this is text".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try SQLiteMemoryStore(path: path) } throws: { ($0 as? StoreError)?.code == .notAMemory }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("hello, this is text".utf8), "the file is untouched")
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        // Make a foreign database: a fresh file with some other table and no application id.
        let foreign = folder.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect { try SQLiteMemoryStore(path: foreign) } throws: { ($0 as? StoreError)?.code == .notAMemory }
    }

    @Test func aMemoryFromANewerVersionIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("newer.sqlite")
        _ = try SQLiteMemoryStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect { try SQLiteMemoryStore(path: path) } throws: { ($0 as? StoreError)?.code == .newerSchema }
    }

    @Test func aMemoryOfTheFirstSchemaIsUpgradedAndKeepsItsChangeLog() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v1.sqlite")
        // What the first schema's writer left: a log row per inserted unit, updates logged by trigger.
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1-units-variants-documents")
        try queue.write { db in
            for id in 1...2 {
                try db.execute(sql: """
                    INSERT INTO units (id, content_hash, source_lang, origin, created_at, changed_at)
                    VALUES (?, ?, 'ru', 'added', 0, 0)
                    """, arguments: [id, id])
                try db.execute(sql: "INSERT INTO variants (unit_id, ordinal, lang, text) VALUES (?, 0, 'ru', ?)",
                               arguments: [id, "Старый \(id)."])
                try db.execute(sql: "INSERT INTO changes (unit_id, kind) VALUES (?, 'inserted')", arguments: [id])
            }
            try db.execute(sql: "UPDATE units SET changed_at = 1 WHERE id = 1")
        }
        try queue.close()

        let store = try SQLiteMemoryStore(path: path)
        let old = try store.changes(after: 0)
        #expect(old.changes.map { "\($0.sequence) \($0.unitID) \($0.kind)" } == ["1 1 inserted", "2 2 inserted", "3 1 updated"])
        let ids = try store.write { session in
            try ["А.", "Б.", "В."].map { try session.store(pair($0, $0), onDuplicate: .mergeMetadata).unitID }
        }
        let new = try store.changes(after: old.latest)
        #expect(new.changes.map(\.unitID) == ids && new.changes.allSatisfy { $0.kind == .inserted })
        #expect(new.latest == old.latest + 1, "the three inserts are one log row")
        #expect(try store.stats().units == 5)
        let pageSize = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
        #expect(pageSize == 4_096, "an existing file keeps its page size")
    }

    @Test func aPreparedUnitIsStoredAsTheUnitItself() throws {
        let folder = try TemporaryFolder()
        // Texts whose normalised form differs (NFD, white space runs) and one whose does not.
        let units = [pair("Е\u{0308}ще  раз.", "Once\u{00A0}\u{00A0}more."), pair("Дом.", "House.")]
        var stores: [SQLiteMemoryStore] = []
        for (name, prepare) in [("plain", false), ("prepared", true), ("content-only", true)] {
            let store = try SQLiteMemoryStore(path: folder.path("\(name).sqlite"))
            let outcomes = try store.write { session in
                try units.map { unit in
                    guard prepare else { return try session.store(unit, onDuplicate: .mergeMetadata) }
                    let prepared = name == "prepared" ? store.prepare(unit) : PreparedUnit(unit, normalizedTexts: nil)
                    return try session.store(prepared, onDuplicate: .mergeMetadata)
                }
            }
            #expect(outcomes == [.created(1), .created(2)], "\(name)")
            #expect(try store.write { try $0.store(store.prepare(units[0]), onDuplicate: .mergeMetadata) } == .unchanged(1),
                    "\(name): a prepared duplicate is found")
            stores.append(store)
        }
        var read: [[TranslationUnit]] = []
        var normalized: [[String?]] = []
        for store in stores {
            var units: [TranslationUnit] = []
            try store.forEachUnit(matching: UnitFilter(), batchSize: 10) { units += $0 }
            read.append(units)
            normalized.append(try DatabaseQueue(path: store.location).read { db in
                try String?.fetchAll(db, sql: "SELECT normalized FROM variants ORDER BY id")
            })
        }
        #expect(read[0].map(\.variants) == units.map(\.variants))
        #expect(read[1] == read[0] && read[2] == read[0], "the same units whether prepared or not")
        #expect(normalized[0] == ["Ёще раз.", "Once more.", nil, nil], "normalised forms are stored when they differ")
        #expect(normalized[1] == normalized[0] && normalized[2] == normalized[0])
    }

    @Test func aReadOnlyMemoryRefusesWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ro.sqlite")
        _ = try SQLiteMemoryStore(path: path)
        let store = try SQLiteMemoryStore(path: path, create: false, readOnly: true)
        #expect { try store.write { try $0.store(pair("Один.", "One."), onDuplicate: .keepExisting) } } throws: {
            ($0 as? StoreError)?.code == .readOnly
        }
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        #expect { try SQLiteMemoryStore(path: blocker + "/m.sqlite") } throws: { ($0 as? StoreError)?.code == .notWritable }
    }

    @Test func twoStoresOnOneFileWaitForEachOther() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shared.sqlite")
        let a = try SQLiteMemoryStore(path: path)
        let b = try SQLiteMemoryStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, name) in [(a, "a"), (b, "b")] {
                group.addTask {
                    for i in 0..<50 {
                        _ = try store.write { try $0.store(pair("\(name) \(i).", "\(name) \(i)."), onDuplicate: .keepExisting) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try a.stats().units == 100)
    }
}
