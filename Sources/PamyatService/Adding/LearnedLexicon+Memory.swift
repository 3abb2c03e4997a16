import Foundation
import PamyatAlign
import PamyatCore

extension LearnedLexicon {
    /// Units read at most when learning from a memory.
    public static let memoryLimit = 50_000

    /// Learns from a memory's confident pairs of `languages`: units imported or added by people,
    /// and aligned units whose confidence is at least `minimumConfidence`. `nil` when the memory
    /// has fewer than `minimumPairs` such pairs (too few to learn anything reliable).
    public static func learn(
        from store: any MemoryStore, languages: LanguagePair, minimumConfidence: Double = 0.8, minimumPairs: Int = 50,
        limit: Int = memoryLimit
    ) throws -> LearnedLexicon? {
        struct Enough: Error {}
        var pairs: [(String, String)] = []
        do {
            try store.forEachUnit(matching: UnitFilter(languages: [languages.source, languages.target]), batchSize: 1000) { units in
                for unit in units {
                    if unit.origin == .aligned, (unit.provenance.confidence ?? 0) < minimumConfidence { continue }
                    guard let source = unit.variant(in: languages.source), let target = unit.variant(in: languages.target) else { continue }
                    pairs.append((source.text, target.text))
                    if pairs.count >= limit { throw Enough() }
                }
            }
        } catch is Enough {}
        guard pairs.count >= minimumPairs else { return nil }
        return LearnedLexicon.learn(from: pairs, languages: languages)
    }
}
