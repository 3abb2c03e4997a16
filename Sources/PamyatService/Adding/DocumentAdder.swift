import Foundation
import PamyatAlign
import PamyatCore

/// Aligns an original with its translations and stores the result in a memory, one write
/// transaction per document.
///
/// - Every translation is aligned against the original; the variants of beads that cover the same
///   original sentences meet in one unit (a multilingual unit when several translations agree).
/// - Beads below the confidence threshold and 1-0/0-1 beads are never stored.
/// - A document is identified by its id: the same id with the same content is "already present"
///   (nothing is written); the same id with new content replaces the old version's units (they are
///   deleted, not kept as history).
public struct DocumentAdder: Sendable {
    /// The default of `--min-confidence`.
    public static let defaultMinimumConfidence = AlignerConfiguration.defaultLowConfidence

    public let store: any MemoryStore
    /// Whether to build a learned lexicon from the memory's confident pairs before aligning.
    public var learnsFromMemory: Bool
    private let lexicons = LearnedLexiconCache()

    public init(store: any MemoryStore, learnsFromMemory: Bool = true) {
        self.store = store
        self.learnsFromMemory = learnsFromMemory
    }

    /// Adds one document (an original and its translations). Throws for bad input before anything
    /// is written; nothing is stored when it throws.
    public func add(_ request: AddRequest) throws -> AddReport {
        guard !request.translations.isEmpty else {
            throw AddingError(.usage, "give the original and at least one translation.", source: request.original)
        }
        let original = try LoadedDocument.load(path: request.original, language: request.sourceLanguage, layout: request.layout)
        var translations: [LoadedDocument] = []
        for path in request.translations {
            let language = request.translations.count == 1 ? request.targetLanguage : nil
            translations.append(try LoadedDocument.load(path: path, language: language, layout: request.layout))
        }
        var alignments: [Alignment] = []
        for translation in translations {
            let pair = LanguagePair(source: original.language, target: translation.language)
            let learned = learnsFromMemory ? try lexicons.lexicon(for: pair, store: store) : nil
            let aligner = try DocumentAligner(languages: pair, learned: learned)
            alignments.append(try aligner.align(original: original, translation: translation, force: request.force))
        }
        let documentID = request.documentID ?? Self.documentID(forFile: request.original)
        let hash = Self.contentHash(original: original, translations: translations)
        var report = AddReport(
            documentID: documentID, status: .added,
            languages: [original.language.identifier] + translations.map(\.language.identifier))
        let units = Self.units(
            original: original, alignments: alignments, request: request, documentID: documentID, report: &report)
        report.reviewItems = alignments.flatMap {
            ReviewItem.items(of: $0, minimumConfidence: request.minimumConfidence, documentID: documentID, title: request.title, date: request.date)
        }
        let record = DocumentRecord(
            id: documentID, title: request.title, date: request.date, sourceLanguage: original.language,
            languages: [original.language] + translations.map(\.language), contentHash: hash)
        // Read and decide inside the one write transaction: two adds of one document (in this
        // process or two) then see each other's result, and a changed document replaces exactly
        // the version stored before it.
        try store.write { session in
            let existing = try session.document(id: documentID)
            if let existing, existing.contentHash == hash {
                report.status = .alreadyPresent
                report.unitsAlreadyPresent = units.count
                return
            }
            if existing != nil {
                report.status = .replaced
                report.unitsRemoved = try session.deleteUnits(ofDocument: documentID)
            }
            try session.saveDocument(record)
            for unit in units {
                switch try session.store(unit, onDuplicate: .keepExisting) {
                case .created: report.unitsAdded += 1
                case .updated, .unchanged: report.unitsAlreadyPresent += 1
                }
            }
        }
        if report.status != .alreadyPresent { lexicons.invalidate() }
        return report
    }

    /// The units to store: one per original bead range, with a variant from every translation
    /// whose bead covers exactly those sentences at or above the threshold.
    static func units(
        original: LoadedDocument, alignments: [Alignment], request: AddRequest, documentID: String, report: inout AddReport
    ) -> [TranslationUnit] {
        let sentences = original.sentences
        var byRange: [Range<Int>: (variants: [Variant], confidence: Double)] = [:]
        var order: [Range<Int>] = []
        for alignment in alignments {
            for bead in alignment.beads {
                if bead.isOmission {
                    report.unmatchedSentences += bead.source.count + bead.target.count
                    continue
                }
                if bead.confidence < request.minimumConfidence {
                    report.lowConfidenceBeads += 1
                    report.lowConfidence.append(
                        "\(AlignmentReport.score(bead.confidence))\t\(AlignmentReport.cell(alignment.sourceText(of: bead)))\t\(AlignmentReport.cell(alignment.targetText(of: bead)))")
                    continue
                }
                let variant = Variant(language: alignment.languages.target, text: alignment.targetText(of: bead))
                if byRange[bead.source] == nil {
                    order.append(bead.source)
                    byRange[bead.source] = ([], 1)
                }
                byRange[bead.source]!.variants.append(variant)
                byRange[bead.source]!.confidence = min(byRange[bead.source]!.confidence, bead.confidence)
            }
        }
        let now = Date()
        return order.sorted { $0.lowerBound < $1.lowerBound }.map { range in
            let entry = byRange[range]!
            let text = range.map { sentences[$0] }.joined(separator: " ")
            let position = range.count == 1 ? "\(range.lowerBound + 1)" : "\(range.lowerBound + 1)-\(range.upperBound)"
            let provenance = Provenance(
                documentID: documentID, documentTitle: request.title, documentDate: request.date, position: position,
                confidence: (entry.confidence * 1000).rounded() / 1000,
                contextPrevious: range.lowerBound > 0 ? sentences[range.lowerBound - 1] : nil,
                contextNext: range.upperBound < sentences.count ? sentences[range.upperBound] : nil)
            return TranslationUnit(
                sourceLanguage: original.language,
                variants: [Variant(language: original.language, text: text)] + entry.variants,
                origin: .aligned, provenance: provenance, createdAt: now)
        }
    }

    /// A document id from a file name: the name without its extension and language part
    /// (`press-release.ru.txt` → `press-release`, `ru/report.html` → `report`).
    public static func documentID(forFile path: String) -> String {
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let inner = (name as NSString).pathExtension.lowercased()
        if LanguageGuess.known.contains(inner) { name = (name as NSString).deletingPathExtension }
        for separator in ["_", "-"] {
            if let range = name.range(of: separator, options: .backwards),
                LanguageGuess.known.contains(name[range.upperBound...].lowercased()) {
                name = String(name[..<range.lowerBound])
                break
            }
        }
        return name.isEmpty ? "document" : name
    }

    /// A hash of the pair's content (languages and sentences of every side), to tell "already
    /// present" from "a new version". FNV-1a over the canonical text, 64 bits as hex.
    static func contentHash(original: LoadedDocument, translations: [LoadedDocument]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
            value ^= 0x1E
            value &*= 0x0000_0100_0000_01b3
        }
        for document in [original] + translations.sorted(by: { $0.language.identifier < $1.language.identifier }) {
            mix(document.language.identifier)
            for paragraph in document.paragraphs {
                for sentence in paragraph { mix(sentence) }
                mix("\u{1D}")
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
