import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import PamyatStore
import Testing

/// The index cache beside a memory: used when current, caught up when behind, never when stale.
@Suite struct LookupIndexCacheTests {
    static func fill(_ store: SQLiteMemoryStore, from: Int, count: Int) throws {
        try store.write { session in
            for index in from..<from + count {
                _ = try session.store(unit([(Tags.ru, "Предложение номер \(index) о развитии сотрудничества."), (Tags.en, "Sentence \(index).")]), onDuplicate: .keepExisting)
            }
        }
    }

    @Test func theCacheIsWrittenLoadedAndCaughtUp() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tm.sqlite")
        let store = try SQLiteMemoryStore(path: path)
        try Self.fill(store, from: 0, count: 50)
        let cache = try #require(FuzzyIndex.cacheURL(for: store.identity))
        let (built, first) = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 0)
        #expect(first.source == .built && first.cacheWritten)
        #expect(FileManager.default.fileExists(atPath: cache.path))

        let (loaded, second) = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 0)
        #expect(second.source == .cache)
        for query in ["Предложение номер 7 о развитии сотрудничества.", "Предложение 12 о сотрудничестве.", "Совсем иное."] {
            #expect(try loaded.lookup(query, from: Tags.ru, to: Tags.en, minimum: 50, limit: 5)
                == built.lookup(query, from: Tags.ru, to: Tags.en, minimum: 50, limit: 5), "«\(query)»")
        }

        try Self.fill(store, from: 50, count: 5)
        let (caughtUp, third) = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 1_000)
        #expect(third.source == .cache)
        #expect(third.changesApplied == 5)
        #expect(caughtUp.unitCount == 55)
        #expect(try caughtUp.lookup("Предложение номер 53 о развитии сотрудничества.", from: Tags.ru, to: Tags.en, minimum: 100, limit: 1).count == 1)
    }

    @Test func aCacheOfAnotherMemoryAtTheSamePathIsNotUsed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tm.sqlite")
        let cache = URL(fileURLWithPath: path + "-fuzzyindex")
        do {
            let store = try SQLiteMemoryStore(path: path)
            #expect(FuzzyIndex.cacheURL(for: store.identity) == cache)
            try Self.fill(store, from: 0, count: 30)
            _ = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 0)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let other = try SQLiteMemoryStore(path: path)
        #expect(FuzzyIndex.cacheURL(for: other.identity) == cache, "the same path: the same cache file, refused by its key")
        try other.write { session in
            for index in 0..<40 {
                _ = try session.store(unit([(Tags.ru, "Другая память, предложение \(index)."), (Tags.en, "Other \(index).")]), onDuplicate: .keepExisting)
            }
        }
        let (index, opening) = try FuzzyIndex.open(store: other, cache: cache, cacheUnits: 1_000)
        #expect(opening.source == .built, "the change log at the cached sequence is another memory's")
        #expect(index.unitCount == 40)
        #expect(try index.lookup("Предложение номер 3 о развитии сотрудничества.", from: Tags.ru, to: Tags.en, minimum: 90, limit: 5).isEmpty)
    }

    @Test func aCacheCopiedFromAnIdenticalMemoryIsNotUsed() throws {
        // Two memories with the same units in the same order: the same change log and the same
        // samples. Only the store's identity tells them apart.
        let folder = try TemporaryFolder()
        let first = try SQLiteMemoryStore(path: folder.path("a.sqlite"))
        let second = try SQLiteMemoryStore(path: folder.path("b.sqlite"))
        try Self.fill(first, from: 0, count: 30)
        try Self.fill(second, from: 0, count: 30)
        let firstCache = try #require(FuzzyIndex.cacheURL(for: first.identity))
        let secondCache = try #require(FuzzyIndex.cacheURL(for: second.identity))
        #expect(firstCache.path == folder.path("a.sqlite") + "-fuzzyindex", "the cache lives beside the memory")
        _ = try FuzzyIndex.open(store: first, cache: firstCache, cacheUnits: 0)
        try FileManager.default.copyItem(at: firstCache, to: secondCache)
        let (_, opening) = try FuzzyIndex.open(store: second, cache: secondCache, cacheUnits: 1_000)
        #expect(opening.source == .built, "a cache is keyed on its store's identity, not on the path or contents")
        let (_, own) = try FuzzyIndex.open(store: first, cache: firstCache, cacheUnits: 1_000)
        #expect(own.source == .cache)
    }

    @Test(arguments: [0, 7, 100, 5_000])
    func aDamagedCacheIsIgnored(keep: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tm.sqlite")
        let store = try SQLiteMemoryStore(path: path)
        try Self.fill(store, from: 0, count: 20)
        let cache = try #require(FuzzyIndex.cacheURL(for: store.identity))
        _ = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 0)
        let data = try Data(contentsOf: cache)
        try data.prefix(keep).write(to: cache)
        let (index, opening) = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 1_000)
        #expect(opening.source == .built)
        #expect(index.unitCount == 20)
    }
}
