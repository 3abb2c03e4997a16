import Foundation
import PamyatCore
import PamyatTMX

/// What importing (or dry-running) one TMX file did.
public struct TMXImportReport: Sendable {
    public var file: String
    /// Units read from the file.
    public var units = 0
    /// Of those, new units stored, stored units whose dates/props were updated, and units already
    /// stored as they are (all zero for a dry run).
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Variants per language read.
    public var languages: [LanguageTag: Int] = [:]
    /// For a dry run: units that repeat an earlier unit of the same file (same content), which an
    /// import would merge. Counted among the first ``TMXImporter/repeatWindow`` units only, so that
    /// memory stays bounded whatever the file's size. (An import reports repeats as updated/unchanged.)
    public var repeatedInFile = 0
    /// Warnings (the first ``TMXReader/maximumProblems``), and how many more there were.
    public var problems: [TMXProblem] = []
    public var moreProblems = 0
    public var header: TMXHeader?
    public var dryRun: Bool

    public init(file: String, dryRun: Bool) {
        self.file = file
        self.dryRun = dryRun
    }
}

/// Progress of an import, for a terminal display.
public struct TMXImportProgress: Sendable {
    public var file: String
    public var units: Int
    public var bytesRead: Int64
    /// The file's size, when known (not for standard input).
    public var totalBytes: Int64?
}

/// Imports TMX files into a memory: one write transaction per file, so a bad file imports nothing.
///
/// Idempotent: units are stored with ``DuplicatePolicy/mergeMetadata``, so importing the same file
/// twice adds no unit; a unit whose variants all equal a stored unit's updates that unit's dates,
/// props and notes instead.
public struct TMXImporter: Sendable {
    public var limits: TMXLimits
    /// How often (in units) `progress` is called.
    public var progressInterval: Int

    /// How many units a dry run remembers to count repeats (about 40 bytes each).
    public static let repeatWindow = 1_000_000

    public init(limits: TMXLimits = .default, progressInterval: Int = 20_000) {
        self.limits = limits
        self.progressInterval = progressInterval
    }

    /// Imports `path` (`-`: standard input) into `store`; with `store == nil`, reads the file through
    /// and reports what would be imported, writing nothing.
    public func importFile(
        _ path: String, into store: (any MemoryStore)?, progress: ((TMXImportProgress) -> Void)? = nil
    ) throws -> TMXImportReport {
        let reader = try TMXReader(path: path, limits: limits)
        var report = TMXImportReport(file: path, dryRun: store == nil)
        report.header = reader.header
        let total = path == "-" ? nil : ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value
        // Dry run: content hashes seen, to count repeats (a hash collision would miscount one
        // repeat, nothing more); bounded by repeatWindow.
        var seen = Set<Int64>()
        func consume(_ unit: TranslationUnit) {
            report.units += 1
            for variant in unit.variants { report.languages[variant.language, default: 0] += 1 }
            if store == nil && report.units <= Self.repeatWindow, !seen.insert(UnitContent(unit).hash).inserted {
                report.repeatedInFile += 1
            }
            if let progress, report.units % progressInterval == 0 {
                progress(TMXImportProgress(file: path, units: report.units, bytesRead: reader.bytesConsumed, totalBytes: total))
            }
        }
        if let store {
            try store.write { session in
                while let unit = try reader.next() {
                    consume(unit)
                    switch try session.store(unit, onDuplicate: .mergeMetadata) {
                    case .created: report.created += 1
                    case .updated: report.updated += 1
                    case .unchanged: report.unchanged += 1
                    }
                }
            }
        } else {
            while let unit = try reader.next() { consume(unit) }
        }
        report.problems = reader.problems
        report.moreProblems = reader.unreportedProblems
        return report
    }
}
