import Foundation
import GRDB
import PamyatCore
import PamyatStore
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
    }

    @Test func aMissingMemoryIsAnErrorWhenNotCreating() throws {
        let folder = try TemporaryFolder()
        #expect { try SQLiteMemoryStore(path: folder.path("none.sqlite"), create: false) } throws: {
            ($0 as? StoreError)?.code == .notFound
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")), "nothing is created")
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
