import ArgumentParser
import Foundation
import PamyatCore
import PamyatService

extension Pamyat {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count how much of new documents the memories have translated before, band by band.",
            discussion: """
                Reads each document as `pamyat add` does (text or HTML), splits it into sentences and \
                looks every sentence up (with the sentence before it as context). Reports per document \
                and in total the segments, words and characters (white space not counted) in each band: \
                101 (an exact match stored after the same previous sentence), repetitions (a sentence \
                seen earlier in this batch: only its first occurrence is looked up), 100, the ranges \
                of --bands, and no match. Words are counted with ICU's word breaks: letters or a number \
                make a word, so «т.е.» is one word, «2023 г.» two, «3,5» one.

                Exit codes: 0 success; 64 bad usage (e.g. bad --bands); 65 bad input (a document \
                without sentences, invalid UTF-8); 66 a document or memory that does not exist.

                Examples:
                  pamyat analyze release.ru.txt --from ru --to en
                  pamyat analyze new/*.ru.txt --from ru --to en --memory main --memory old --json
                  pamyat analyze release.ru.html --from ru --to en --bands 100,90,70 --csv > counts.csv
                """)

        @OptionGroup var memories: MemoryOptions
        @OptionGroup var reading: ReadingOptions

        @Option(help: ArgumentHelp("The language of the documents (a BCP 47 tag: ru, en, be, kk).", valueName: "lang"))
        var from: String

        @Option(help: ArgumentHelp("The language of the translations wanted.", valueName: "lang"))
        var to: String

        @Option(help: ArgumentHelp("The least score of each band, from 100 down (default: 100,95,85,75,50).", valueName: "list"))
        var bands = "100,95,85,75,50"

        @Flag(help: "Print JSON: {\"bands\":[…],\"documents\":[{\"document\":…,\"bands\":{\"101\":{\"segments\":…,\"words\":…,\"characters\":…},…},\"total\":{…}}],\"total\":{…}}.")
        var json = false

        @Flag(help: "Print CSV: document,band,segments,words,characters (a 'total' row per document and for all).")
        var csv = false

        @Argument(help: "The documents to analyse (text or HTML).")
        var documents: [String]

        func validate() throws {
            if json && csv { throw ValidationError("Give either --json or --csv, not both.") }
            if documents.isEmpty { throw ValidationError("Give at least one document to analyse.") }
        }

        func run() throws {
            do {
                let source = try LanguageTag.parse(from)
                let target = try LanguageTag.parse(to)
                let bands = try MatchBands(parsing: bands)
                let service = try LookupService(memories: try memories.lookupMemories(), openIndexes: true)
                var analyzer = DocumentAnalyzer(service: service, source: source, target: target, bands: bands)
                analyzer.layout = reading.layout
                analyzer.workers = ProcessInfo.processInfo.activeProcessorCount
                let progress = documents.count > 1 ? DirectoryProgress(total: documents.count) : nil
                var done = 0
                let report = try analyzer.analyze(documents) { table in
                    done += 1
                    progress?.update(done: done, message: table.document ?? "")
                }
                progress?.clear()
                progress?.finish()
                let printer = AnalysisPrinter(report: report)
                print(json ? printer.json() : csv ? printer.csv() : printer.table(), terminator: "")
            } catch {
                throw reportedExit(for: error)
            }
        }

    }
}
