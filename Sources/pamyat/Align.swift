import ArgumentParser
import Foundation
import PamyatAlign
import PamyatCore
import PamyatService
import PamyatText

extension Pamyat {
    /// `pamyat align ORIGINAL TRANSLATION`: prints the alignment without storing it.
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align an original with its translation and print the sentence pairs (nothing is stored).",
            discussion: """
                Paragraphs are aligned first, then the sentences inside them, by a length model plus \
                anchors (numbers, dates, transliterated names, acronyms, a ru-en lexicon); see \
                docs/ALIGNMENT.md. Files are UTF-8 text or HTML. In text, every line is a paragraph \
                (headings, labels and list items included), except in blocks of hard-wrapped prose \
                (lines broken inside sentences), which are joined back into paragraphs; --wrapped and \
                --no-wrap force either reading.

                Output (TSV): score<TAB>original<TAB>translation, one bead per line; the sentences of a \
                2-1 bead are joined by a space; a score below --min-confidence ends with '?'. Sentences \
                without a partner are counted on standard error and listed by --json.

                Example:
                  pamyat align memories/samples/press-release.ru.txt memories/samples/press-release.en.txt
                  pamyat align release.ru.html release.en.html --json
                  pamyat align doc.ru.txt doc.en.txt --memory press   (with the lexicon learned from 'press')
                """)

        @Argument(help: ArgumentHelp("The original document (text or HTML).", valueName: "original"))
        var original: String

        @Argument(help: ArgumentHelp("The translated document (text or HTML).", valueName: "translation"))
        var translation: String

        @Option(help: ArgumentHelp("The original's language (default: from the file name, else from its letters).", valueName: "lang"))
        var from: String?

        @Option(help: ArgumentHelp("The translation's language (default: from the file name, else from its letters).", valueName: "lang"))
        var to: String?

        @Flag(help: "Print JSON (pairs, unmatched sentences, paragraph beads) instead of TSV.")
        var json = false

        @Flag(help: "Print a TMX 1.4b document of the pairs instead of TSV.")
        var tmx = false

        @Option(help: ArgumentHelp("Beads below this confidence (0…1) are marked as low-confidence.", valueName: "x"))
        var minConfidence: Double = AddOptionsDefaults.minConfidence

        @Flag(help: "Align even when the lengths differ too much for a translation.")
        var force = false

        @OptionGroup var reading: ReadingOptions

        @Option(help: ArgumentHelp("Also use the lexicon learned from this memory's confident pairs (name or path; read only).", valueName: "name|path"))
        var memory: String?

        func validate() throws {
            if json && tmx { throw ValidationError("Give either --json or --tmx, not both.") }
            guard (0...1).contains(minConfidence) else {
                throw ValidationError("--min-confidence must be between 0 and 1; \(minConfidence) is not.")
            }
        }

        func run() throws {
            do {
                let from = try from.map { try LanguageTag.parse($0) }
                let to = try to.map { try LanguageTag.parse($0) }
                let source = try LoadedDocument.load(path: original, language: from, layout: reading.layout)
                let target = try LoadedDocument.load(path: translation, language: to, layout: reading.layout)
                let pair = LanguagePair(source: source.language, target: target.language)
                let learned = try memory.map { try LearnedLexicon.learn(from: MemoryCatalog().open($0, create: false, readOnly: true), languages: pair) } ?? nil
                let aligner = try DocumentAligner(languages: pair, learned: learned)
                let alignment = try aligner.align(original: source, translation: target, force: force)
                let report = AlignmentReport(alignment: alignment, original: original, translation: translation, lowConfidence: minConfidence)
                if json {
                    FileHandle.standardOutput.write(Data(try report.json().utf8))
                } else if tmx {
                    FileHandle.standardOutput.write(Data(try report.tmx().utf8))
                } else {
                    FileHandle.standardOutput.write(Data(report.tsv().utf8))
                    let left = alignment.beads.filter { $0.target.isEmpty }.reduce(0) { $0 + $1.source.count }
                    let added = alignment.beads.filter { $0.source.isEmpty }.reduce(0) { $0 + $1.target.count }
                    if left + added > 0 {
                        printError("\(left) original sentence(s) and \(added) translation sentence(s) have no partner (see --json).")
                    }
                }
            } catch {
                throw reportedExit(for: error)
            }
        }
    }
}

/// Defaults shared by `align` and `add`.
enum AddOptionsDefaults {
    /// Beads below this confidence are marked (align) or not stored (add).
    static let minConfidence = DocumentAdder.defaultMinimumConfidence
}
