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
    /// Only this memory (by name); nil for all, in order.
    public var memory: String?

    public init(service: LookupService, source: LanguageTag, target: LanguageTag, bands: MatchBands = .standard) {
        self.service = service
        self.source = source
        self.target = target
        self.bands = bands
    }

    /// Analyses the files at `paths` in order, calling `progress` after each document with its table.
    public func analyze(_ paths: [String], progress: (AnalysisTable) -> Void = { _ in }) throws -> AnalysisReport {
        var analysis = try Analysis(self)
        for path in paths {
            progress(try analysis.add(LoadedDocument.load(path: path, language: source, layout: layout)))
        }
        return analysis.report
    }

    /// Analyses documents already read (a document sent to the server), in order.
    public func analyze(documents: [LoadedDocument]) throws -> AnalysisReport {
        var analysis = try Analysis(self)
        for document in documents { _ = try analysis.add(document) }
        return analysis.report
    }

    /// One batch of documents being analysed: the sentences seen so far and the tables.
    private struct Analysis {
        let analyzer: DocumentAnalyzer
        let counter: WordCounter
        var seen: Set<String> = []
        var report: AnalysisReport

        init(_ analyzer: DocumentAnalyzer) throws {
            self.analyzer = analyzer
            counter = try WordCounter(language: analyzer.source)
            report = AnalysisReport(bands: analyzer.bands, documents: [])
        }

        mutating func add(_ document: LoadedDocument) throws -> AnalysisTable {
            let (service, source, target, bands) = (analyzer.service, analyzer.source, analyzer.target, analyzer.bands)
            var table = AnalysisTable(document: document.path)
            var previous: String?
            for sentence in document.sentences {
                let count = AnalysisCount(
                    segments: 1, words: counter.count(sentence), characters: sentence.count(where: { !$0.isWhitespace }))
                if seen.insert(sentence).inserted {
                    var best: Int?
                    for minimum in bands.lookupMinimums where best == nil {
                        let request = LookupRequest(text: sentence, from: source, to: target, minimum: minimum, limit: 1, previous: previous, memory: analyzer.memory)
                        best = try service.lookup(request).first?.score
                    }
                    table.add(count, to: bands.band(score: best))
                } else {
                    table.add(count, to: .repetition)
                }
                previous = sentence
            }
            report.documents.append(table)
            return table
        }
    }
}
