import ArgumentParser
import Foundation
import PamyatCore
import PamyatService
import PamyatText

extension Pamyat {
    /// `pamyat add ORIGINAL TRANSLATION…` or `pamyat add DIR`: aligns and stores.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align an original with its translations and store the sentence pairs in a memory.",
            discussion: """
                With several translations (doc.ru.txt doc.en.txt doc.be.txt) each is aligned against the \
                original, and the translations of the same original sentences meet in one multilingual \
                unit. With a directory, files are paired by name: NAME.ru.txt + NAME.en.txt (.html too), \
                or ru/NAME.txt + en/NAME.txt; a progress bar shows on a terminal, and a summary ends the run.

                Beads below --min-confidence and sentences without a partner are reported, never stored; \
                --review FILE writes them to a review file (TSV; a directory writes DIR.review.tsv beside \
                it by default): set a row's decision to keep (and fill in a missing side if you like), \
                then store the kept rows with --reviewed FILE. \
                --xliff FILE stores the confirmed segments of a translated XLIFF 1.2 or 2.x file from a CAT \
                tool (the same as pamyat import FILE.xlf; --states picks which targets count as confirmed). \
                One transaction per document: a failure leaves the memory as it was. Adding the same \
                document again adds nothing ("already present"); a changed document with the same \
                --doc-id replaces the units of its previous version (they are deleted).

                Example:
                  pamyat add memories/samples/press-release.ru.txt memories/samples/press-release.en.txt
                  pamyat add releases/ --memory press --min-confidence 0.7
                  pamyat add doc.ru.txt doc.en.txt --review doc.review.tsv
                  pamyat add --reviewed doc.review.tsv
                  pamyat add --xliff release.ru-en.xlf --states final
                """)

        @Argument(help: ArgumentHelp("The original and its translations, or one directory of document pairs.", valueName: "file|dir"))
        var paths: [String] = []

        @OptionGroup var memories: MemoryOptions

        @Option(help: ArgumentHelp("The original's language (default: from the file name, else from its letters; 'ru' for a directory).", valueName: "lang"))
        var from: String?

        @Option(help: ArgumentHelp("The translation's language, for a single translation (default: from the file name, else from its letters).", valueName: "lang"))
        var to: String?

        @Option(help: ArgumentHelp("The document's id in the memory (default: the original's file name without language and extension).", valueName: "id"))
        var docId: String?

        @Option(help: ArgumentHelp("The document's title, kept with every unit.", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("The document's date, YYYY-MM-DD, kept with every unit.", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Beads below this confidence (0…1) are reported, not stored.", valueName: "x"))
        var minConfidence: Double = DocumentAdder.defaultMinimumConfidence

        @Flag(help: "Add even when the lengths differ too much for a translation.")
        var force = false

        @OptionGroup var reading: ReadingOptions

        @Option(help: ArgumentHelp("Write the low-confidence pairs and unpaired sentences to this review file (TSV).", valueName: "file"))
        var review: String?

        @Option(help: ArgumentHelp("Store the rows marked keep of a review file written by --review (no documents are aligned).", valueName: "file"))
        var reviewed: String?

        @Option(help: ArgumentHelp("Store the confirmed segments of a translated XLIFF 1.2 or 2.x file (no documents are aligned).", valueName: "file"))
        var xliff: String?

        @Option(help: ArgumentHelp(
            "With --xliff: the target states whose segments are stored, separated by commas (default: translated,final,signed-off,reviewed).",
            valueName: "states"))
        var states: String?

        func validate() throws {
            try memories.validateSingle(command: "add")
            if states != nil && xliff == nil {
                throw ValidationError("--states picks the XLIFF targets to store; it needs --xliff FILE.")
            }
            if xliff != nil {
                guard paths.isEmpty else {
                    throw ValidationError("--xliff stores a translated XLIFF file; give no documents with it (pamyat add --xliff FILE).")
                }
                if review != nil || reviewed != nil { throw ValidationError("--xliff cannot be combined with --review or --reviewed.") }
                return
            }
            if reviewed != nil {
                guard paths.isEmpty else {
                    throw ValidationError("--reviewed stores a review file; give no documents with it (pamyat add --reviewed FILE).")
                }
                if review != nil { throw ValidationError("Give either --review (write a review file) or --reviewed (store one), not both.") }
                return
            }
            guard !paths.isEmpty else {
                throw ValidationError("Give an original and its translation (pamyat add doc.ru.txt doc.en.txt), or a directory.")
            }
            guard (0...1).contains(minConfidence) else {
                throw ValidationError("--min-confidence must be between 0 and 1; \(minConfidence) is not.")
            }
            if let date, CalendarDate(iso: date) == nil {
                throw ValidationError("--date must be a day that exists, written YYYY-MM-DD; '\(TextExcerpt.short(date, limit: 40))' is not.")
            }
            if paths.count == 1 {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), isDirectory.boolValue {
                    if docId != nil || title != nil || date != nil {
                        throw ValidationError("--doc-id, --title and --date name one document; they cannot be used with a directory.")
                    }
                    if to != nil { throw ValidationError("--to cannot be used with a directory: languages come from the file names.") }
                    return
                }
                throw ValidationError("'\(paths[0])' is not a directory; give an original and at least one translation.")
            }
            if to != nil && paths.count > 2 {
                throw ValidationError("--to names the language of a single translation; with several, languages come from the file names.")
            }
        }

        func run() throws {
            do {
                let fromTag = try from.map { try LanguageTag.parse($0) }
                let toTag = try to.map { try LanguageTag.parse($0) }
                if let xliff {
                    try memories.withWritableMemory { store in
                        try XLIFFImportRun(states: states).run(xliff, into: store, memoryName: memories.catalog.displayName(memories.single))
                    }
                    return
                }
                if let reviewed {
                    let items = try ReviewFile.read(path: reviewed)
                    try memories.withWritableMemory { store in
                        let report = try DocumentAdder(store: store).addReviewed(items)
                        print("\(reviewed): \(report.kept) row(s) kept, \(report.dropped) dropped; \(report.unitsAdded) units added, \(report.unitsAlreadyPresent) already present")
                    }
                    return
                }
                try memories.withWritableMemory { store in
                    let adder = DocumentAdder(store: store)
                    if paths.count == 1 {
                        try addDirectory(paths[0], adder: adder, source: fromTag ?? LanguageTag(canonical: "ru"))
                        return
                    }
                    let request = AddRequest(
                        original: paths[0], translations: Array(paths.dropFirst()), sourceLanguage: fromTag, targetLanguage: toTag,
                        documentID: docId, title: title, date: date, minimumConfidence: minConfidence, force: force,
                        layout: reading.layout)
                    let report = try adder.add(request)
                    print(Self.line(for: report))
                    for line in report.lowConfidence { print("  low confidence, not stored: \(line)") }
                    if let review { try Self.writeReview(report.reviewItems, to: review) }
                }
            } catch {
                throw reportedExit(for: error)
            }
        }

        private func addDirectory(_ directory: String, adder: DocumentAdder, source: LanguageTag) throws {
            let (groups, unpaired) = try DirectoryPairing.groups(in: directory, sourceLanguage: source)
            for file in unpaired { printError("\(file): no partner in another language; skipped.") }
            guard !groups.isEmpty else {
                throw AddingError(.noPairs, "no document pairs here; name files NAME.\(source).txt + NAME.en.txt, or put them in \(source)/ and en/ folders.", source: directory)
            }
            let progress = DirectoryProgress(total: groups.count)
            var summary = AddSummary()
            var reviewItems: [ReviewItem] = []
            for (index, group) in groups.enumerated() {
                progress.update(done: index, message: "adding \(group.name)…", transient: true)
                let request = AddRequest(
                    original: group.original, translations: group.translations, sourceLanguage: source,
                    minimumConfidence: minConfidence, force: force, layout: reading.layout)
                do {
                    let report = try adder.add(request)
                    summary.record(report)
                    reviewItems += report.reviewItems
                    progress.update(done: index + 1, message: Self.line(for: report))
                } catch {
                    summary.failed += 1
                    progress.clear()
                    _ = reportedExit(for: error)
                    progress.update(done: index + 1, message: "\(group.name): failed")
                }
            }
            progress.finish()
            print(summary.text)
            if !reviewItems.isEmpty || review != nil {
                let path = review ?? Self.defaultReviewPath(forDirectory: directory)
                do {
                    try Self.writeReview(reviewItems, to: path)
                } catch let error as ReviewFileError where review == nil {
                    printError("\(error.description) (the summary above is complete; pass --review FILE to write it elsewhere)")
                }
            }
            if summary.failed > 0 { throw ExitCode(65) }
        }

        /// `releases/` → `releases.review.tsv` beside the directory.
        static func defaultReviewPath(forDirectory directory: String) -> String {
            let url = URL(fileURLWithPath: directory).standardizedFileURL
            return url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".review.tsv").path
        }

        static func writeReview(_ items: [ReviewItem], to path: String) throws {
            try ReviewFile.write(items, to: path)
            if items.isEmpty {
                print("review file: \(path) (nothing to review)")
            } else {
                print("review file: \(path) (\(items.count) item(s): set decision to keep for those to store, then run pamyat add --reviewed \(path))")
            }
        }

        static func line(for report: AddReport) -> String {
            let languages = report.languages.first.map { "\($0) → " + report.languages.dropFirst().joined(separator: ", ") } ?? ""
            var tail = "\(report.lowConfidenceBeads) low-confidence bead(s) not stored, \(report.unmatchedSentences) sentence(s) without a partner"
            switch report.status {
            case .added:
                return "added \(report.documentID) (\(languages)): \(report.unitsAdded) units added, \(report.unitsAlreadyPresent) already present, " + tail
            case .alreadyPresent:
                return "\(report.documentID) (\(languages)) is already present: nothing added (\(report.unitsAlreadyPresent) units already present)"
            case .replaced:
                tail = "removed \(report.unitsRemoved) units of the previous version; " + tail
                return "replaced \(report.documentID) (\(languages)): \(report.unitsAdded) units added, \(report.unitsAlreadyPresent) already present, " + tail
            }
        }
    }
}
