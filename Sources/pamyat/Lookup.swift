import ArgumentParser
import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import PamyatText

extension Pamyat {
    /// `pamyat lookup`: fuzzy matches for a sentence, or for each line of standard input.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the stored translations of the sentences most like TEXT (fuzzy matching).",
            discussion: """
                Each match shows its score, the stored source with the differences to TEXT marked \
                ([-only in the stored source-]{+only in TEXT+}, or colours on a terminal), the \
                translation, and where it comes from (memory, document, date, unit).

                The score is the word-level edit distance of docs/MATCHING.md: 100 for the same \
                sentence (up to white space and Unicode normal form), at most 99 for any difference, \
                101 for an exact match whose stored previous sentence is --prev. When a match differs \
                from TEXT only in numbers, its translation gets TEXT's numbers ("adapted").

                Without TEXT, reads one sentence per line from standard input (each line's previous \
                line is its --prev) and answers each; with --json, one JSON object per line.

                Examples:
                  pamyat lookup --from ru --to en "Президент провёл встречу с делегацией."
                  pamyat lookup --from ru --to en --memory main --memory old --penalty old=10 TEXT
                  pamyat lookup --from ru --to en --json < sentences.txt
                  pamyat lookup --connect 127.0.0.1:7341 --from ru --to en TEXT   (ask a running pamyat serve)
                """)

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("The language of TEXT (a BCP 47 tag: ru, en, be, kk).", valueName: "lang"))
        var from: String

        @Option(help: ArgumentHelp("The language of the translations wanted.", valueName: "lang"))
        var to: String

        // `.unconditional`: `--min -5` is the value -5 (refused by validate()), not a missing value
        // followed by an unknown option `-5`.
        @Option(
            name: .customLong("min"), parsing: .unconditional,
            help: ArgumentHelp("The least score a match needs, 0–100.", valueName: "score"))
        var minimum = 70

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The most distinct stored sources to show (several translations of one source count once).", valueName: "n"))
        var limit = 5

        @Option(name: .customLong("prev"), help: ArgumentHelp("The sentence before TEXT in your document: an exact match stored after the same sentence scores 101.", valueName: "text"))
        var previous: String?

        @Option(help: ArgumentHelp("Take N points off every score from memory NAME (as OmegaT's penalty folders do). Repeatable.", valueName: "name=n"))
        var penalty: [String] = []

        @Flag(help: "Score every stored sentence instead of using the index (the same results, slower; for checking).")
        var exhaustive = false

        @Flag(help: "Let a word replaced by a similar word (a typo, another ending: edit distance 1–2, 4+ letters) cost 0.1–0.3 of a word instead of a whole one. Finds more, but lookups cost about 30 times more.")
        var similarWords = false

        @Flag(help: "Print JSON: {\"query\":…,\"matches\":[{\"score\":…,\"source\":…,\"target\":…,\"unit\":…,\"memory\":…,\"document\":…,\"adapted\":…,\"diff\":[…],…}]}, one line per query.")
        var json = false

        @Option(help: ArgumentHelp("Colour the differences: auto (on a terminal), always or never.", valueName: "when"))
        var color: ColorChoice = .auto

        @Option(help: ArgumentHelp(
            "Ask the `pamyat serve` at HOST:PORT instead of opening memories ($PAMYAT_TOKEN is sent if the server needs a token).",
            valueName: "host:port"))
        var connect: String?

        @Argument(help: "The sentence to look up. Without it, sentences are read from standard input, one per line.")
        var text: String?

        func validate() throws {
            guard (0...100).contains(minimum) else {
                throw ValidationError("--min must be between 0 and 100, not \(minimum).")
            }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1, not \(limit).") }
            _ = try penalties()
            if connect != nil, !penalty.isEmpty || exhaustive || memories.memory.count > 1 {
                throw ValidationError("--connect takes at most one --memory (a name the server serves) and no --penalty or --exhaustive.")
            }
        }

        /// `--penalty NAME=N` values by memory name.
        func penalties() throws -> [String: Int] {
            var result: [String: Int] = [:]
            let names = memories.memory.isEmpty ? [memories.catalog.defaultName] : memories.memory
            for value in penalty {
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let points = Int(parts[1]), (0...100).contains(points) else {
                    throw ValidationError("--penalty takes NAME=N with N from 0 to 100, as in --penalty old=10; '\(value)' is not that.")
                }
                guard names.contains(parts[0]) else {
                    throw ValidationError("--penalty names memory '\(parts[0])', which is not one of the --memory given (\(names.joined(separator: ", "))).")
                }
                result[parts[0]] = points
            }
            return result
        }

        func run() throws {
            do {
                if let bad = RawArguments.firstInvalidUTF8() {
                    throw TextError(.invalidUTF8, "argument \(bad.argument) is not valid UTF-8 (bad byte at offset \(bad.offset)); give text in UTF-8.")
                }
                let source = try LanguageTag.parse(from)
                let target = try LanguageTag.parse(to)
                let lookup: (LookupRequest) throws -> [LookupMatch]
                if let connect {
                    lookup = try RemoteLookup(endpoint: connect, memory: memories.memory.first).lookup
                } else {
                    lookup = try LookupService(memories: try openMemories(), openIndexes: true).lookup
                }
                let printer = MatchPrinter(json: json, color: color.enabled, minimum: minimum)
                if let text {
                    let request = LookupRequest(
                        text: text, from: source, to: target, minimum: minimum, limit: limit, previous: previous,
                        exhaustive: exhaustive, similarWords: similarWords)
                    printer.print(query: text, matches: try lookup(request), batch: false)
                } else {
                    try lookupLines(lookup: lookup, source: source, target: target, printer: printer)
                }
            } catch {
                throw reportedExit(for: error)
            }
        }

        /// The memories named by --memory (or the default one), read-only, with their penalties.
        func openMemories() throws -> [LookupService.Memory] {
            try memories.lookupMemories(penalties: try penalties())
        }

        /// Batch mode: each line of standard input is a query, its previous line its context.
        func lookupLines(lookup: (LookupRequest) throws -> [LookupMatch], source: LanguageTag, target: LanguageTag, printer: MatchPrinter) throws {
            var failures = 0
            var previousLine = previous
            var answered = 0
            var lines = BoundedLines(FileHandle.standardInput, limit: FuzzyIndex.maximumQueryBytes + 2)
            var number = -1
            while let line = try lines.next() {
                number += 1
                guard case .line(var bytes) = line else {
                    // Refused while reading: a 200 MB line costs no more memory than a short one.
                    printError("<stdin>:\(number + 1): the line is over \(FuzzyIndex.maximumQueryBytes) bytes (look up one sentence at a time); it was skipped.")
                    failures += 1
                    previousLine = nil
                    continue
                }
                if bytes.last == 0x0D { bytes.removeLast() }
                if let bad = InputText.firstInvalidUTF8Offset(bytes) {
                    printError("<stdin>:\(number + 1): not valid UTF-8 (bad byte at offset \(bad)); the line was skipped.")
                    failures += 1
                    previousLine = nil
                    continue
                }
                let text = String(decoding: bytes, as: UTF8.self)
                guard !Normalizer.canonical(text).isEmpty else { continue }
                do {
                    let request = LookupRequest(
                        text: text, from: source, to: target, minimum: minimum, limit: limit, previous: previousLine,
                        exhaustive: exhaustive, similarWords: similarWords)
                    printer.print(query: text, matches: try lookup(request), batch: true)
                    answered += 1
                } catch let error as MatchError {
                    printError("<stdin>:\(number + 1): \(error.message)")
                    failures += 1
                }
                previousLine = text
            }
            if answered == 0 && failures == 0 {
                throw MatchError(.emptyQuery, "Standard input holds no sentence to look up; give TEXT or one sentence per line.")
            }
            if failures > 0 { throw ExitCode.dataError }
        }
    }
}
