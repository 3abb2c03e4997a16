import Foundation
import PamyatCore
import PamyatTMX

/// What an XLIFF import did.
public struct XLIFFImportReport: Hashable, Sendable {
    public var file: String
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    /// Segments with a source and a target in the file.
    public var segments = 0
    /// Units stored anew, and segments the memory already held.
    public var created = 0
    public var alreadyPresent = 0
    /// Segments left out because their state is not accepted, by state (`(none)` for no state).
    public var skippedByState: [String: Int] = [:]
    /// Segments left out because their source or target is empty or white space only.
    public var blankSkipped = 0
}

/// Stores the confirmed segments of a translated XLIFF file (from any CAT tool) as units, with the
/// file's `original` (or its name) as the document, each unit's previous source sentence as its
/// context (so that a later lookup of the same sentence after the same one scores 101). One write
/// transaction: a file that fails to read stores nothing. Importing the same file again stores
/// nothing new.
public struct XLIFFImporter: Sendable {
    /// The target states whose segments are stored. XLIFF 1.2 targets without a state count as
    /// ``unstatedIsConfirmed`` says; XLIFF 2.x segments without one are `initial`.
    public var acceptedStates: Set<String>
    public var unstatedIsConfirmed: Bool

    /// The default: 1.2's `translated`, `final` and `signed-off`, 2.x's `translated`, `reviewed`
    /// and `final`; a 1.2 target without a state is taken as translated.
    public static let defaultStates: Set<String> = ["translated", "final", "signed-off", "reviewed"]

    public init(acceptedStates: Set<String> = XLIFFImporter.defaultStates, unstatedIsConfirmed: Bool = true) {
        self.acceptedStates = acceptedStates
        self.unstatedIsConfirmed = unstatedIsConfirmed
    }

    /// Imports `path` into `store`; with no store, reads the file through and counts what would
    /// be stored (nothing counts as already present then).
    public func importFile(_ path: String, into store: (any MemoryStore)?) throws -> XLIFFImportReport {
        let reader = try XLIFFReader(path: path)
        var report = XLIFFImportReport(file: path)
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? Date()
        let date = Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down))
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        func run(_ session: (any MemoryWriteSession)?) throws {
            var previous: (original: String?, source: String)?
            try reader.forEachSegment { segment in
                report.segments += 1
                defer { previous = (segment.original, segment.source) }
                guard let source = reader.sourceLanguage, let target = reader.targetLanguage else { return }
                let confirmed = segment.state.map { acceptedStates.contains($0) } ?? unstatedIsConfirmed
                guard confirmed else {
                    report.skippedByState[segment.state ?? "(none)", default: 0] += 1
                    return
                }
                guard !Variant.isBlank(segment.source), !Variant.isBlank(segment.target) else {
                    report.blankSkipped += 1
                    return
                }
                let context = previous.flatMap { $0.original == segment.original ? $0.source : nil }
                let unit = TranslationUnit(
                    sourceLanguage: source,
                    variants: [Variant(language: source, text: segment.source), Variant(language: target, text: segment.target)],
                    origin: .imported,
                    provenance: Provenance(documentID: segment.original ?? fileName, contextPrevious: context),
                    createdAt: date)
                guard let session else {
                    report.created += 1
                    return
                }
                switch try session.store(unit, onDuplicate: .keepExisting) {
                case .created: report.created += 1
                case .updated, .unchanged: report.alreadyPresent += 1
                }
            }
        }
        if let store { try store.write { try run($0) } } else { try run(nil) }
        report.sourceLanguage = reader.sourceLanguage
        report.targetLanguage = reader.targetLanguage
        return report
    }
}
