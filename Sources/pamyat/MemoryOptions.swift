import ArgumentParser
import Foundation
import PamyatCore
import PamyatService

/// `--memory NAME|PATH`, repeatable, shared by every command that reads or writes memories.
struct MemoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A memory by name (NAME.sqlite in the memories folder) or by path. Repeat to use several; the default is 'default' or $PAMYAT_MEMORY.",
            valueName: "name|path"))
    var memory: [String] = []

    var catalog: MemoryCatalog { MemoryCatalog() }

    /// The one memory a writing command uses (the first given, or the default).
    var single: String? { memory.first }

    /// Opens the single memory.
    func open(create: Bool, readOnly: Bool = false) throws -> any MemoryStore {
        try catalog.open(single, create: create, readOnly: readOnly)
    }

    /// Runs `body` with the single memory, created when missing. A memory that this run created is
    /// removed again when `body` fails before storing anything, so a failed first import or add
    /// leaves no empty memory behind.
    func withWritableMemory<T>(_ body: (any MemoryStore) throws -> T) throws -> T {
        let url = catalog.resolve(single)
        let existed = FileManager.default.fileExists(atPath: url.path)
        let store: any MemoryStore
        do {
            store = try open(create: true)
        } catch {
            // A create that failed (a full disk, a folder that cannot be written) leaves no file.
            if !existed { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) } }
            throw error
        }
        do {
            return try body(store)
        } catch {
            if !existed, let stats = try? store.stats(), stats.units == 0, stats.documents == 0 {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            throw error
        }
    }

    /// Validation shared by commands that take one memory only.
    func validateSingle(command: String) throws {
        if memory.count > 1 {
            throw ValidationError("'pamyat \(command)' works on one memory; give --memory once.")
        }
    }
}
