import Logging
import PamyatService

extension Server {
    /// Says in the server's log what a memory's index does by itself: a backlog applied in the
    /// background, a store that lost or regained the database (PostgreSQL), and the catching up
    /// after it. Catching up after each announced commit is logged at debug only.
    static func log(_ event: IndexCatchUpEvent, to logger: Logger) {
        switch event {
        case .started(let memory, let behind):
            logger.info("index catching up in the background; lookups answer from the index as it is meanwhile",
                metadata: ["memory": "\(memory)", "index.behind": "\(behind)"])
        case .finished(let memory, let applied):
            logger.info("index caught up", metadata: ["memory": "\(memory)", "index.applied": "\(applied)"])
        case .failed(let memory):
            logger.warning("index could not catch up with the memory (its store failed); the next change or lookup tries again",
                metadata: ["memory": "\(memory)"])
        case .following(let memory, let reconnected, let applied, let sequence):
            let metadata: Logger.Metadata = ["memory": "\(memory)", "index.applied": "\(applied)", "index.sequence": "\(sequence)"]
            if reconnected {
                logger.notice("database back: following the memory's changes again; index caught up with the changes made meanwhile",
                    metadata: metadata)
            } else {
                logger.info("following the memory's changes (LISTEN/NOTIFY); index caught up with the change log", metadata: metadata)
            }
        case .followingLost(let memory, let reason):
            logger.warning("lost the database's change notifications; reconnecting; lookups read the change log meanwhile",
                metadata: ["memory": "\(memory)", "reason": "\(reason)"])
        case .caughtUp(let memory, let applied, let sequence):
            logger.debug("index caught up with the change log",
                metadata: ["memory": "\(memory)", "index.applied": "\(applied)", "index.sequence": "\(sequence)"])
        }
    }
}
