import ArgumentParser
import Foundation
import PamyatCore
import PamyatService

/// `--memory NAME|PATH`, repeatable, shared by every command that reads or writes memories.
struct MemoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A memory by name (NAME.sqlite in the memories folder), by path, or by URL (postgresql://user@host/database?memory=NAME). Repeat to use several; the default is 'default' or $PAMYAT_MEMORY.",
            valueName: "name|path"))
    var memory: [String] = []

    var catalog: MemoryCatalog { MemoryCatalog() }

    /// The one memory a writing command uses (the first given, or the default).
    var single: String? { memory.first }

    /// Opens the single memory.
    func open(create: Bool, readOnly: Bool = false) throws -> any MemoryStore {
        try catalog.open(single, create: create, readOnly: readOnly)
    }

    /// Runs `body` with the single memory, created when missing (and removed again when this run
    /// created it and `body` failed before storing anything).
    func withWritableMemory<T>(_ body: (any MemoryStore) throws -> T) throws -> T {
        try catalog.withWritableMemory(single, body)
    }

    /// Every memory given (or the default), opened read-only for lookups, each with its penalty
    /// from `penalties` (by the name given).
    func lookupMemories(penalties: [String: Int] = [:]) throws -> [LookupService.Memory] {
        let names: [String?] = memory.isEmpty ? [nil] : memory.map(Optional.some)
        return try names.map { name in
            LookupService.Memory(
                name: catalog.displayName(name), store: try catalog.open(name, create: false, readOnly: true),
                penalty: penalties[name ?? catalog.defaultName] ?? 0)
        }
    }

    /// Validation shared by commands that take one memory only.
    func validateSingle(command: String) throws {
        if memory.count > 1 {
            throw ValidationError("'pamyat \(command)' works on one memory; give --memory once.")
        }
    }
}
