@testable import PamyatAlign
import PamyatCore
import Testing

@Suite struct LearnedLexiconTests {
    @Test func learnsWordsThatKeepOccurringTogether() throws {
        let documents = try Corpus.documents()
        let pairs = documents.flatMap { document in
            let source = document.sourceSentences, target = document.targetSentences
            return document.beads.filter { !$0.isOmission }.map { bead in
                (bead.source.map { source[$0] }.joined(separator: " "), bead.target.map { target[$0] }.joined(separator: " "))
            }
        }
        let learned = LearnedLexicon.learn(from: pairs, languages: Corpus.ruEn)
        #expect(learned.trainingPairs == pairs.count)
        #expect(learned.pairs.contains { $0.source == "глав" && $0.target == "head" }, "глава ↔ head")
        #expect(!learned.entries(of: "Главы", isSource: true).isEmpty, "inflected forms share the stem")
        #expect(learned.pairs.allSatisfy { $0.dice >= 0.3 && $0.count >= 2 })
    }

    @Test func addsAnchorsTheBuiltInLexiconLacks() throws {
        let pairs = Array(repeating: ("Комбайнеры убирают урожай.", "Combine operators gather the harvest."), count: 3)
            + [("Урожай хороший.", "The harvest is good."), ("Комбайнеры устали.", "The combine operators are tired.")]
        let learned = LearnedLexicon.learn(from: pairs, languages: Corpus.ruEn)
        let interner = KeyInterner()
        let ru = try AnchorExtractor(language: Corpus.ruEn.source, isSource: true, lexicon: nil, learned: learned, weights: AnchorWeights(), interner: interner, cognates: false)
        let en = try AnchorExtractor(language: Corpus.ruEn.target, isSource: false, lexicon: nil, learned: learned, weights: AnchorWeights(), interner: interner, cognates: false)
        let shared = Set(ru.anchors(of: "урожая").map(\.key)).intersection(en.anchors(of: "harvest").map(\.key))
        #expect(!shared.isEmpty, "урожай ↔ harvest learned")
    }
}
