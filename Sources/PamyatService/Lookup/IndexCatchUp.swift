import Foundation
import PamyatCore
import PamyatMatch

/// What the lookup service reports about one memory's index catching up with its store, on the
/// thread that does it (``LookupService/init(memories:openIndexes:cacheUnits:inlineCatchUpLimit:followChanges:onIndexEvent:)``).
public enum IndexCatchUpEvent: Sendable, Equatable {
    /// A backlog of `behind` changes is being applied in the background; lookups meanwhile answer
    /// from the index as it is. Reported on the background thread before it starts (a hook that
    /// blocks holds the catch-up back).
    case started(memory: String, behind: Int)
    /// The background catch-up has applied `applied` changes.
    case finished(memory: String, applied: Int)
    /// The background catch-up failed (the store could not be read); the next lookup tries again.
    case failed(memory: String)
    /// The memory's store hears of commits as they happen (PostgreSQL's `LISTEN`/`NOTIFY`), from
    /// when the service starts and again after the store lost its connection (`reconnected`:
    /// commits made meanwhile were not announced), and the index has caught up with the change
    /// log: it applied `applied` changes and reflects the log up to `sequence`.
    case following(memory: String, reconnected: Bool, applied: Int, sequence: Int64)
    /// The store stopped hearing of commits (the database went away): it tries again by itself;
    /// meanwhile lookups read the change log (and fail while the database cannot be reached).
    case followingLost(memory: String, reason: String)
    /// After a commit was heard of (or the store began hearing again), the index applied `applied`
    /// changes and now reflects the change log up to `sequence` (0 applied: a lookup had done it).
    case caughtUp(memory: String, applied: Int, sequence: Int64)
}

/// How far a memory's index is behind its store.
public struct IndexLag: Sendable, Hashable {
    /// Changes in the store's log that the index has not applied yet.
    public var behind: Int
    /// Whether they are being applied in the background.
    public var catchingUp: Bool

    public init(behind: Int, catchingUp: Bool) {
        self.behind = behind
        self.catchingUp = catchingUp
    }
}

/// Keeps one memory's index current with its store without making a lookup wait long: a lookup
/// that finds a small backlog (up to `inlineLimit` changes: another process's `add`) applies it
/// itself; a larger one (an import) is applied on a background thread while lookups answer from
/// the index as it is, without the units not yet indexed.
final class IndexCatchUp: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var running = false

    let memory: String
    let inlineLimit: Int
    let onEvent: (@Sendable (IndexCatchUpEvent) -> Void)?

    init(memory: String, inlineLimit: Int, onEvent: (@Sendable (IndexCatchUpEvent) -> Void)?) {
        self.memory = memory
        self.inlineLimit = inlineLimit
        self.onEvent = onEvent
    }

    /// Whether a background catch-up is running.
    var isRunning: Bool { lock.withLock { running } }

    /// Before a lookup: nothing when the index is current or a background catch-up runs; applies a
    /// small backlog now; starts a background catch-up for a large one.
    func beforeLookup(index: FuzzyIndex, store: any MemoryStore) throws {
        guard !index.isCurrent(with: store), !isRunning else { return }
        let behind = try store.changes(after: index.appliedSequence).changes.count
        if behind <= inlineLimit {
            try index.catchUp(with: store)
            return
        }
        startInBackground(index: index, store: store, behind: behind)
    }

    /// How far `index` is behind `store`.
    func lag(index: FuzzyIndex, store: any MemoryStore) throws -> IndexLag {
        let catchingUp = isRunning
        guard catchingUp || !index.isCurrent(with: store) else { return IndexLag(behind: 0, catchingUp: false) }
        return IndexLag(behind: try store.changes(after: index.appliedSequence).changes.count, catchingUp: catchingUp)
    }

    /// What a store's change feed announced (``afterAnnouncement(_:index:store:)``).
    enum Announcement {
        /// A commit.
        case commit
        /// The feed hears commits from now on (`reconnected`: again, after losing its connection).
        case listening(reconnected: Bool)
    }

    /// After the store announced a commit (or that it hears commits again): applies the backlog
    /// now, on the caller's thread (the store's feed), reporting a large one as a background
    /// catch-up (lookups meanwhile answer from the index as it is); then reports
    /// ``IndexCatchUpEvent/caughtUp(memory:applied:sequence:)``, or `following` when the store has
    /// just begun hearing commits (again). A failure is reported and left to the next
    /// announcement or lookup.
    func afterAnnouncement(_ announcement: Announcement, index: FuzzyIndex, store: any MemoryStore) {
        do {
            var applied = 0
            if !index.isCurrent(with: store) {
                let behind = try store.changes(after: index.appliedSequence).changes.count
                if behind > inlineLimit, claim() {
                    onEvent?(.started(memory: memory, behind: behind))
                    let result = Result { try index.catchUp(with: store) }
                    lock.withLock { running = false }
                    applied = try result.get()
                    onEvent?(.finished(memory: memory, applied: applied))
                } else {
                    applied = try index.catchUp(with: store)
                }
            }
            switch announcement {
            case .listening(let reconnected):
                onEvent?(.following(memory: memory, reconnected: reconnected, applied: applied, sequence: index.appliedSequence))
            case .commit:
                onEvent?(.caughtUp(memory: memory, applied: applied, sequence: index.appliedSequence))
            }
        } catch {
            onEvent?(.failed(memory: memory))
        }
    }

    /// Marks a background catch-up as running; `false` when one already was.
    private func claim() -> Bool {
        lock.withLock {
            if running { return false }
            running = true
            return true
        }
    }

    private func startInBackground(index: FuzzyIndex, store: any MemoryStore, behind: Int) {
        guard claim() else { return }
        let memory = self.memory, onEvent = self.onEvent
        let thread = Thread { [self] in
            onEvent?(.started(memory: memory, behind: behind))
            let result = Result { try index.catchUp(with: store) }
            lock.withLock { running = false }
            switch result {
            case .success(let applied): onEvent?(.finished(memory: memory, applied: applied))
            case .failure: onEvent?(.failed(memory: memory))
            }
        }
        thread.name = "pamyat.index-catch-up"
        thread.start()
    }
}
