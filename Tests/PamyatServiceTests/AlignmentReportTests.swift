import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PamyatAlign
import PamyatCore
import PamyatService
import Testing

@Suite struct AlignmentReportTests {
    func report(lowConfidence: Double = 0.5) throws -> AlignmentReport {
        let pair = LanguagePair(source: LanguageTag(canonical: "ru"), target: LanguageTag(canonical: "en"))
        let alignment = try Aligner(languages: pair).align(
            source: [["Встреча прошла 5 мая.", "Обсуждались «цены» & <тарифы>."], ["Лишний абзац без перевода, довольно длинный."]],
            target: [["The meeting took place on 5 May.", "“Prices” & <tariffs> were discussed."]])
        return AlignmentReport(alignment: alignment, original: "a.ru.txt", translation: "a.en.txt", lowConfidence: lowConfidence)
    }

    @Test func tsvHasScoreSourceAndTargetPerPair() throws {
        let lines = try report().tsv().split(separator: "\n")
        #expect(lines.count == 2, "the unmatched sentence is not a pair")
        let cells = lines[0].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(cells.count == 3)
        #expect(Double(cells[0]) != nil)
        #expect(cells[1] == "Встреча прошла 5 мая." && cells[2] == "The meeting took place on 5 May.")
    }

    @Test func marksLowConfidenceBeads() throws {
        let lines = try report(lowConfidence: 1.01).tsv().split(separator: "\n")
        #expect(lines.allSatisfy { $0.split(separator: "\t")[0].hasSuffix("?") })
    }

    @Test func jsonListsPairsAndUnmatchedSentences() throws {
        let data = Data(try report().json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let unmatched = try #require(object["unmatched"] as? [[String: Any]])
        #expect(pairs.count == 2 && unmatched.count == 1)
        #expect(pairs[0]["kind"] as? String == "1-1")
        #expect(pairs[0]["sourceSentences"] as? [Int] == [1])
        #expect(unmatched[0]["kind"] as? String == "1-0")
    }

    @Test func tmxIsWellFormedAndEscaped() throws {
        let tmx = try report().tmx(creationDate: Date(timeIntervalSince1970: 0))
        #expect(tmx.contains(#"<tmx version="1.4">"#))
        #expect(tmx.contains(#"srclang="ru""#))
        #expect(tmx.contains("&amp; &lt;тарифы&gt;"))
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 2, "\(tmx)")
        #expect(tmx.contains("x-alignment-confidence"))
        let parser = XMLParser(data: Data(tmx.utf8))
        #expect(parser.parse(), "parses as XML")
    }
}
