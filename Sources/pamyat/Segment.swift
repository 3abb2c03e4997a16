import ArgumentParser
import Foundation
import PamyatCore
import PamyatText

extension Pamyat {
    /// `pamyat segment`: one sentence per line, a blank line between paragraphs (or JSON).
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a document into sentences: one sentence per line, a blank line between paragraphs.",
            discussion: """
                A paragraph is one line of the input; blank lines are skipped. The input must be \
                UTF-8 (a byte order mark, CRLF line ends and UTF-16 with a byte order mark are \
                accepted); text is brought to NFC and runs of spaces are folded. Sentences are found \
                by ICU's sentence rules for the language and pamyat's own rules for abbreviations, \
                initials, dates, quotes, dialogue and lists (docs/SEGMENTATION.md).

                Example:
                  $ echo 'Цена 5 тыс. руб. Далее было тихо.' | pamyat segment --lang ru -
                  Цена 5 тыс. руб.
                  Далее было тихо.

                Languages with rules: ru, en, be, uk, kk (a region such as en-GB uses its language's rules).

                Exit codes: 0 success; 64 bad usage; 65 bad input (invalid UTF-8 — the message names the \
                byte offset —, a binary or empty file, an unknown language); 66 the input file does not \
                exist; 70 internal error. On an error nothing is written to standard output.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The document's language, a BCP 47 tag: ru, en, be, uk, kk.", valueName: "tag"))
        var lang: String

        @Flag(name: .long, help: "Print JSON instead: {\"paragraphs\":[[\"sentence 1\",\"sentence 2\"],…]}.")
        var json = false

        @Argument(help: ArgumentHelp("The UTF-8 text file to segment, or - for standard input.", valueName: "file"))
        var file: String

        func validate() throws {
            if file.isEmpty {
                throw ValidationError("The file name is empty; give a path to a UTF-8 text file, or - for standard input.")
            }
        }

        func run() throws {
            let output: Data
            do {
                let tag = try LanguageTag.parse(lang)
                let segmenter = try SentenceSegmenter(language: tag)
                let text = try InputText.read(path: file)
                let paragraphs = segmenter.paragraphs(in: text)
                output = json ? try Self.json(paragraphs) : Self.plain(paragraphs)
            } catch {
                throw reportedExit(for: error)
            }
            FileHandle.standardOutput.write(output)
        }

        /// One sentence per line, a blank line between paragraphs.
        static func plain(_ paragraphs: [[String]]) -> Data {
            var text = ""
            for (index, sentences) in paragraphs.enumerated() {
                if index > 0 { text += "\n" }
                for sentence in sentences {
                    text += sentence
                    text += "\n"
                }
            }
            return Data(text.utf8)
        }

        /// `{"paragraphs":[["s1","s2"],…]}` and a line end.
        static func json(_ paragraphs: [[String]]) throws -> Data {
            struct Document: Encodable { var paragraphs: [[String]] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            var data = try encoder.encode(Document(paragraphs: paragraphs))
            data.append(0x0A)
            return data
        }
    }
}
