import ArgumentParser
import Foundation
import PamyatCore
import PamyatService
import PamyatTMX

extension Pamyat {
    struct Pretranslate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill in a new document from the memories: XLIFF 1.2 for a CAT tool, or a draft to read.",
            discussion: """
                Reads the document as `pamyat add` does (text or HTML) and looks every sentence up \
                with the sentence before it as context; the best match at or above --min becomes the \
                sentence's proposed translation (numbers adapted as `lookup` adapts them).

                --format xliff (the default): XLIFF 1.2, one trans-unit per sentence in a group per \
                paragraph; an exact match (100, 101) is a target with state="translated" and \
                state-qualifier="exact-match", a fuzzy one state="needs-review-translation" and \
                "fuzzy-match"; every stored match (up to 3) is an alt-trans with its score as \
                match-quality and its memory/document as origin. Without a match the target is left \
                out, or is the source with state="needs-translation" under --copy-source.
                --format xliff2: XLIFF 2.1, a unit per sentence in a group per paragraph, exact \
                proposals state="translated", the others "initial", the stored matches as mtc:match \
                (Translation Candidates module) with matchQuality and origin.
                --format tmx: TMX 1.4b, a tu per sentence that got a proposal (a project memory \
                for CAT tools that take one), with the match's score, origin and kind as props.
                --format text: a draft, a paragraph per line, each sentence replaced by its proposal \
                and the rest kept in the original language and marked [ru: …].

                The output goes to standard output, or with -o to a file written whole or not at \
                all. Exit codes: 0 success; 64 bad usage; 65 bad input; 66 a document or memory that \
                does not exist; 73 the output cannot be written.

                Examples:
                  pamyat pretranslate release.ru.txt --from ru --to en -o release.ru-en.xlf
                  pamyat pretranslate release.ru.html --from ru --to en --min 85 --format text
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case xliff, xliff2, tmx, text
        }

        @OptionGroup var memories: MemoryOptions
        @OptionGroup var reading: ReadingOptions

        @Option(help: ArgumentHelp("The language of the document (a BCP 47 tag: ru, en, be, kk).", valueName: "lang"))
        var from: String

        @Option(help: ArgumentHelp("The language to translate into.", valueName: "lang"))
        var to: String

        @Option(
            name: .customLong("min"), parsing: .unconditional,
            help: ArgumentHelp("The least score a match needs to be proposed, 0–100.", valueName: "score"))
        var minimum = 75

        @Option(help: ArgumentHelp("xliff (XLIFF 1.2), xliff2 (XLIFF 2.1), tmx (the proposals as TMX 1.4b) or text (a draft to read).", valueName: "format"))
        var format: Format = .xliff

        @Flag(help: "Give a sentence without a match its source as target (state=\"needs-translation\"), as some CAT tools expect.")
        var copySource = false

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
        var output: String?

        @Argument(help: "The document to pre-translate (text or HTML).")
        var document: String

        func validate() throws {
            guard (0...100).contains(minimum) else { throw ValidationError("--min must be between 0 and 100, not \(minimum).") }
        }

        func run() throws {
            do {
                let source = try LanguageTag.parse(from)
                let target = try LanguageTag.parse(to)
                var pretranslator = DocumentPretranslator(
                    service: try LookupService(memories: try memories.lookupMemories()), source: source, target: target)
                pretranslator.minimum = minimum
                pretranslator.copiesSource = copySource
                pretranslator.layout = reading.layout
                let result = try pretranslator.pretranslate(document)
                let text: String
                switch format {
                case .xliff: text = XLIFFWriter.xliff12(result, toolVersion: PamyatVersion.string)
                case .xliff2: text = XLIFFWriter.xliff21(result, toolVersion: PamyatVersion.string)
                case .tmx: text = try result.tmx(toolVersion: PamyatVersion.string)
                case .text: text = result.draft
                }
                if let output, output != "-" {
                    let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                        throw AnalysisError(.cannotWrite, "\(output): the folder \(folder) does not exist; nothing was written.")
                    }
                    do {
                        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                    } catch {
                        throw AnalysisError(.cannotWrite, "\(output): cannot write the file (\((error as NSError).localizedDescription)); nothing was written.")
                    }
                } else {
                    print(text, terminator: "")
                }
            } catch {
                throw reportedExit(for: error)
            }
        }
    }
}
