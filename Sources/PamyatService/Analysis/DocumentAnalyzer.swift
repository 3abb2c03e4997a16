import Foundation
import PamyatCore
import PamyatText

/// Analyses documents against memories, as a CAT tool's "Analyze" does: how much of each has been
/// translated before, band by band.
///
/// Each document is read as `add` reads it (text or HTML, the same paragraph rules) and segmented;
/// every sentence is looked up with the sentence before it (in the same document) as context. The
/// first time a sentence occurs in the batch it counts in the band of its best match (101 when the
/// stored unit has the same previous sentence); every later time, as a repetition (translated once,
/// it is translated everywhere). Words are counted by ``WordCounter``.
public struct DocumentAnalyzer {
    public let service: LookupService
    public let source: LanguageTag
    public let target: LanguageTag
    public let bands: MatchBands
    public var layout: TextLayout = .auto

    public init(service: LookupService, source: LanguageTag, target: LanguageTag, bands: MatchBands = .standard) {
        self.service = service
        self.source = source
        self.target = target
        self.bands = bands
    }

    /// Analyses `paths` in order, calling `progress` after each document with its table.
    public func analyze(_ paths: [String], progress: (AnalysisTable) -> Void = { _ in }) throws -> AnalysisReport {
        let counter = try WordCounter(language: source)
        var seen: Set<String> = []
        var report = AnalysisReport(bands: bands, documents: [])
        for path in paths {
            let document = try LoadedDocument.load(path: path, language: source, layout: layout)
            var table = AnalysisTable(document: path)
            var previous: String?
            for sentence in document.sentences {
                let count = AnalysisCount(
                    segments: 1, words: counter.count(sentence), characters: sentence.count(where: { !$0.isWhitespace }))
                if seen.insert(sentence).inserted {
                    let request = LookupRequest(text: sentence, from: source, to: target, minimum: bands.minimum, limit: 1, previous: previous)
                    table.add(count, to: bands.band(score: try service.lookup(request).first?.score))
                } else {
                    table.add(count, to: .repetition)
                }
                previous = sentence
            }
            report.documents.append(table)
            progress(table)
        }
        return report
    }
}
