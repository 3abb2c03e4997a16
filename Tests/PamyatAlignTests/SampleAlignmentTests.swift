import Foundation
import PamyatAlign
import PamyatCore
import PamyatText
import Testing

@Suite struct SampleAlignmentTests {
    @Test(arguments: ["en", "be"])
    func reproducesTheHandCheckedAlignment(language: String) throws {
        let target = LanguageTag(canonical: language)
        let pair = LanguagePair(source: LanguageTag(canonical: "ru"), target: target)
        let ru = try SentenceSegmenter(language: pair.source)
        let other = try SentenceSegmenter(language: target)
        let source = try Samples.paragraphs("press-release.ru.txt").map { ru.sentences(in: $0) }
        let translation = try Samples.paragraphs("press-release.\(language).txt").map { other.sentences(in: $0) }
        let alignment = try Aligner(languages: pair).align(source: source, target: translation)
        let got = alignment.pairs.map { [$0.kind, alignment.sourceText(of: $0), alignment.targetText(of: $0)] }
            + alignment.beads.filter(\.isOmission).map { [$0.kind, alignment.sourceText(of: $0), alignment.targetText(of: $0)] }
        let expected = try Samples.expected("press-release.ru-\(language).expected.tsv")
        #expect(got.count == expected.count, "bead count")
        for (index, (bead, want)) in zip(got, expected).enumerated() {
            #expect(bead == want, "bead \(index + 1) differs")
        }
        #expect(alignment.beads.allSatisfy { $0.confidence >= 0.9 }, "every sample bead is confident")
    }
}
