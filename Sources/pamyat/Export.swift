import ArgumentParser
import Foundation
import PamyatCore
import PamyatService
import PamyatText
import PamyatTMX

extension Pamyat {
    /// `pamyat export`: writes a memory as TMX 1.4b.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a memory (or part of it) as a TMX 1.4b file.",
            discussion: """
                Streams with constant memory, into a temporary file that is renamed onto FILE when \
                complete (a failed export leaves no half file); - writes to standard output. With \
                --from/--to the header's srclang is the source language and each unit has those two \
                variants; otherwise the export is multilingual and srclang is *all*, which some tools \
                refuse (Okapi, older Trados): give --srclang for them. Every file validates against the \
                TMX 1.4b DTD. See docs/TMX.md for what is written.

                Examples:
                  pamyat export ru-en.tmx --from ru --to en
                  pamyat export all.tmx --langs ru,en,be --srclang ru --since 2024-01-01
                  pamyat export - --doc report-2024 | xmllint --noout -
                """)

        @Argument(help: ArgumentHelp("The TMX file to write; - writes to standard output.", valueName: "file.tmx"))
        var output: String

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("Source language of a pair export (with --to): the header's srclang.", valueName: "lang"))
        var from: String?

        @Option(help: ArgumentHelp("Target language of a pair export (with --from).", valueName: "lang"))
        var to: String?

        @Option(help: ArgumentHelp("Export these languages' variants (comma-separated), for units with at least two of them.", valueName: "langs"))
        var langs: String?

        @Option(help: ArgumentHelp("The header's srclang for a multilingual export instead of *all*; units without a variant in it are left out.", valueName: "lang"))
        var srclang: String?

        @Option(help: ArgumentHelp("Only units changed on or after this date (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ssZ).", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("Only units aligned from this document id.", valueName: "id"))
        var doc: String?

        func validate() throws {
            try memories.validateSingle(command: "export")
            _ = try selection()
        }

        func run() throws {
            do {
                let selection = try self.selection()
                let store = try memories.open(create: false, readOnly: true)
                let report = try TMXExporter(toolVersion: PamyatVersion.string).export(from: store, to: output, selection: selection)
                let message = Self.render(report, memory: memories.catalog.displayName(memories.single))
                // With the TMX on standard output, the report goes to standard error.
                if output == "-" {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                } else {
                    print(message)
                }
                if report.skipped > 0 {
                    printError("warning: \(report.skipped) units selected had no variant in the header's source language (or fewer than two of --langs) and were left out.")
                }
                if report.droppedCharacters > 0 {
                    printError("warning: \(report.droppedCharacters) characters XML forbids were dropped from props, notes or attributes (see docs/TMX.md).")
                }
            } catch let error as ValidationError {
                printError(error.message)
                throw ExitCode.validationFailure
            } catch {
                throw reportedExit(for: error)
            }
        }

        /// The options as an export selection; throws a ValidationError naming the bad option.
        func selection() throws -> TMXExportSelection {
            func language(_ text: String, option: String) throws -> LanguageTag {
                do {
                    return try LanguageTag.parse(text)
                } catch {
                    throw ValidationError("\(option) '\(text)' is not a language tag pamyat knows; use a BCP 47 tag such as ru, en, en-GB, be, kk.")
                }
            }
            var selection = TMXExportSelection(documentID: doc)
            switch (from, to) {
            case let (from?, to?):
                if langs != nil { throw ValidationError("Give either --from/--to (a language pair) or --langs (several languages), not both.") }
                let pair = LanguagePair(source: try language(from, option: "--from"), target: try language(to, option: "--to"))
                if pair.source == pair.target { throw ValidationError("--from and --to name the same language (\(pair.source)); give two languages.") }
                if let srclang, try language(srclang, option: "--srclang") != pair.source {
                    throw ValidationError("--srclang must be the --from language in a pair export (the header's srclang is --from).")
                }
                selection.pair = pair
            case (nil, nil):
                if let langs {
                    let tags = try langs.split(separator: ",").map { try language(String($0), option: "--langs") }
                    if tags.count < 2 { throw ValidationError("--langs needs at least two languages, e.g. --langs ru,en,be.") }
                    selection.languages = tags
                }
                if let srclang {
                    let tag = try language(srclang, option: "--srclang")
                    if !selection.languages.isEmpty && !selection.languages.contains(tag) {
                        throw ValidationError("--srclang \(tag) is not one of --langs \(langs ?? "").")
                    }
                    selection.sourceLanguage = tag
                }
            default:
                throw ValidationError("--from and --to go together: give both (e.g. --from ru --to en), or neither.")
            }
            if let since {
                guard let date = Self.parseDate(since) else {
                    throw ValidationError("--since '\(since)' is not a date; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC).")
                }
                selection.changedSince = date
            }
            return selection
        }

        static func parseDate(_ text: String) -> Date? {
            if let date = TMXDate.parse(text) { return date }
            let parts = text.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                (1...12).contains(month), (1...31).contains(day)
            else { return nil }
            return TMXDate.parse(String(format: "%04d%02d%02dT000000Z", year, month, day))
        }

        static func render(_ report: TMXExportReport, memory: String) -> String {
            let languages = report.languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            var line = "exported \(report.units) units from \(memory) to \(report.output == "-" ? "standard output" : report.output) (TMX 1.4, srclang \(report.sourceLanguage))"
            if !languages.isEmpty { line += "; variants: \(languages)" }
            if report.placeholders > 0 { line += "; \(report.placeholders) control characters written as <ph type=\"x-pamyat-control\">" }
            return line
        }
    }
}
