import Foundation
import PamyatAlign
import PamyatCore

/// Renders an alignment for `pamyat align`: TSV, JSON or TMX.
public struct AlignmentReport: Sendable {
    public var alignment: Alignment
    public var original: String
    public var translation: String
    /// Beads below this confidence are marked low.
    public var lowConfidence: Double

    public init(alignment: Alignment, original: String, translation: String, lowConfidence: Double) {
        self.alignment = alignment
        self.original = original
        self.translation = translation
        self.lowConfidence = lowConfidence
    }

    /// `score \t source \t target`, one bead with sentences on both sides per line (the sentences of
    /// a 2-1 bead joined by a space); a low-confidence bead's score ends with `?`. Tabs and line
    /// breaks inside sentences are written as spaces.
    public func tsv() -> String {
        var lines: [String] = []
        for bead in alignment.pairs {
            let mark = bead.confidence < lowConfidence ? "?" : ""
            lines.append("\(Self.score(bead.confidence))\(mark)\t\(Self.cell(alignment.sourceText(of: bead)))\t\(Self.cell(alignment.targetText(of: bead)))")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Codable form of one bead.
    struct BeadJSON: Codable {
        var kind: String
        var score: Double
        var low: Bool
        var source: String
        var target: String
        /// 1-based sentence numbers.
        var sourceSentences: [Int]
        var targetSentences: [Int]
        /// What the score was computed from (pairs only).
        var evidence: EvidenceJSON?
    }

    struct EvidenceJSON: Codable {
        var posterior: Double
        var length: Double
        var matched: Double
        var missing: Double
        var besideOmission: Bool
        var merge: Bool
        var characters: Int

        init(_ evidence: BeadEvidence) {
            func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
            posterior = round(evidence.posterior)
            length = round(evidence.length)
            matched = round(evidence.matched)
            missing = round(evidence.missing)
            besideOmission = evidence.besideOmission
            merge = evidence.isMerge
            characters = evidence.characters
        }
    }

    struct SideJSON: Codable {
        var file: String
        var language: String
        var sentences: Int
        var paragraphs: Int
    }

    struct ReportJSON: Codable {
        var source: SideJSON
        var target: SideJSON
        var mode: String
        var pairs: [BeadJSON]
        /// Sentences left without a partner (1-0, 0-1 beads).
        var unmatched: [BeadJSON]
        var paragraphBeads: [String]
    }

    /// `{"source":{…},"target":{…},"mode":…,"pairs":[{kind,score,low,source,target,sourceSentences,targetSentences}],"unmatched":[…],"paragraphBeads":[…]}`.
    public func json() throws -> String {
        func bead(_ bead: Bead) -> BeadJSON {
            BeadJSON(
                kind: bead.kind, score: (bead.confidence * 1000).rounded() / 1000, low: bead.confidence < lowConfidence,
                source: alignment.sourceText(of: bead), target: alignment.targetText(of: bead),
                sourceSentences: bead.source.map { $0 + 1 }, targetSentences: bead.target.map { $0 + 1 },
                evidence: bead.evidence.map(EvidenceJSON.init))
        }
        let report = ReportJSON(
            source: SideJSON(file: original, language: alignment.languages.source.identifier, sentences: alignment.sourceSentences.count, paragraphs: (alignment.sourceParagraphs.last ?? -1) + 1),
            target: SideJSON(file: translation, language: alignment.languages.target.identifier, sentences: alignment.targetSentences.count, paragraphs: (alignment.targetParagraphs.last ?? -1) + 1),
            mode: alignment.mode.rawValue,
            pairs: alignment.pairs.map(bead),
            unmatched: alignment.beads.filter(\.isOmission).map(bead),
            paragraphBeads: alignment.paragraphBeads.map(\.kind))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func score(_ confidence: Double) -> String {
        String(format: "%.2f", confidence)
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
