import Foundation
import PamyatCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a memory file is on disk: its identity for caches, its companion files, its removal.
extension SQLiteMemoryStore: RemovableMemoryStore {
    /// The ending of memory files (`NAME.sqlite`).
    public static let fileExtension = "sqlite"

    /// SQLite's companion files of a database in WAL mode.
    static let companionSuffixes = ["-wal", "-shm"]

    /// `sqlite:` + the canonical path + device and inode; the cache prefix is the path as opened.
    static func identity(ofFileAt path: String) -> StoreIdentity? {
        guard let canonical = realpath(path, nil) else { return nil }
        defer { free(canonical) }
        var info = stat()
        guard stat(canonical, &info) == 0 else { return nil }
        return StoreIdentity(key: "sqlite:\(String(cString: canonical)):\(info.st_dev):\(info.st_ino)", cachePrefix: path)
    }

    /// Deletes the memory file and its `-wal`/`-shm` files, whatever of them exist.
    static func removeFiles(at path: String) {
        for suffix in [""] + companionSuffixes { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    public func removeMemory() throws {
        guard identity != nil else { return }
        Self.removeFiles(at: location)
    }
}
