import Foundation
import PamyatCore
@testable import PamyatMatch
import Testing

/// The recall guarantee: the indexed lookup returns exactly what the exhaustive scan returns, in the
/// same order, for random memories (changed while being queried) and random or perturbed queries;
/// and both equal a reference that scores every stored text on its own.
@Suite struct IndexPropertyTests {
    static let ru = LanguageTag(canonical: "ru")
    static let en = LanguageTag(canonical: "en")
    static let be = LanguageTag(canonical: "be")

    /// A memory kept beside the index, as plain data, for the reference.
    struct Memory {
        var units: [Int64: [FuzzyIndex.Text]] = [:]
        var nextID: Int64 = 1
    }

    static func randomUnit(_ rng: inout SeededGenerator, pool: [String]) -> [FuzzyIndex.Text] {
        let source = !pool.isEmpty && Int.random(in: 0..<3, using: &rng) == 0
            ? (Int.random(in: 0..<2, using: &rng) == 0 ? pool.randomElement(using: &rng)! : RandomTexts.perturb(pool.randomElement(using: &rng)!, &rng))
            : RandomTexts.sentence(&rng)
        var variants = [FuzzyIndex.Text(language: ru, text: source)]
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: variants.append(.init(language: be, text: RandomTexts.sentence(&rng)))
        case 1:
            variants.append(.init(language: LanguageTag(canonical: "en-GB"), text: RandomTexts.sentence(&rng)))
            variants.append(.init(language: be, text: RandomTexts.sentence(&rng)))
        default: variants.append(.init(language: en, text: RandomTexts.sentence(&rng)))
        }
        return variants
    }

    /// Applies random adds, updates and removals to both the index and the plain memory.
    static func mutate(_ index: FuzzyIndex, _ memory: inout Memory, steps: Int, _ rng: inout SeededGenerator) throws {
        for _ in 0..<steps {
            let sources = memory.units.values.compactMap { $0.first?.text }
            let action = Int.random(in: 0..<10, using: &rng)
            if action < 7 || memory.units.isEmpty {
                let id = memory.nextID
                memory.nextID += 1
                let unit = randomUnit(&rng, pool: sources)
                memory.units[id] = unit
                try index.add(unit: id, variants: unit)
            } else if action < 9 {
                let id = memory.units.keys.sorted().randomElement(using: &rng)!
                let unit = randomUnit(&rng, pool: sources)
                memory.units[id] = unit
                try index.add(unit: id, variants: unit)
            } else {
                let id = memory.units.keys.sorted().randomElement(using: &rng)!
                memory.units[id] = nil
                index.remove(unit: id)
            }
        }
    }

    static func query(_ rng: inout SeededGenerator, memory: Memory) -> String {
        let sources = memory.units.keys.sorted().compactMap { memory.units[$0]?.first?.text }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0 where !sources.isEmpty: return sources.randomElement(using: &rng)!
        case 1 where !sources.isEmpty, 2 where !sources.isEmpty: return RandomTexts.perturb(sources.randomElement(using: &rng)!, &rng)
        default: return RandomTexts.sentence(&rng)
        }
    }

    static let minimums = [0, 20, 40, 50, 60, 70, 75, 80, 85, 90, 95, 99, 100]
    static let limits = [1, 2, 5, 30]

    @Test(arguments: 1...12)
    func indexedLookupEqualsTheExhaustiveScan(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 0x1234_5678_9ABC_DEF1)
        let index = FuzzyIndex()
        var memory = Memory()
        var compared = 0
        for round in 0..<8 {
            try Self.mutate(index, &memory, steps: Int.random(in: 5...40, using: &rng), &rng)
            // Some rounds fold the additions into the compact parts, so lookups see both kinds.
            if round % 3 == 1 { index.compact() }
            for _ in 0..<60 {
                let text = Self.query(&rng, memory: memory)
                let minimum = Self.minimums.randomElement(using: &rng)!
                let limit = Self.limits.randomElement(using: &rng)!
                let target = [Self.en, Self.be].randomElement(using: &rng)!
                // Both modes: similar words off (the default) and on.
                for similar in [false, true] {
                    let indexed = try index.lookup(text, from: Self.ru, to: target, minimum: minimum, limit: limit, similarWords: similar)
                    let scanned = try index.lookup(
                        text, from: Self.ru, to: target, minimum: minimum, limit: limit, exhaustive: true, similarWords: similar)
                    #expect(indexed == scanned, "seed \(seed): query «\(text)» min \(minimum) limit \(limit) to \(target) similar \(similar)")
                    compared += 1
                }
            }
        }
        #expect(compared == 960)
    }

    /// A memory large enough that the common words' lists hold entries of many bands (counts of
    /// words and numbers), which the search reads band by band, each with its own prefix; and
    /// additions after the compaction, read whole and filtered by band.
    @Test(arguments: 1...3)
    func listsOfManyBandsAnswerAsTheScan(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 0x7A7A_1313_5C5C_0B0B)
        let index = FuzzyIndex()
        var memory = Memory()
        try Self.mutate(index, &memory, steps: 2_000, &rng)
        index.compact()
        try Self.mutate(index, &memory, steps: 300, &rng)
        let bands = index.lock.withReadLock { () -> Int in
            let language = index.indexes[index.slots["ru"]!]
            let key = (0..<UInt32(language.vocabulary.keyCount)).max { language.postings.count($0) < language.postings.count($1) }!
            return (0..<PostingLists.bandCount).filter { !language.postings.range(key, band: $0).isEmpty }.count
        }
        #expect(bands >= 3, "the longest list spans several bands")
        for _ in 0..<250 {
            let text = Self.query(&rng, memory: memory)
            let minimum = [0, 30, 50, 60, 70, 75, 80, 85, 90].randomElement(using: &rng)!
            let limit = Self.limits.randomElement(using: &rng)!
            for similar in [false, true] {
                let indexed = try index.lookup(text, from: Self.ru, to: Self.en, minimum: minimum, limit: limit, similarWords: similar)
                let scanned = try index.lookup(
                    text, from: Self.ru, to: Self.en, minimum: minimum, limit: limit, exhaustive: true, similarWords: similar)
                #expect(indexed == scanned, "seed \(seed): query «\(text)» min \(minimum) limit \(limit) similar \(similar)")
            }
        }
    }

    @Test(arguments: 1...4)
    func bothEqualAReferenceThatScoresEveryTextAlone(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 0x0F0F_1234_4321_F0F0)
        let index = FuzzyIndex()
        var memory = Memory()
        let scorer = try PairScorer(language: Self.ru)
        for round in 0..<3 {
            try Self.mutate(index, &memory, steps: 40, &rng)
            if round == 1 { index.compact() }
            for _ in 0..<25 {
                let text = Self.query(&rng, memory: memory)
                let minimum = Self.minimums.randomElement(using: &rng)!
                let limit = Self.limits.randomElement(using: &rng)!
                for similar in [false, true] {
                    let expected = Self.reference(
                        text, memory: memory, target: Self.en, minimum: minimum, limit: limit, scorer: scorer, similarWords: similar)
                    let indexed = try index.lookup(text, from: Self.ru, to: Self.en, minimum: minimum, limit: limit, similarWords: similar)
                    #expect(indexed == expected, "seed \(seed): query «\(text)» min \(minimum) limit \(limit) similar \(similar)")
                }
            }
        }
    }

    /// The lookup written from the definition: score every unit's source with ``PairScorer``, group
    /// equal texts, keep those with the target language, order by score then newest unit.
    static func reference(
        _ query: String, memory: Memory, target: LanguageTag, minimum: Int, limit: Int, scorer: PairScorer,
        similarWords: Bool = false
    ) -> [IndexMatch] {
        var groups: [String: (score: Int, units: [Int64])] = [:]
        for (id, variants) in memory.units {
            guard let source = variants.first(where: { $0.language.language == "ru" }),
                variants.contains(where: { $0.language.language == target.language })
            else { continue }
            let key = canonicalKey(source.text)
            guard !key.isEmpty else { continue }
            let score = scorer.compare(query: query, source: source.text, similarWords: similarWords).score
            groups[key, default: (score, [])].units.append(id)
        }
        let ranked = groups.values
            .filter { $0.score >= minimum }
            .map { IndexMatch(score: $0.score, units: $0.units.sorted(by: >)) }
            .sorted { a, b in a.score != b.score ? a.score > b.score : a.units[0] > b.units[0] }
        return Array(ranked.prefix(limit))
    }

    /// Texts equal after NFC and white-space folding are one entry.
    static func canonicalKey(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" { space = !result.isEmpty } else {
                if space { result += " " }
                space = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
