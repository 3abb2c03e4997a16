/// What a store that hears of commits as they happen can do (PostgreSQL: `LISTEN`/`NOTIFY`), so
/// that several processes serving one memory see each other's changes without being asked;
/// callers ask with `as?`.
///
/// The change log stays the truth: an event only says "read the log now". Events may come late,
/// more than once for one commit, or for a commit the log already showed; none is lost while the
/// feed is ``ChangeFeedEvent/listening(reconnected:)``, and after an outage the feed says so
/// (``ChangeFeedEvent/lost(reason:)``, then `listening(reconnected: true)`), because commits made
/// meanwhile were not heard of.
public protocol ChangeFeedStore: MemoryStore {
    /// Starts following the memory's commits (once; later calls add a handler) and calls `handler`
    /// with every ``ChangeFeedEvent``, one at a time, on a thread of the feed's own (the handler
    /// may read the store). While the feed listens, ``MemoryStore/dataVersion()`` answers from it
    /// without asking the database; before, and while it has lost its connection, it is `nil`.
    func followChanges(_ handler: @escaping @Sendable (ChangeFeedEvent) -> Void)
}

/// What a store's change feed reports (``ChangeFeedStore/followChanges(_:)``).
public enum ChangeFeedEvent: Sendable, Hashable {
    /// The feed hears of commits from now on: at its start, and again after it lost its connection
    /// (`reconnected`: commits made meanwhile were not heard of; read the change log). The log's
    /// newest sequence number when it started listening.
    case listening(reconnected: Bool, latest: Int64)
    /// Someone committed changes to the memory; the log reaches at least `latest` (from the
    /// commit's notification, or from the feed's periodic look at the log, which catches writers
    /// that do not notify).
    case committed(latest: Int64)
    /// The feed lost its connection (the database went away, an administrator ended it): it tries
    /// again by itself; until it is back, nothing is heard and `dataVersion()` is `nil`.
    case lost(reason: String)
}
