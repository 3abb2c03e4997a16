import Foundation
import PamyatCore
import PamyatMatch
import Testing

/// The worked examples of `docs/MATCHING.md` are computed by the code, so the document and the
/// score cannot drift apart.
@Suite struct MatchingDocumentTests {
    struct Example: CustomStringConvertible {
        var query: String
        var source: String
        var n: Int
        var m: Int
        var tenths: Int
        var score: Int
        /// A row of the table of similar-word examples (scored with the option on).
        var similarWords: Bool
        var description: String { "«\(query)» vs «\(source)»\(similarWords ? " (similar words)" : "")" }
    }

    static func examples() throws -> [Example] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/MATCHING.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let section = text.components(separatedBy: "### Worked examples").dropFirst().first else { return [] }
        // The rows after a "#### … similar words …" heading are scored with similar words on.
        var similar = false
        return section.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#### ") { similar = line.lowercased().contains("similar words") }
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6, let n = Int(cells[2]), let m = Int(cells[3]), let d = Double(cells[4]), let score = Int(cells[5]) else {
                return nil
            }
            return Example(
                query: String(cells[0].dropFirst().dropLast()), source: String(cells[1].dropFirst().dropLast()), n: n, m: m,
                tenths: Int((d * 10).rounded()), score: score, similarWords: similar)
        }
    }

    @Test func theDocumentHasItsExamples() throws {
        #expect(try Self.examples().count(where: { !$0.similarWords }) >= 10, "the table of docs/MATCHING.md was read")
        #expect(try Self.examples().count(where: \.similarWords) >= 5, "the table of similar-word examples was read")
    }

    @Test(arguments: try MatchingDocumentTests.examples())
    func everyWorkedExampleScoresAsTheDocumentSays(example: Example) throws {
        let result = try PairScorer(language: LanguageTag(canonical: "ru")).compare(
            query: example.query, source: example.source, similarWords: example.similarWords)
        #expect(result.queryTokens == example.n, "n")
        #expect(result.sourceTokens == example.m, "m")
        #expect(result.distance == example.tenths, "d in tenths")
        #expect(result.score == example.score, "score")
        let sides = result.operations.compactMap(\.source).joined()
        #expect(sides == example.source.replacingOccurrences(of: "  ", with: " "), "the operations' source sides give the source")
    }

    @Test func the101ExampleNeedsTheSamePreviousSentence() throws {
        // The context bonus is the service's; here: only the same sentence scores 100, which 101 needs.
        let scorer = try PairScorer(language: LanguageTag(canonical: "ru"))
        #expect(scorer.compare(query: "Стороны обсудили вопросы.", source: "Стороны  обсудили вопросы.").score == 100)
        #expect(scorer.compare(query: "Стороны обсудили вопросы.", source: "стороны обсудили вопросы.").score == 95)
    }
}
