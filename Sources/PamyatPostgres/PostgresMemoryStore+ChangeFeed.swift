import PamyatCore

extension PostgresMemoryStore {
    /// Follows the memory's commits by anyone through `LISTEN`/`NOTIFY` (``PostgresChangeFeed``):
    /// a connection and a thread of the store's own, from the first call until the store goes away.
    public func followChanges(_ handler: @escaping @Sendable (ChangeFeedEvent) -> Void) {
        feed.follow(handler)
    }

    /// While the store follows its changes (``followChanges(_:)``) and listens: a number that
    /// changes after every commit it heard of, read without asking the database. Otherwise `nil`
    /// (callers read the change log): before anyone follows, and while the feed's connection is
    /// lost.
    public func dataVersion() throws -> Int64? {
        feed.dataVersion
    }
}
