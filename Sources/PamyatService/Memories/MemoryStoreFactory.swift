import Foundation
import PamyatCore
import PamyatPostgres
import PamyatStore

/// Turns where a memory is into a store: the one place that knows which kind of store serves which
/// kind of address, and the only file of PamyatService that sees a concrete store.
///
/// - A file (a path, or a name the catalogue resolved into its folder) is a SQLite memory.
/// - `postgresql://` and `postgres://` URLs name PostgreSQL memories (``PostgresAddress``); their
///   lookup index caches live in this node's cache folder (``cacheFolder(environment:)``).
/// - Any other URL is ``StoreError/Code/unsupportedScheme``; a URL is never taken for a path.
public enum MemoryStoreFactory {
    /// The ending of the default store's files, for names in the catalogue's folder (`NAME.sqlite`).
    public static let fileExtension = SQLiteMemoryStore.fileExtension

    /// Opens (and with `create`, creates) the memory at `location`.
    public static func open(
        _ location: MemoryLocation, create: Bool, readOnly: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any MemoryStore {
        switch location {
        case .file(let url):
            return try SQLiteMemoryStore(path: url.path, create: create, readOnly: readOnly)
        case .url(let scheme, let text) where scheme == "postgresql" || scheme == "postgres":
            return try PostgresMemoryStore(
                address: PostgresAddress(text, environment: environment), create: create, readOnly: readOnly,
                cacheFolder: cacheFolder(environment: environment))
        case .url(let scheme, let text):
            throw StoreError(
                .unsupportedScheme,
                "'\(scheme)://' is not a kind of memory pamyat knows; give a memory name, a file path, or a postgresql:// URL.",
                location: MemoryAddress.redacted(text))
        }
    }

    /// This node's folder for caches of memories that are not files here (a PostgreSQL memory's
    /// fuzzy index): `$PAMYAT_CACHE`, else `$XDG_CACHE_HOME/pamyat`, else `~/.cache/pamyat`.
    public static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["PAMYAT_CACHE"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return URL(fileURLWithPath: cache).appendingPathComponent("pamyat") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/pamyat")
    }
}
