import PamyatCore
import PamyatMatch

/// Keeps one memory's index current by itself when its store hears of commits as they happen
/// (``PamyatCore/ChangeFeedStore``, PostgreSQL): a unit added through another node (or by another
/// process's `add` or `import`) is indexed when its commit is announced, not at the next lookup.
///
/// The store's feed holds only a weak reference to the follower, so the store is not kept alive by
/// its own feed; the follower goes with its ``LookupService``.
final class IndexFollower: Sendable {
    let store: any ChangeFeedStore
    let lazyIndex: LazyIndex
    let catchUp: IndexCatchUp

    private init(store: any ChangeFeedStore, lazyIndex: LazyIndex, catchUp: IndexCatchUp) {
        self.store = store
        self.lazyIndex = lazyIndex
        self.catchUp = catchUp
    }

    /// Starts following `store`'s commits into `lazyIndex` (opened on the first event when not yet).
    static func start(store: any ChangeFeedStore, lazyIndex: LazyIndex, catchUp: IndexCatchUp) -> IndexFollower {
        let follower = IndexFollower(store: store, lazyIndex: lazyIndex, catchUp: catchUp)
        store.followChanges { [weak follower] event in follower?.handle(event) }
        return follower
    }

    /// One event of the feed, on the feed's thread (one at a time).
    private func handle(_ event: ChangeFeedEvent) {
        let memory = catchUp.memory
        switch event {
        case .lost(let reason):
            catchUp.onEvent?(.followingLost(memory: memory, reason: reason))
        case .listening(let reconnected, _):
            catchUpNow(.listening(reconnected: reconnected))
        case .committed:
            catchUpNow(.commit)
        }
    }

    private func catchUpNow(_ announcement: IndexCatchUp.Announcement) {
        guard let index = try? lazyIndex.get(for: store).index else {
            catchUp.onEvent?(.failed(memory: catchUp.memory))
            return
        }
        catchUp.afterAnnouncement(announcement, index: index, store: store)
    }
}
