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
public struct DocumentAnalyzer: Sendable {
    public let service: LookupService
    public let source: LanguageTag
    public let target: LanguageTag
    public let bands: MatchBands
    public var layout: TextLayout = .auto
    /// Only this memory (by name); nil for all, in order.
    public var memory: String?
    /// How many sentences of a document are looked up at once (threads; 1: one after another).
    /// The totals do not depend on it. The CLI uses every core; the server keeps 1, as it already
    /// answers several requests at once.
    public var workers = 1

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
            // In order: each sentence's counts, and whether it is the first of its kind (then looked
            // up, with the sentence before it as context) or a repetition.
            var counts: [AnalysisCount] = []
            var lookups: [(sentence: String, previous: String?)] = []
            var lookupOf: [Int?] = []
            var previous: String?
            for sentence in document.sentences {
                counts.append(AnalysisCount(
                    segments: 1, words: counter.count(sentence), characters: sentence.count(where: { !$0.isWhitespace })))
                if seen.insert(sentence).inserted {
                    lookupOf.append(lookups.count)
                    lookups.append((sentence, previous))
                } else {
                    lookupOf.append(nil)
                }
                previous = sentence
            }
            let best = try analyzer.bestScores(lookups)
            var table = AnalysisTable(document: document.path)
            for (count, lookup) in zip(counts, lookupOf) {
                table.add(count, to: lookup.map { analyzer.bands.band(score: best[$0]) } ?? .repetition)
            }
            report.documents.append(table)
            return table
        }
    }
}

extension DocumentAnalyzer {
    /// The best score of each sentence (nil: nothing at or above the lowest band), looked up on
    /// ``workers`` threads, each taking every `workers`-th sentence.
    func bestScores(_ lookups: [(sentence: String, previous: String?)]) throws -> [Int?] {
        let workers = max(1, min(workers, lookups.count))
        if workers == 1 { return try lookups.map { try bestScore(of: $0.sentence, previous: $0.previous) } }
        let results = WorkerResults(count: lookups.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var found: [(Int, Int?)] = []
            do {
                for position in stride(from: worker, to: lookups.count, by: workers) {
                    found.append((position, try bestScore(of: lookups[position].sentence, previous: lookups[position].previous)))
                }
                results.store(found)
            } catch {
                results.fail(error)
            }
        }
        return try results.scores()
    }

    /// The best score of one sentence: looked up at the second-lowest band first, at the lowest only
    /// when that finds nothing (the lowest band is the costliest to search; the best match is the
    /// same).
    func bestScore(of sentence: String, previous: String?) throws -> Int? {
        for minimum in bands.lookupMinimums {
            let request = LookupRequest(
                text: sentence, from: source, to: target, minimum: minimum, limit: 1, previous: previous, memory: memory)
            if let score = try service.lookup(request).first?.score { return score }
        }
        return nil
    }
}

/// What the workers of ``DocumentAnalyzer/bestScores(_:)`` found, gathered under a lock.
private final class WorkerResults: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Int?]
    private var error: (any Error)?

    init(count: Int) { found = Array(repeating: nil, count: count) }

    func store(_ scores: [(Int, Int?)]) {
        lock.withLock { for (position, score) in scores { found[position] = score } }
    }

    func fail(_ error: any Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }

    func scores() throws -> [Int?] {
        try lock.withLock {
            if let error { throw error }
            return found
        }
    }
}
