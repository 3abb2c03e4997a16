import Foundation
import PamyatCore
import PamyatText

extension FuzzyIndex {
    /// Builds the index of every variant in `store`.
    ///
    /// The change sequence is read first, then the variants in one read: every change up to that
    /// sequence is in what was read, and later ones are applied again by ``catchUp(with:)`` (adding
    /// a unit twice or removing a missing one changes nothing).
    public static func build(from store: any MemoryStore) throws -> FuzzyIndex {
        let index = FuzzyIndex()
        try index.rebuild(from: store)
        return index
    }

    /// Empties the index and reads `store` again.
    func rebuild(from store: any MemoryStore) throws {
        let latest = try store.changes(after: .max).latest
        lock.withWriteLock { resetLocked() }
        var batch: [(unit: Int64, variants: [Text])] = []
        var current: Int64? = nil
        var variants: [Text] = []
        func flush() throws {
            try insertBatch(batch)
            batch.removeAll(keepingCapacity: true)
        }
        try store.forEachVariant(in: nil) { variant in
            if variant.unitID != current {
                if let current { batch.append((current, variants)) }
                current = variant.unitID
                variants = []
                if batch.count >= 8192 { try flush() }
            }
            variants.append(Text(language: variant.language, text: variant.text))
        }
        if let current { batch.append((current, variants)) }
        try flush()
        lock.withWriteLock {
            sequence = latest
            compactLocked(always: true)
        }
    }

    /// Tokenizes a batch of units on all cores, then indexes them in order.
    func insertBatch(_ batch: [(unit: Int64, variants: [Text])]) throws {
        guard !batch.isEmpty else { return }
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8, max(1, batch.count / 256))
        let results = TokenizedBatch(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var position = worker
            while position < batch.count {
                results.set(position, Result { try self.tokenize(batch[position].variants) })
                position += workers
            }
        }
        let tokenized = try results.values.map { try $0!.get() }
        lock.withWriteLock {
            for (position, unit) in batch.enumerated() {
                removeLocked(unit: unit.unit)
                insertLocked(unit: unit.unit, tokenized: tokenized[position])
            }
            compactLocked(always: false)
        }
    }

    /// Applies the store's changes since the index's sequence: changed units are read and indexed
    /// again, deleted ones removed. Returns how many changes were applied. Should the store's log
    /// end before the index's sequence (another memory file now at that path), the index is rebuilt.
    /// Whether the index has seen the store's latest commit (by ``MemoryStore/dataVersion()``), so
    /// that ``catchUp(with:)`` has nothing to do; `false` when the store cannot tell.
    public func isCurrent(with store: any MemoryStore) -> Bool {
        guard let version = try? store.dataVersion() else { return false }
        return lock.withReadLock { seenDataVersion == version }
    }

    @discardableResult
    public func catchUp(with store: any MemoryStore) throws -> Int {
        // Nothing committed since the last catch-up: the change log need not be read. The version
        // is read before the log, so a commit after it shows as a new version next time.
        let version = try store.dataVersion()
        if let version, lock.withReadLock({ seenDataVersion == version }) { return 0 }
        let applied = try catchUpFromLog(with: store)
        if let version { lock.withWriteLock { seenDataVersion = version } }
        return applied
    }

    private func catchUpFromLog(with store: any MemoryStore) throws -> Int {
        // The common case, nothing new, without the lock: lookups in parallel do not queue here.
        let probe = try store.changes(after: appliedSequence)
        if probe.changes.isEmpty && probe.latest >= appliedSequence { return 0 }
        return try catchUpLock.withLock {
            let from = appliedSequence
            let (changes, latest) = try store.changes(after: from)
            if latest < from {
                // Built aside and swapped in: lookups meanwhile answer from the index as it was,
                // never from a half-built one.
                let fresh = try FuzzyIndex.build(from: store)
                lock.withWriteLock { adoptLocked(fresh) }
                return 0
            }
            guard !changes.isEmpty else { return 0 }
            var seen = Set<Int64>()
            let ids = changes.map(\.unitID).filter { seen.insert($0).inserted }
            var applied = 0
            for chunkStart in stride(from: 0, to: ids.count, by: 4096) {
                let chunk = Array(ids[chunkStart..<min(chunkStart + 4096, ids.count)])
                let found = try store.units(ids: chunk)
                let present = Set(found.compactMap(\.id))
                try insertBatch(found.map { unit in
                    (unit.id!, unit.variants.map { Text(language: $0.language, text: $0.text) })
                })
                lock.withWriteLock {
                    for id in chunk where !present.contains(id) { removeLocked(unit: id) }
                }
                applied += chunk.count
            }
            lock.withWriteLock { sequence = max(sequence, latest) }
            return changes.count
        }
    }

    /// Folds each language's recent additions into its compact parts: always, or when they have
    /// grown past a quarter of the compact part (and 200,000 postings), so that lookups stay fast
    /// on a memory that grows while served. Call with the write lock held.
    func compactLocked(always: Bool) {
        for slot in indexes.indices {
            let recent = indexes[slot].postings.deltaCount
            if always || recent > max(200_000, indexes[slot].postings.base.count / 4) { indexes[slot].compact() }
        }
    }

    /// Folds every language's recent additions into its compact parts (also done after a build,
    /// before saving, and as additions grow).
    func compact() {
        lock.withWriteLock { compactLocked(always: true) }
    }

    /// Takes `other`'s contents (an index built aside). Call with the write lock held.
    func adoptLocked(_ other: FuzzyIndex) {
        other.lock.withReadLock {
            slots = other.slots
            slotLanguages = other.slotLanguages
            indexes = other.indexes
            units = other.units
            languageSets = other.languageSets
            sequence = other.sequence
        }
    }

    /// Empties the index. Call with the write lock held.
    func resetLocked() {
        slots = [:]
        slotLanguages = []
        indexes = []
        units = UnitTable()
        languageSets = [:]
        sequence = 0
    }
}

/// Results of a parallel tokenization, one slot per unit, each written by exactly one worker.
final class TokenizedBatch: @unchecked Sendable {
    // Guarded by `lock`; workers write distinct slots.
    private let lock = NSLock()
    private var storage: [Result<[(language: String, text: TokenizedText)], any Error>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ position: Int, _ value: Result<[(language: String, text: TokenizedText)], any Error>) {
        lock.withLock { storage[position] = value }
    }

    var values: [Result<[(language: String, text: TokenizedText)], any Error>?] { lock.withLock { storage } }
}
