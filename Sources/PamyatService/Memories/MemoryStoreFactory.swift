import Foundation
import PamyatCore
import PamyatStore

/// Turns where a memory is into a store: the one place that knows which kind of store serves which
/// kind of address, and the only file of PamyatService that sees a concrete store.
///
/// - A file (a path, or a name the catalogue resolved into its folder) is a SQLite memory.
/// - `postgresql://` and `postgres://` URLs name PostgreSQL memories, which this build does not have:
///   ``StoreError/Code/unavailable``.
/// - Any other URL is ``StoreError/Code/unsupportedScheme``; a URL is never taken for a path.
public enum MemoryStoreFactory {
    /// The ending of the default store's files, for names in the catalogue's folder (`NAME.sqlite`).
    public static let fileExtension = SQLiteMemoryStore.fileExtension

    /// Opens (and with `create`, creates) the memory at `location`.
    public static func open(_ location: MemoryLocation, create: Bool, readOnly: Bool) throws -> any MemoryStore {
        switch location {
        case .file(let url):
            return try SQLiteMemoryStore(path: url.path, create: create, readOnly: readOnly)
        case .url(let scheme, let text) where scheme == "postgresql" || scheme == "postgres":
            throw StoreError(
                .unavailable,
                "PostgreSQL memories are not available in this build of pamyat; name a memory or a .\(fileExtension) file instead.",
                location: MemoryAddress.redacted(text))
        case .url(let scheme, let text):
            throw StoreError(
                .unsupportedScheme,
                "'\(scheme)://' is not a kind of memory pamyat knows; give a memory name, a file path, or a postgresql:// URL.",
                location: MemoryAddress.redacted(text))
        }
    }
}
