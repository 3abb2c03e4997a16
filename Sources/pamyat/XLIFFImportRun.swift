import Foundation
import PamyatCore
import PamyatService

/// Stores the confirmed segments of a translated XLIFF file and prints one summary line: shared by
/// `pamyat import FILE.xlf` and `pamyat add --xliff FILE`, so both accept the same states and say the same.
struct XLIFFImportRun {
    /// `--states`: target states whose segments are stored, separated by commas; nil keeps the importer's default.
    var states: String?

    /// Imports `file` into `store` (nil: a dry run that only reads) and prints the summary line.
    /// - Parameter memoryName: how the memory is named in the summary.
    func run(_ file: String, into store: (any MemoryStore)?, memoryName: String) throws {
        var importer = XLIFFImporter()
        if let states {
            importer.acceptedStates = Set(states.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        let report = try importer.importFile(file, into: store)
        print(Self.line(for: report, file: file, memoryName: store == nil ? nil : memoryName))
    }

    /// The summary line of one imported file; `memoryName` nil for a dry run.
    static func line(for report: XLIFFImportReport, file: String, memoryName: String?) -> String {
        let pair = "\(report.sourceLanguage.map(\.description) ?? "?")→\(report.targetLanguage.map(\.description) ?? "?")"
        let units = "\(report.created) unit\(report.created == 1 ? "" : "s")"
        var line = "\(file): XLIFF \(pair), \(report.segments) segments with a target; "
        if let memoryName {
            line += "\(units) into \(memoryName) (\(report.alreadyPresent) already present)"
        } else {
            line += "\(units) would be imported"
        }
        let skipped = report.skippedByState.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if !skipped.isEmpty { line += "; not confirmed, left out: \(skipped.joined(separator: ", "))" }
        if report.blankSkipped > 0 { line += "; \(report.blankSkipped) blank left out" }
        return line
    }
}
