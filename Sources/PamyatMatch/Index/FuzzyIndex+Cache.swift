import Foundation
import PamyatCore
import PamyatText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an index was opened, for reports and benchmarks.
public struct IndexOpening: Sendable, Hashable {
    public enum Source: String, Sendable { case built, cache }
    /// Built from the store or loaded from the cache file.
    public var source: Source
    /// Seconds to build or load, and to apply the store's later changes.
    public var seconds: Double
    /// Changes applied after loading the cache.
    public var changesApplied: Int
    /// Whether a new cache file was written.
    public var cacheWritten: Bool
}

/// The index cache: a file beside the memory (`MEMORY.sqlite-fuzzyindex`) holding the index's
/// arrays, so a large memory opens by reading them instead of tokenizing every text again.
///
/// It is keyed on the store's identity (``StoreIdentity/key``: for a SQLite memory its canonical
/// path, device and inode) and its change log: the header holds the key, the sequence `S` the index
/// reflects and a hash of the texts of four sample units (the first, the last and two between). It is used only
/// when it was written by the same cache format and ICU version, when the store's log reaches `S`,
/// and when the sampled units that have not changed since `S` still hold the same texts (so it is
/// the same memory, not another file put at the same path); the store's changes after `S` are then
/// applied before the first lookup. Anything else (a missing, damaged, foreign or stale file)
/// means the index is built from the store instead, and the cache written again. A stale cache is
/// never used.
extension FuzzyIndex {
    static let cacheMagic: UInt64 = 0x3158_495A_464D_5950  // "PMYFZIX1"
    static let cacheFormat: UInt32 = 11

    /// The cache file of the memory with this identity (beside it, `PREFIX-fuzzyindex`), or `nil`
    /// for a memory that has none (a store in memory).
    public static func cacheURL(for identity: StoreIdentity?) -> URL? {
        identity.map { URL(fileURLWithPath: $0.cachePrefix + "-fuzzyindex") }
    }

    /// Opens `store`'s index: from `cache` when it is valid, else built (and, with at least
    /// `cacheUnits` units, saved to `cache`); then caught up with the store's later changes.
    public static func open(store: any MemoryStore, cache: URL?, cacheUnits: Int = 20_000) throws -> (FuzzyIndex, IndexOpening) {
        let start = Date()
        if let cache, let index = try? load(from: cache, store: store) {
            let applied = try index.catchUp(with: store)
            var written = false
            if applied >= max(cacheUnits, index.unitCount / 10) { written = (try? index.save(to: cache, store: store)) != nil }
            return (index, IndexOpening(source: .cache, seconds: Date().timeIntervalSince(start), changesApplied: applied, cacheWritten: written))
        }
        let index = try build(from: store)
        try index.catchUp(with: store)
        var written = false
        if let cache, index.unitCount >= cacheUnits { written = (try? index.save(to: cache, store: store)) != nil }
        return (index, IndexOpening(source: .built, seconds: Date().timeIntervalSince(start), changesApplied: 0, cacheWritten: written))
    }

    /// Writes the index to `url` (through a temporary file and a rename, so readers never see half a file).
    public func save(to url: URL, store: any MemoryStore) throws {
        lock.withWriteLock { compactLocked(always: true) }
        try lock.withReadLock {
            let samples = try Self.samples(of: units, in: store)
            let temporary = url.path + ".tmp-\(getpid())"
            let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw MatchError(.cache, "cannot create \(temporary) (errno \(errno)).") }
            var closed = false
            defer {
                if !closed { close(descriptor) }
            }
            do {
                let writer = BinaryWriter(descriptor: descriptor)
                try writer.write(Self.cacheMagic)
                try writer.write(Self.cacheFormat)
                try writer.write(strings: [ICUInfo.version, store.identity?.key ?? ""])
                try writer.write(sequence)
                try writer.write(samples.map(\.id))
                try writer.write(samples.map(\.hash))
                try writer.write(strings: slotLanguages)
                for index in indexes { try index.write(to: writer) }
                var ids: [Int64] = []
                var masks: [UInt64] = []
                ids.reserveCapacity(units.count)
                masks.reserveCapacity(units.count)
                units.forEach { id, slot in
                    ids.append(id)
                    masks.append(slot.languages & ~UnitSlot.presentBit)
                }
                try writer.write(ids)
                try writer.write(masks)
                try writer.write(Self.cacheMagic)
                guard fsync(descriptor) == 0, close(descriptor) == 0 else {
                    throw MatchError(.cache, "cannot write \(temporary) (errno \(errno)).")
                }
                closed = true
                guard rename(temporary, url.path) == 0 else { throw MatchError(.cache, "cannot rename the cache into \(url.path) (errno \(errno)).") }
            } catch {
                unlink(temporary)
                throw error
            }
        }
    }

    /// A few units of the index (the first, the last and two between) with a hash of their texts in
    /// `store`: a memory file replaced by another one at the same path is told apart by them.
    private static func samples(of units: UnitTable, in store: any MemoryStore) throws -> [(id: Int64, hash: UInt64)] {
        var ids: [Int64] = []
        ids.reserveCapacity(units.count)
        units.forEach { id, _ in ids.append(id) }
        guard !ids.isEmpty else { return [] }
        var chosen: [Int64] = []
        for position in [0, ids.count / 3, 2 * ids.count / 3, ids.count - 1] where !chosen.contains(ids[position]) {
            chosen.append(ids[position])
        }
        return try store.units(ids: chosen).map { ($0.id ?? 0, contentHash($0)) }
    }

    /// FNV-1a over a unit's variants (language and text), in a fixed order.
    static func contentHash(_ unit: TranslationUnit) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in unit.variants.map({ "\($0.language.identifier)\u{1F}\($0.text)\u{1E}" }).sorted() {
            for byte in part.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return value
    }

    /// The index saved at `url`, when it is valid for `store` (see the type's documentation); `nil`
    /// when there is no such file or it is stale.
    static func load(from url: URL, store: any MemoryStore) throws -> FuzzyIndex? {
        let descriptor = openFile(url.path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let reader = BinaryReader(descriptor: descriptor, maximumCount: Int(status.st_size))
        guard try reader.read(UInt64.self) == cacheMagic, try reader.read(UInt32.self) == cacheFormat,
            try reader.readStrings() == [ICUInfo.version, store.identity?.key ?? ""]
        else { return nil }
        let sequence = try reader.read(Int64.self)
        let sampleIDs: [Int64] = try reader.readArray()
        let sampleHashes: [UInt64] = try reader.readArray()
        guard sampleIDs.count == sampleHashes.count else { return nil }
        // The same memory: its log reaches the cached sequence, and the sampled units that have not
        // changed since hold the same texts.
        let (changes, latest) = try store.changes(after: sequence)
        guard latest >= sequence else { return nil }
        let changed = Set(changes.map(\.unitID))
        let unchanged = zip(sampleIDs, sampleHashes).filter { !changed.contains($0.0) }
        guard sampleIDs.isEmpty || !unchanged.isEmpty else { return nil }
        let stored = Dictionary(try store.units(ids: unchanged.map(\.0)).map { ($0.id ?? 0, contentHash($0)) }, uniquingKeysWith: { a, _ in a })
        guard unchanged.allSatisfy({ stored[$0.0] == $0.1 }) else { return nil }
        let index = FuzzyIndex()
        let languages = try reader.readStrings()
        var indexes: [LanguageIndex] = []
        for _ in languages { indexes.append(try LanguageIndex.read(from: reader)) }
        let ids: [Int64] = try reader.readArray()
        let masks: [UInt64] = try reader.readArray()
        guard ids.count == masks.count, try reader.read(UInt64.self) == cacheMagic else { return nil }
        var units = UnitTable()
        units.reserve(maximumID: ids.last ?? 0, count: ids.count)
        var sets: [UInt64: Int] = [:]
        for (id, mask) in zip(ids, masks) {
            units.set(id, UnitSlot(languages: mask))
            sets[mask, default: 0] += 1
        }
        for (slot, language) in indexes.enumerated() {
            for entry in 0..<UInt32(language.entryCount) {
                language.forEachUnit(of: entry) { unit in units.addRef(unit, slot: slot, entry: entry) }
            }
        }
        index.lock.withWriteLock {
            index.slotLanguages = languages
            index.slots = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
            index.indexes = indexes
            index.units = units
            index.languageSets = sets
            index.sequence = sequence
        }
        return index
    }
}

@inline(__always)
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    open(path, flags, mode)
}
