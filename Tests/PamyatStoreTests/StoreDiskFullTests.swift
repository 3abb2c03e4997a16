import Foundation
import PamyatCore
import PamyatStore
import Testing

/// A full disk, made real by SQLite's `max_page_count` (the store's `maximumPages` fault hook).
@Suite struct StoreDiskFullTests {
    @Test func aWriteOnAFullDiskIsDiskFullAndTheLogIsTruncated() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("full.sqlite")
        let store = try SQLiteMemoryStore(path: path, maximumPages: 48)
        let filler = String(repeating: "Длинное предложение о сотрудничестве. ", count: 200)
        var stored = 0
        var failure: (any Error)?
        for index in 0..<1_000 {
            do {
                _ = try store.write { try $0.store(pair("\(index) \(filler)", "Sentence \(index)."), onDuplicate: .keepExisting) }
                stored += 1
            } catch {
                failure = error
                break
            }
        }
        let error = try #require(failure as? StoreError, "the page limit must be reached: \(String(describing: failure))")
        #expect(error.code == .diskFull, "\(error)")
        #expect(error.message.contains("disk is full"), "\(error)")
        #expect(stored > 0)
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(wal == 0, "the write-ahead log is checkpointed and truncated after the failure")
        #expect(try store.stats().units == stored, "the failed write stored nothing, the others are kept")
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func theIdentityIsTheFileNotThePath() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("m.sqlite")
        let original = try SQLiteMemoryStore(path: path)  // kept open: its inode cannot be reused
        let first = try #require(original.identity)
        let again = try #require(try SQLiteMemoryStore(path: folder.url.appendingPathComponent("./m.sqlite").path).identity)
        #expect(first.key == again.key, "the same file opened twice")
        _ = try SQLiteMemoryStore(path: folder.path("other.sqlite"))
        #expect(rename(folder.path("other.sqlite"), path) == 0)
        let replaced = try #require(try SQLiteMemoryStore(path: path).identity)
        #expect(replaced.key != first.key, "another file put at the same path is another memory")
        #expect(replaced.cachePrefix == path)
        #expect(try SQLiteMemoryStore.inMemory().identity == nil, "nothing is cached for a memory in memory")
    }
}
