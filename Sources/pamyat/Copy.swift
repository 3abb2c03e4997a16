import ArgumentParser
import Foundation
import PamyatCore
import PamyatService

extension Pamyat {
    /// `pamyat copy`: copies a memory into another, between any two stores.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a memory into another (SQLite and PostgreSQL, either way).",
            discussion: """
                Streams every unit and document record of SOURCE into DESTINATION in one transaction: \
                a copy that fails leaves DESTINATION as it was. Lossless: a TMX export of both is the \
                same. DESTINATION is created when missing; one that already holds units is refused \
                unless --merge (a unit it has already is merged: dates, props and notes). Progress is \
                shown on a terminal.

                Examples:
                  pamyat copy press 'postgresql://anna@db.example/tm?memory=press'
                  pamyat copy 'postgresql:///tm?memory=press' backup.sqlite
                """)

        @Argument(help: ArgumentHelp("The memory to copy: a name, a path or a postgresql:// URL.", valueName: "source"))
        var source: String

        @Argument(help: ArgumentHelp("The memory to copy into (created when missing).", valueName: "destination"))
        var destination: String

        @Flag(help: "Copy into a memory that already holds units, merging duplicates.")
        var merge = false

        func run() throws {
            let catalog = MemoryCatalog()
            do {
                let from = try catalog.open(source, create: false, readOnly: true)
                let enabled = isatty(STDERR_FILENO) == 1
                let report = try catalog.withWritableMemory(destination) { to in
                    try MemoryCopier().copy(from: from, to: to, merge: merge) { units in
                        if enabled && units % 10_240 == 0 { FileHandle.standardError.write(Data("\r\u{1B}[Kcopying: \(units) units".utf8)) }
                    }
                }
                if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                print("copied \(report.units) units (\(report.created) new, \(report.merged) merged, \(report.unchanged) already there) and \(report.documents) document records from \(catalog.displayName(source)) to \(catalog.displayName(destination))")
            } catch {
                throw reportedExit(for: error)
            }
        }
    }
}

extension CopyError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .destinationNotEmpty: .cannotCreate
        case .sameMemory: .validationFailure
        }
    }
}
