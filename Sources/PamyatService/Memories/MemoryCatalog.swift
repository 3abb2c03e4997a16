import Foundation
import PamyatCore

/// Where memories live and how a `--memory NAME|PATH|URL` argument becomes a store.
///
/// - The folder: `$PAMYAT_MEMORIES` when set; else `./memories` when the working directory has one
///   (as the repository does); else `$XDG_DATA_HOME/pamyat/memories` (`~/.local/share/…` when unset).
/// - The default memory: `$PAMYAT_MEMORY` when set, else `default`.
/// - A name (no `/`, no `.sqlite` ending) means `FOLDER/NAME.sqlite`; a URL (`scheme://…`) is opened
///   by ``MemoryStoreFactory`` and never taken for a path; anything else is a path.
public struct MemoryCatalog: Sendable {
    /// The folder names resolve in.
    public let folder: URL
    /// The memory used when none is named.
    public let defaultName: String

    /// A catalogue from the process environment and working directory.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        if let explicit = environment["PAMYAT_MEMORIES"], !explicit.isEmpty {
            folder = URL(fileURLWithPath: explicit, relativeTo: currentDirectory).standardizedFileURL
        } else {
            let local = currentDirectory.appendingPathComponent("memories")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: local.path, isDirectory: &isDirectory), isDirectory.boolValue {
                folder = local
            } else {
                let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
                    ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
                folder = data.appendingPathComponent("pamyat/memories")
            }
        }
        let name = environment["PAMYAT_MEMORY"] ?? ""
        defaultName = name.isEmpty ? "default" : name
    }

    /// Where a `--memory` argument (`nil`: the default memory) is.
    public func resolve(_ nameOrPath: String?) -> MemoryLocation {
        switch address(nameOrPath) {
        case .name(let name):
            return .file(folder.appendingPathComponent(name + "." + MemoryStoreFactory.fileExtension))
        case .path(let path):
            return .file(URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL)
        case .url(let scheme, let text):
            return .url(scheme: scheme, text: text)
        }
    }

    /// The name to show for a memory: its name when it lives in the folder, its file's name without
    /// the ending for a path, a URL without its password.
    public func displayName(_ nameOrPath: String?) -> String {
        switch address(nameOrPath) {
        case .name(let name): return name
        case .path: return URL(fileURLWithPath: resolve(nameOrPath).path ?? "").deletingPathExtension().lastPathComponent
        case .url(_, let text): return MemoryAddress.redacted(text)
        }
    }

    /// Opens (and with `create`, creates) the memory a `--memory` argument names.
    public func open(_ nameOrPath: String?, create: Bool, readOnly: Bool = false) throws -> any MemoryStore {
        try MemoryStoreFactory.open(resolve(nameOrPath), create: create, readOnly: readOnly)
    }

    /// Runs `body` with the memory a `--memory` argument names, created when missing. A memory that
    /// this call created is removed again when `body` fails before anything was stored in it, so a
    /// failed first import or add leaves no empty memory behind.
    public func withWritableMemory<T>(_ nameOrPath: String?, _ body: (any MemoryStore) throws -> T) throws -> T {
        let location = resolve(nameOrPath)
        // A file exists or not; a memory named by a URL exists when it opens without being created.
        let existed = location.path.map { FileManager.default.fileExists(atPath: $0) }
            ?? ((try? MemoryStoreFactory.open(location, create: false, readOnly: true)) != nil)
        let store = try MemoryStoreFactory.open(location, create: true, readOnly: false)
        do {
            return try body(store)
        } catch {
            if !existed, let removable = store as? any RemovableMemoryStore,
                let stats = try? store.stats(), stats.units == 0, stats.documents == 0 {
                try? removable.removeMemory()
            }
            throw error
        }
    }

    /// Memory files in the folder, by name.
    public func list() -> [String] {
        let ending = "." + MemoryStoreFactory.fileExtension
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(ending) }.map { String($0.dropLast(ending.count)) }.sorted()
    }

    private func address(_ nameOrPath: String?) -> MemoryAddress {
        MemoryAddress(nameOrPath ?? defaultName, fileExtension: MemoryStoreFactory.fileExtension)
    }
}
