import Foundation
import PamyatAlign
import PamyatCore
import PamyatText
import Testing

/// The software-documentation set (Fixtures/docs): files written in the layouts users have, read,
/// segmented and aligned as `pamyat align` does, and scored against the paragraph pairs —
/// the in-process twin of `tools/align-eval/evaluate.py`.
@Suite struct DocumentationSetTests {
    /// A document of the set: paragraph pairs.
    struct Document {
        var name: String
        var pairs: [(source: String, target: String)]
    }

    enum Layout: String, CaseIterable {
        /// A paragraph per line.
        case lines
        /// Blank lines between paragraphs.
        case blank
        /// One line per side, paragraphs ending in a full stop (one is added where none is).
        case stops
    }

    struct Variant: CustomStringConvertible, Sendable {
        var layout: Layout
        var omitted: Bool
        var description: String { layout.rawValue + (omitted ? "-omit" : "") }
    }

    struct Score {
        var pairs = 0, right = 0, stored = 0, storedRight = 0, sameRight = 0
        var covered = 0, total = 0
        var precision: Double { Double(right) / Double(max(1, pairs)) }
        var recall: Double { Double(covered) / Double(max(1, total)) }
        var storedPrecision: Double { Double(storedRight) / Double(max(1, stored)) }
        var samePrecision: Double { Double(sameRight) / Double(max(1, pairs)) }
        static func + (a: Score, b: Score) -> Score {
            Score(pairs: a.pairs + b.pairs, right: a.right + b.right, stored: a.stored + b.stored, storedRight: a.storedRight + b.storedRight,
                  sameRight: a.sameRight + b.sameRight, covered: a.covered + b.covered, total: a.total + b.total)
        }
    }

    static func documents() throws -> [Document] {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/docs")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pairs.tsv") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let pairs = text.split(separator: "\n").map { line in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { Normalizer.foldWhitespace(String($0)) }
                return (cells[1], cells[2])
            }
            return Document(name: file, pairs: pairs)
        }
    }

    /// The file text of `paragraphs` (id, text) in `layout`, and each paragraph's span in the
    /// white-space-folded text.
    static func layout(_ paragraphs: [(Int, String)], _ layout: Layout) -> (text: String, spans: [(id: Int, range: Range<Int>)]) {
        var pieces: [String] = []
        var spans: [(Int, Range<Int>)] = []
        var offset = 0
        for (id, paragraph) in paragraphs {
            var text = paragraph
            if layout == .stops, let last = text.last, !".!?…".contains(last) { text += "." }
            spans.append((id, offset..<(offset + text.count)))
            offset += text.count + 1
            pieces.append(text)
        }
        let separator = layout == .lines ? "\n" : layout == .blank ? "\n\n" : " "
        return (pieces.joined(separator: separator) + "\n", spans)
    }

    /// The reading and alignment tools, made once per run.
    struct Tools {
        var russian: SentenceSegmenter
        var english: SentenceSegmenter
        var aligner: Aligner
        init() throws {
            russian = try SentenceSegmenter(language: LanguageTag(canonical: "ru"))
            english = try SentenceSegmenter(language: LanguageTag(canonical: "en"))
            aligner = try Aligner(languages: LanguagePair(source: LanguageTag(canonical: "ru"), target: LanguageTag(canonical: "en")))
        }
    }

    static func score(_ document: Document, _ variant: Variant, seed: UInt64, tools: Tools) throws -> Score {
        var omitted: Set<Int> = []
        if variant.omitted {
            var random = SeededGenerator(seed: seed &* 7919 &+ UInt64(document.pairs.count))
            let count = max(1, Int((Double(document.pairs.count) * 0.1).rounded()))
            omitted = Set(Array(1..<document.pairs.count).shuffled(using: &random).prefix(count))
        }
        let source = layout(document.pairs.enumerated().map { ($0.offset, $0.element.source) }, variant.layout)
        let target = layout(document.pairs.enumerated().filter { !omitted.contains($0.offset) }.map { ($0.offset, $0.element.target) }, variant.layout)
        func sentences(_ text: String, _ segmenter: SentenceSegmenter) throws -> [[String]] {
            try DocumentReader.paragraphs(of: text, format: .text, source: document.name).map { segmenter.sentences(in: $0) }
        }
        let alignment = try tools.aligner.align(source: try sentences(source.text, tools.russian), target: try sentences(target.text, tools.english))
        // Where each bead's side lies: the paragraphs its text spans, found in order in the folded text.
        func locate(_ texts: [(Int, String)], in side: (text: String, spans: [(id: Int, range: Range<Int>)])) -> [Int: Set<Int>] {
            let flat = Array(Normalizer.foldWhitespace(side.text))
            var cursor = 0
            var found: [Int: Set<Int>] = [:]
            for (bead, text) in texts {
                let needle = Array(text)
                var start = cursor
                func matches(at start: Int) -> Bool {
                    for k in needle.indices where flat[start + k] != needle[k] { return false }
                    return true
                }
                while start + needle.count <= flat.count, !matches(at: start) { start += 1 }
                guard start + needle.count <= flat.count else { found[bead] = [-1]; continue }
                let range = start..<(start + needle.count)
                cursor = range.upperBound
                found[bead] = Set(side.spans.filter { $0.range.overlaps(range) }.map(\.id))
            }
            return found
        }
        let beads = alignment.beads
        let sourceWhere = locate(beads.indices.filter { !beads[$0].source.isEmpty }.sorted { beads[$0].source.lowerBound < beads[$1].source.lowerBound }
            .map { ($0, alignment.sourceText(of: beads[$0])) }, in: source)
        let targetWhere = locate(beads.indices.filter { !beads[$0].target.isEmpty }.sorted { beads[$0].target.lowerBound < beads[$1].target.lowerBound }
            .map { ($0, alignment.targetText(of: beads[$0])) }, in: target)
        var score = Score()
        for (index, bead) in beads.enumerated() {
            let characters = alignment.sourceText(of: bead).count + alignment.targetText(of: bead).count
            score.total += characters
            if bead.isOmission {
                // Right when the sentence's paragraph has no partner (the translations here add nothing).
                if let ids = sourceWhere[index], ids.count == 1, omitted.contains(ids.first!) { score.covered += characters }
                continue
            }
            let s = sourceWhere[index] ?? [-1], t = targetWhere[index] ?? [-1]
            let ids = s.union(t)
            let right = ids.count == 1 && !ids.contains(-1)
            score.pairs += 1
            if right { score.right += 1; score.covered += characters }
            if s == t && !ids.contains(-1) { score.sameRight += 1 }
            if bead.confidence >= AlignerConfiguration.defaultLowConfidence {
                score.stored += 1
                if right { score.storedRight += 1 }
            }
        }
        return score
    }

    static func total(_ variant: Variant) throws -> Score {
        let seeds: [UInt64] = [1]
        var total = Score()
        let tools = try Tools()
        for document in try documents() {
            for seed in seeds { total = total + (try score(document, variant, seed: seed, tools: tools)) }
        }
        return total
    }

    @Test(arguments: [Variant(layout: .blank, omitted: false), Variant(layout: .lines, omitted: true)])
    func paragraphsAreAlignedWithinTheTarget(variant: Variant) throws {
        let score = try Self.total(variant)
        #expect(score.precision >= 0.98, "\(variant): strict precision \(score.precision)")
        #expect(score.recall >= 0.95, "\(variant): char recall \(score.recall)")
        #expect(score.storedPrecision >= 0.99, "\(variant): stored precision \(score.storedPrecision)")
    }

    @Test(arguments: [Variant(layout: .stops, omitted: false), Variant(layout: .stops, omitted: true)])
    func runningTextIsAlignedWithinTheTarget(variant: Variant) throws {
        let score = try Self.total(variant)
        // In running text a sentence can span two paragraphs (a code line or a lower-case
        // parameter name after a heading); pairs are then judged by the paragraphs they cover.
        #expect(score.samePrecision >= 0.97, "\(variant): same-paragraph precision \(score.samePrecision)")
    }
}
