import ArgumentParser
import Foundation
import PamyatCore
import PamyatService
import PamyatText

extension Pamyat {
    /// `pamyat concordance`: every stored sentence that contains a word, a phrase or part of a word.
    struct Concordance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show stored sentences that contain TEXT (a word, a phrase or part of a word), with their translations.",
            discussion: """
                The search ignores case and white space and finds parts of words too («сотрудничеств» \
                finds «сотрудничество» and «сотрудничества»). Hits are shown newest first, the \
                searched text marked [[like this]] (bold on a terminal), with the translation in \
                --to (or all the unit's other languages).

                Examples:
                  pamyat concordance --lang ru ОДКБ
                  pamyat concordance --lang ru --to en --limit 5 "сотрудничеств"
                """)

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("The language to search in (a BCP 47 tag: ru, en, be, kk).", valueName: "lang"))
        var lang: String

        @Option(help: ArgumentHelp("Show only units with a translation in this language, and that translation.", valueName: "lang"))
        var to: String?

        @Option(help: ArgumentHelp("The most hits to show.", valueName: "n"))
        var limit = 20

        @Flag(help: "Print JSON: {\"query\":…,\"hits\":[{\"unit\":…,\"memory\":…,\"text\":…,\"highlights\":[[start,end]],\"translations\":[{\"language\":…,\"text\":…}],…}]}.")
        var json = false

        @Option(help: ArgumentHelp("Mark hits in colour: auto (on a terminal), always or never.", valueName: "when"))
        var color: ColorChoice = .auto

        @Argument(help: "The text to search for.")
        var text: String

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1, not \(limit).") }
            guard !Normalizer.canonical(text).isEmpty else { throw ValidationError("The text to search for is empty.") }
        }

        func run() throws {
            do {
                if let bad = RawArguments.firstInvalidUTF8() {
                    throw TextError(.invalidUTF8, "argument \(bad.argument) is not valid UTF-8 (bad byte at offset \(bad.offset)); give text in UTF-8.")
                }
                let language = try LanguageTag.parse(lang)
                let target = try to.map { try LanguageTag.parse($0) }
                let names: [String?] = memories.memory.isEmpty ? [nil] : memories.memory.map(Optional.some)
                let opened = try names.map { name in
                    LookupService.Memory(name: memories.catalog.displayName(name), store: try memories.catalog.open(name, create: false))
                }
                let service = try LookupService(memories: opened, openIndexes: false)
                let hits = try service.concordance(ConcordanceRequest(text: text, language: language, to: target, limit: limit))
                if json {
                    print(MatchPrinter.encode(ConcordanceResult(query: text, hits: hits)))
                } else {
                    print(render(hits, color: color.enabled))
                }
            } catch {
                throw reportedExit(for: error)
            }
        }

        func render(_ hits: [ConcordanceHit], color: Bool) -> String {
            guard !hits.isEmpty else { return "no sentence contains «\(text)»" }
            var lines: [String] = []
            for hit in hits {
                lines.append("\(hit.language)  \(Self.marked(hit.text, hit.highlights, color: color))")
                for translation in hit.translations { lines.append("\(translation.language)  \(translation.text)") }
                var provenance = [hit.memory]
                if let document = hit.document { provenance.append(document) }
                if let date = hit.date { provenance.append(date) }
                provenance.append("unit \(hit.unit)")
                let line = provenance.joined(separator: " · ")
                lines.append(color ? "    \u{1B}[2m\(line)\u{1B}[0m" : "    \(line)")
                lines.append("")
            }
            return lines.dropLast().joined(separator: "\n")
        }

        /// `text` with the scalar ranges marked.
        static func marked(_ text: String, _ ranges: [[Int]], color: Bool) -> String {
            let scalars = Array(text.unicodeScalars)
            var result = String.UnicodeScalarView()
            var position = 0
            for range in ranges where range.count == 2 && range[0] >= position && range[1] <= scalars.count {
                result.append(contentsOf: scalars[position..<range[0]])
                result.append(contentsOf: (color ? "\u{1B}[1;33m" : "[[").unicodeScalars)
                result.append(contentsOf: scalars[range[0]..<range[1]])
                result.append(contentsOf: (color ? "\u{1B}[0m" : "]]").unicodeScalars)
                position = range[1]
            }
            result.append(contentsOf: scalars[position...])
            return String(result)
        }
    }
}

/// The JSON of `pamyat concordance --json`.
struct ConcordanceResult: Encodable {
    var query: String
    var hits: [ConcordanceHit]
}
