import ArgumentParser
import Foundation
import PamyatCore
import PamyatService
import PamyatTMX

extension Pamyat {
    /// `pamyat import`: reads TMX files into a memory.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import TMX files (TMX 1.1–1.4b, UTF-8 or UTF-16), or translated XLIFF files, into a memory.",
            discussion: """
                Each file is imported in one transaction: a file with an error (malformed XML, a <tu> \
                without <tuv>, a <tuv> without xml:lang, an unknown version, entities, a segment over \
                1 MiB, …) imports nothing, and the message names its line and column. Importing the \
                same file twice adds nothing: a unit whose variants all equal a stored unit's updates \
                that unit's dates, props and notes. A <tuv> whose <seg> is empty or white space only is \
                skipped with a warning (pamyat stores no blank segment). Languages are canonicalised (en-us → en-US). \
                --dry-run reads the files through and reports what would be imported. See docs/TMX.md.

                A file named *.xlf or *.xliff is read as XLIFF 1.2 or 2.x (from a CAT tool, or what \
                `pamyat pretranslate` wrote and a translator finished): its confirmed segments are \
                stored — targets whose state is one of --states (default translated, final, \
                signed-off, reviewed; a 1.2 target without a state counts as translated) — with the \
                file's original as the document and each segment's previous sentence as its context. \
                One transaction per file; importing it again stores nothing new.

                Examples:
                  pamyat import memory.tmx --memory contracts
                  pamyat import --dry-run *.tmx
                  pamyat import release.ru-en.xlf --states final,signed-off
                """)

        @Argument(help: ArgumentHelp("TMX files to import (- reads standard input), or XLIFF files (*.xlf, *.xliff).", valueName: "file.tmx"))
        var files: [String]

        @OptionGroup var memories: MemoryOptions

        @Flag(help: "Read the files and report units, languages and problems, without writing anything.")
        var dryRun = false

        @Option(help: ArgumentHelp(
            "XLIFF only: the target states whose segments are stored, separated by commas (default: translated,final,signed-off,reviewed).",
            valueName: "states"))
        var states: String?

        func validate() throws {
            try memories.validateSingle(command: "import")
            if files.isEmpty { throw ValidationError("Give at least one TMX file to import, e.g. 'pamyat import memory.tmx'.") }
            if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read once only.") }
        }

        func run() throws {
            do {
                if dryRun {
                    try importAll(into: nil)
                    print("nothing was written (--dry-run).")
                } else {
                    try memories.withWritableMemory { try importAll(into: $0) }
                }
            } catch {
                throw reportedExit(for: error)
            }
        }

        private func importAll(into store: (any MemoryStore)?) throws {
            let progress = ProgressLine(verb: dryRun ? "reading" : "importing")
            for file in files {
                if Self.isXLIFF(file) {
                    try XLIFFImportRun(states: states).run(file, into: store, memoryName: memories.catalog.displayName(memories.single))
                    continue
                }
                let report: TMXImportReport
                do {
                    report = try TMXImporter().importFile(file, into: store) { progress.show($0) }
                    progress.clear()
                } catch {
                    progress.clear()
                    if files.count > 1 {
                        printError("nothing from \(file) was imported\(file == files.first ? "" : "; the files before it were").")
                    }
                    throw error
                }
                print(Self.render(report, memory: store.map { _ in memories.catalog.displayName(memories.single) }))
                for problem in report.problems { printError("warning: \(problem)") }
                if report.moreProblems > 0 { printError("warning: \(report.file): \(report.moreProblems) more problems not shown.") }
            }
        }

        static func isXLIFF(_ file: String) -> Bool {
            ["xlf", "xliff"].contains(URL(fileURLWithPath: file).pathExtension.lowercased())
        }

        static func render(_ report: TMXImportReport, memory: String?) -> String {
            let languages = report.languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            var line: String
            if let memory {
                line = "\(report.file): \(report.units) units into \(memory) (\(report.created) new, \(report.updated) updated, \(report.unchanged) unchanged)"
            } else {
                line = "\(report.file): \(report.units) units would be imported"
            }
            if let header = report.header {
                line += "; TMX \(header.version) from \(header.creationTool.isEmpty ? "an unnamed tool" : header.creationTool), srclang \(header.sourceLanguage)"
            }
            if !languages.isEmpty { line += "; variants: \(languages)" }
            if report.blankVariantsSkipped > 0 {
                line += "; \(report.blankVariantsSkipped) blank segment\(report.blankVariantsSkipped == 1 ? "" : "s") skipped"
                if report.blankUnitsSkipped > 0 { line += " (\(report.blankUnitsSkipped) unit\(report.blankUnitsSkipped == 1 ? "" : "s") left out)" }
            }
            if report.repeatedInFile > 0 { line += "; \(report.repeatedInFile) repeat earlier units of the file" }
            let problems = report.problems.count + report.moreProblems
            if problems > 0 { line += "; \(problems) problem\(problems == 1 ? "" : "s") (below)" }
            return line
        }
    }
}

/// A one-line progress display on standard error, shown only when it is a terminal.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let verb: String
    private var shown = false

    init(verb: String) {
        self.verb = verb
    }

    func show(_ progress: TMXImportProgress) {
        guard enabled else { return }
        var text = "\(verb) \(progress.file): \(progress.units) units"
        if let total = progress.totalBytes, total > 0 {
            text += String(format: " (%.0f%%)", 100 * Double(progress.bytesRead) / Double(total))
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
