import Foundation
import PamyatCore
@testable import PamyatMatch
import Testing

/// A match explained from the tokens the index holds (``FuzzyIndex/lookupExplained``) is explained
/// exactly as from the texts (``PairScorer``): same score, distance, operations and number changes.
@Suite struct IndexExplanationTests {
    @Test(arguments: 1...4)
    func explainingFromTheIndexEqualsExplainingTheTexts(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 0x3C3C_5A5A_9191_0E0E)
        let index = FuzzyIndex()
        var memory = IndexPropertyTests.Memory()
        try IndexPropertyTests.mutate(index, &memory, steps: 400, &rng)
        if seed % 2 == 0 { index.compact() }
        let scorer = try PairScorer(language: IndexPropertyTests.ru)
        let explainer = MatchExplainer()
        var compared = 0
        for iteration in 0..<120 {
            let text = IndexPropertyTests.query(&rng, memory: memory)
            let minimum = [0, 40, 70, 90].randomElement(using: &rng)!
            // Similar words off and on, in turn.
            let similar = iteration % 2 == 1
            let (matches, query, sources) = try index.lookupExplained(
                text, from: IndexPropertyTests.ru, to: IndexPropertyTests.en, minimum: minimum, limit: 5, similarWords: similar)
            #expect(
                matches
                    == (try index.lookup(
                        text, from: IndexPropertyTests.ru, to: IndexPropertyTests.en, minimum: minimum, limit: 5, similarWords: similar)))
            #expect(sources.count == matches.count)
            guard let query else {
                #expect(matches.isEmpty)
                continue
            }
            for (match, source) in zip(matches, sources) {
                let unit = try #require(match.units.first)
                let stored = try #require(memory.units[unit]?.first { $0.language == IndexPropertyTests.ru }?.text)
                let fromTexts = scorer.compare(query: text, source: stored, similarWords: similar)
                let fromIndex = explainer.compare(query: query, source: source)
                #expect(fromIndex == fromTexts, "query «\(text)» source «\(stored)»")
                #expect(fromIndex.score == match.score)
                compared += 1
            }
        }
        #expect(compared > 50)
    }
}
