import Foundation
import GRDBSQLite
import PamyatCore
@testable import PamyatStore
import Testing

/// `dataVersion()` of a memory file: it changes with every commit, by this store or any other
/// connection, and only then; it reads the WAL-index header once the file is in WAL mode.
@Suite struct DataVersionTests {
    @Test func itChangesWithEveryCommitAndOnlyThen() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("m.sqlite")
        let store = try SQLiteMemoryStore(path: path)
        let other = try SQLiteMemoryStore(path: path)
        var last = try #require(try store.dataVersion())
        #expect(store.versionProbe?.readsHeader == true, "a WAL memory's probe reads the -shm header")
        // More probes than the cross-check interval, nothing committed: always the same value.
        for _ in 0..<(DataVersionProbe.crossCheckInterval + 10) { #expect(try store.dataVersion() == last) }
        #expect(store.versionProbe?.readsHeader == true, "the cross-check kept the fast path")
        for index in 0..<30 {
            let writer = index % 2 == 0 ? store : other
            _ = try writer.write { try $0.store(pair("Предложение \(index).", "Sentence \(index)."), onDuplicate: .keepExisting) }
            let now = try #require(try store.dataVersion())
            #expect(now != last, "commit \(index) (by \(index % 2 == 0 ? "this store" : "another connection")) is seen")
            #expect(try store.dataVersion() == now, "and only once")
            last = now
        }
    }

    @Test func aCheckpointThatResetsTheLogDoesNotHideTheNextCommit() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("m.sqlite")
        let store = try SQLiteMemoryStore(path: path)
        _ = try store.write { try $0.store(pair("Первое.", "First."), onDuplicate: .keepExisting) }
        let before = try #require(try store.dataVersion())
        // Another connection empties the log, then commits one unit: the log restarts from its
        // beginning, with the same number of frames as before.
        var handle: OpaquePointer?
        try #require(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK)
        defer { sqlite3_close_v2(handle) }
        sqlite3_busy_timeout(handle, 5_000)
        #expect(sqlite3_exec(handle, "PRAGMA wal_checkpoint(TRUNCATE)", nil, nil, nil) == SQLITE_OK)
        let afterCheckpoint = try #require(try store.dataVersion())
        _ = try store.write { try $0.store(pair("Второе.", "Second."), onDuplicate: .keepExisting) }
        let afterCommit = try #require(try store.dataVersion())
        #expect(afterCommit != before && afterCommit != afterCheckpoint)
    }

    @Test func aMemoryInRAMHasNoVersion() throws {
        let store = try SQLiteMemoryStore.inMemory()
        #expect(try store.dataVersion() == nil)
    }
}
