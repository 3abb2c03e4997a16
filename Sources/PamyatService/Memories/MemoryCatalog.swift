import Foundation
import PamyatCore
import PamyatStore

/// Where memories live and how a `--memory NAME|PATH` argument becomes a file.
///
/// - The folder: `$PAMYAT_MEMORIES` when set; else `./memories` when the working directory has one
///   (as the repository does); else `$XDG_DATA_HOME/pamyat/memories` (`~/.local/share/…` when unset).
/// - The default memory: `$PAMYAT_MEMORY` when set, else `default`.
/// - A name (no `/`, no `.sqlite` ending) means `FOLDER/NAME.sqlite`; anything else is a path.
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

    /// The file a `--memory` argument names (`nil`: the default memory).
    public func resolve(_ nameOrPath: String?) -> URL {
        let given = nameOrPath ?? defaultName
        if Self.isName(given) { return folder.appendingPathComponent(given + ".sqlite") }
        return URL(fileURLWithPath: (given as NSString).expandingTildeInPath).standardizedFileURL
    }

    /// The name to show for a memory: its name when it lives in the folder, else its path.
    public func displayName(_ nameOrPath: String?) -> String {
        let given = nameOrPath ?? defaultName
        if Self.isName(given) { return given }
        return resolve(given).deletingPathExtension().lastPathComponent
    }

    /// Opens (and with `create`, creates) the memory a `--memory` argument names.
    public func open(_ nameOrPath: String?, create: Bool, readOnly: Bool = false) throws -> any MemoryStore {
        try SQLiteMemoryStore(path: resolve(nameOrPath).path, create: create, readOnly: readOnly)
    }

    /// Memory files in the folder, by name.
    public func list() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(".sqlite".count)) }.sorted()
    }

    private static func isName(_ text: String) -> Bool {
        !text.contains("/") && !text.hasSuffix(".sqlite") && text != "." && text != ".." && !text.hasPrefix("~")
    }
}
