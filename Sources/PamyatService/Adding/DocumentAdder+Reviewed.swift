import Foundation
import PamyatCore

/// What adding a reviewed file did.
public struct ReviewedReport: Hashable, Sendable, Codable {
    /// Rows marked keep.
    public var kept = 0
    /// Rows marked drop (ignored).
    public var dropped = 0
    /// Units created from kept rows.
    public var unitsAdded = 0
    /// Kept rows whose unit was already in the memory.
    public var unitsAlreadyPresent = 0
}

extension DocumentAdder {
    /// Stores the rows of a review file marked `keep` as units, in one write transaction: origin
    /// `added` (a person confirmed them), the row's document, title, date and original positions
    /// as provenance. Adding the same file again adds nothing.
    public func addReviewed(_ items: [ReviewItem]) throws -> ReviewedReport {
        var report = ReviewedReport()
        let now = Date()
        var units: [TranslationUnit] = []
        for item in items {
            guard item.keep else {
                report.dropped += 1
                continue
            }
            report.kept += 1
            let provenance = Provenance(
                documentID: item.documentID, documentTitle: item.title, documentDate: item.date,
                position: item.sourcePositions.isEmpty ? nil : item.sourcePositions)
            units.append(TranslationUnit(
                sourceLanguage: item.sourceLanguage,
                variants: [Variant(language: item.sourceLanguage, text: item.source), Variant(language: item.targetLanguage, text: item.target)],
                origin: .added, provenance: provenance, createdAt: now))
        }
        guard !units.isEmpty else { return report }
        try store.write { session in
            for unit in units {
                switch try session.store(unit, onDuplicate: .keepExisting) {
                case .created: report.unitsAdded += 1
                case .updated, .unchanged: report.unitsAlreadyPresent += 1
                }
            }
        }
        return report
    }
}
