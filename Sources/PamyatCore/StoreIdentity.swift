import Foundation

/// Who a memory is, for what is kept outside its store (the fuzzy index's cache): the same for the
/// same memory opened again, different for another memory put in the same place.
///
/// A SQLite memory is its file's canonical path with the file's device and inode (a file copied over
/// it is another memory); a PostgreSQL memory will be its server, database and memory name.
public struct StoreIdentity: Hashable, Sendable {
    /// A stable text naming the memory, written into caches and compared when they are read.
    public var key: String
    /// Where caches of this memory live on this machine, as a path prefix (a SQLite memory's own
    /// path: its index cache is `PATH-fuzzyindex`).
    public var cachePrefix: String

    public init(key: String, cachePrefix: String) {
        self.key = key
        self.cachePrefix = cachePrefix
    }
}

/// What some stores can do beyond ``MemoryStore``; callers ask with `as?`.
public protocol RemovableMemoryStore: MemoryStore {
    /// Deletes the memory entirely (a SQLite memory's file and its `-wal`/`-shm` files). Used to
    /// take back a memory that a failed first write created; the store is not used afterwards.
    func removeMemory() throws
}
