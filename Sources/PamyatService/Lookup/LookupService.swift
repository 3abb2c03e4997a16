import Foundation
import PamyatCore
import PamyatMatch
import PamyatText

/// Lookups, concordance and single adds over one or more open memories: the use case behind
/// `pamyat lookup`, `pamyat concordance` and the server's `LOOKUP`, `CONCORDANCE` and `ADD`.
///
/// Safe to call from many tasks at once: lookups run in parallel (each memory's ``FuzzyIndex`` is
/// read under a read lock); an add is one store transaction and then indexed before it returns.
/// Before a lookup each index applies its store's newer changes, so units added by another
/// process (an import, an `add`) are found without a restart: a backlog of up to
/// `inlineCatchUpLimit` changes at once, a larger one on a background thread while lookups answer
/// from the index as it is (``IndexCatchUp``, ``indexLag()``).
public final class LookupService: Sendable {
    /// A memory to open: its name (as shown in matches), its store and its penalty.
    public struct Memory: Sendable {
        public var name: String
        public var store: any MemoryStore
        /// Taken off every score from this memory (as OmegaT's `penalty-NNN` folders do).
        public var penalty: Int

        public init(name: String, store: any MemoryStore, penalty: Int = 0) {
            self.name = name
            self.store = store
            self.penalty = penalty
        }
    }

    /// An open memory: the memory and its index (opened on first use, or at once).
    struct Opened: Sendable {
        var memory: Memory
        let lazyIndex: LazyIndex
        let catchUp: IndexCatchUp
        /// Keeps the index current as the store announces commits (`followChanges`), else `nil`.
        let follower: IndexFollower?

        /// The memory's index, opened (loaded from its cache or built) on first use.
        var index: FuzzyIndex {
            get throws { try lazyIndex.get(for: memory.store).index }
        }
    }

    let opened: [Opened]
    let explainer = MatchExplainer()

    /// The largest backlog of store changes a lookup applies to its index itself (a few hundred
    /// milliseconds of work at most); a larger one is applied in the background.
    public static let defaultInlineCatchUpLimit = 2_000

    /// Opens `memories` (earlier ones win ties). Each one's fuzzy index is loaded from its cache or
    /// built now when `openIndexes` (a server wants its first lookup fast), else on the first lookup
    /// (concordance needs none). An index cache file is kept beside each memory file once it has
    /// `cacheUnits` units. A lookup applies up to `inlineCatchUpLimit` changes of its store itself,
    /// and leaves more to a background thread, which reports to `onIndexEvent`. With
    /// `followChanges`, a memory whose store hears of commits as they happen (PostgreSQL) has its
    /// index caught up at each announced commit, without waiting for a lookup (a server does this,
    /// so that every node finds a unit added through any other within a second).
    public init(
        memories: [Memory], openIndexes: Bool = true, cacheUnits: Int = 20_000,
        inlineCatchUpLimit: Int = LookupService.defaultInlineCatchUpLimit, followChanges: Bool = false,
        onIndexEvent: (@Sendable (IndexCatchUpEvent) -> Void)? = nil
    ) throws {
        guard !memories.isEmpty else { throw LookupError(.unknownMemory, "Give at least one memory to look up in.") }
        var seen = Set<String>()
        var opened: [Opened] = []
        for memory in memories {
            guard memory.penalty >= 0, memory.penalty <= 100 else {
                throw LookupError(.badOption, "The penalty of memory '\(memory.name)' must be between 0 and 100, not \(memory.penalty).")
            }
            guard seen.insert(memory.name).inserted else {
                throw LookupError(.badOption, "The memory '\(memory.name)' is given twice; give each memory once.")
            }
            let lazy = LazyIndex(cacheUnits: cacheUnits)
            if openIndexes { _ = try lazy.get(for: memory.store) }
            let catchUp = IndexCatchUp(memory: memory.name, inlineLimit: inlineCatchUpLimit, onEvent: onIndexEvent)
            var follower: IndexFollower?
            if followChanges, let store = memory.store as? any ChangeFeedStore {
                follower = IndexFollower.start(store: store, lazyIndex: lazy, catchUp: catchUp)
            }
            opened.append(Opened(memory: memory, lazyIndex: lazy, catchUp: catchUp, follower: follower))
        }
        self.opened = opened
    }

    /// The memories' names, in order.
    public var memoryNames: [String] { opened.map(\.memory.name) }

    /// How each opened memory's index was opened (built or loaded from its cache, and how long it took).
    public var openings: [String: IndexOpening] {
        var result: [String: IndexOpening] = [:]
        for memory in opened { if let opening = memory.lazyIndex.opening { result[memory.memory.name] = opening } }
        return result
    }

    /// The primary languages the memories hold, sorted.
    public func languages() throws -> [String] {
        var all = Set<String>()
        for memory in opened { all.formUnion(try memory.index.languages) }
        return all.sorted()
    }

    /// The fuzzy index of the memory named `name` (the first when `nil`), opened if it was not yet.
    public func fuzzyIndex(memory name: String? = nil) throws -> FuzzyIndex {
        try memory(named: name).index
    }

    /// Whether a lookup in `memory` (all memories when `nil`) has no changes to index first: each
    /// index has seen its store's latest commit, or is catching up in the background (the lookup
    /// answers from it as it is). A server answers such lookups on its network threads and hands
    /// the others to its worker pool.
    public func isCurrent(memory: String?) -> Bool {
        guard let memories = try? selected(memory) else { return true }  // the lookup fails at once
        return memories.allSatisfy { memory in
            memory.opened.lazyIndex.opening != nil
                && (memory.opened.catchUp.isRunning
                    || ((try? memory.opened.index.isCurrent(with: memory.opened.memory.store)) ?? false))
        }
    }

    /// How far each memory's index is behind its store, by memory name (an index not opened yet
    /// is not listed).
    public func indexLag() throws -> [String: IndexLag] {
        var result: [String: IndexLag] = [:]
        for memory in opened where memory.lazyIndex.opening != nil {
            result[memory.memory.name] = try memory.catchUp.lag(index: memory.index, store: memory.memory.store)
        }
        return result
    }

    /// The memories a request names (one, or all).
    func selected(_ name: String?) throws -> [(order: Int, opened: Opened)] {
        guard let name else { return opened.enumerated().map { ($0.offset, $0.element) } }
        guard let position = opened.firstIndex(where: { $0.memory.name == name }) else {
            throw LookupError(
                .unknownMemory, "There is no memory '\(name)' here; open memories: \(memoryNames.joined(separator: ", ")).")
        }
        return [(position, opened[position])]
    }

    /// The store of the memory named `name` (the first memory when `nil`).
    func memory(named name: String?) throws -> Opened {
        try selected(name).first!.opened
    }
}

/// A memory's index, opened once on first use; safe to ask from many tasks (the first opens it
/// under `lock`, the others wait and share it).
final class LazyIndex: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var opened: (index: FuzzyIndex, opening: IndexOpening)?
    private let cacheUnits: Int

    init(cacheUnits: Int) { self.cacheUnits = cacheUnits }

    func get(for store: any MemoryStore) throws -> (index: FuzzyIndex, opening: IndexOpening) {
        try lock.withLock {
            if let opened { return opened }
            let result = try FuzzyIndex.open(
                store: store, cache: FuzzyIndex.cacheURL(for: store.identity), cacheUnits: cacheUnits)
            opened = result
            return result
        }
    }

    var opening: IndexOpening? { lock.withLock { opened?.opening } }
}
