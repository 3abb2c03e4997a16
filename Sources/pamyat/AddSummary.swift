import PamyatService

/// Totals of an `add DIR` run.
struct AddSummary {
    var added = 0, alreadyPresent = 0, replaced = 0, failed = 0
    var unitsAdded = 0, unitsAlreadyPresent = 0, lowConfidence = 0, unmatched = 0

    mutating func record(_ report: AddReport) {
        switch report.status {
        case .added: added += 1
        case .alreadyPresent: alreadyPresent += 1
        case .replaced: replaced += 1
        }
        unitsAdded += report.unitsAdded
        unitsAlreadyPresent += report.unitsAlreadyPresent
        lowConfidence += report.lowConfidenceBeads
        unmatched += report.unmatchedSentences
    }

    var text: String {
        let documents = added + alreadyPresent + replaced + failed
        return """
            documents              \(documents) (added \(added), already present \(alreadyPresent), replaced \(replaced), failed \(failed))
            units added            \(unitsAdded)
            units already present  \(unitsAlreadyPresent)
            low-confidence beads   \(lowConfidence) (not stored)
            unmatched sentences    \(unmatched) (not stored)
            """
    }
}
