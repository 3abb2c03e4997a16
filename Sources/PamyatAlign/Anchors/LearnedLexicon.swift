import PamyatCore

/// A bilingual lexicon learned from a memory's own confident translation units: words that keep
/// occurring together in aligned pairs (by the Dice coefficient of their co-occurrence) become
/// anchors for later alignments of the same language pair.
///
/// Words are compared by a crude stem (their first ``stemLength`` letters, lowercase), which is
/// enough to join most of the inflected forms of a Russian word.
public struct LearnedLexicon: Sendable {
    /// The language pair it was learned for (source = the original's language).
    public let languages: LanguagePair
    var source: [String: [Lexicon.Entry]] = [:]
    var target: [String: [Lexicon.Entry]] = [:]
    /// The learned word pairs, best first: source stem, target stem, Dice coefficient, co-occurrences.
    public private(set) var pairs: [(source: String, target: String, dice: Double, count: Int)] = []
    /// How many sentence pairs it was learned from.
    public private(set) var trainingPairs = 0

    /// The stem of a word as the learned lexicon keys it: lowercase; in English without a plural
    /// `s` and cut to six letters; in other languages (inflected: Russian, Belarusian, …) without its
    /// last letter and cut to five (`глава`, `главы` → `глав`; `урожай`, `урожая` → `урожа`).
    static func stem(_ word: String, english: Bool) -> String {
        let lower = word.lowercased()
        if english {
            let singular = lower.count > 3 && lower.hasSuffix("s") && !lower.hasSuffix("ss") ? String(lower.dropLast()) : lower
            return String(singular.prefix(6))
        }
        let count = lower.count
        return count <= 3 ? lower : String(lower.prefix(min(5, count - 1)))
    }

    /// Learns from sentence pairs (source text, target text), reading at most `limit` of them.
    ///
    /// A word pair is kept when it co-occurs in at least `minimumCount` pairs with a Dice
    /// coefficient of at least `minimumDice`, and is among the three best partners of each of its
    /// words. Its weight as an anchor grows with the Dice coefficient (at most 1.5).
    public static func learn(
        from sentencePairs: some Sequence<(String, String)>, languages: LanguagePair,
        minimumCount: Int = 2, minimumDice: Double = 0.3, limit: Int = 50_000
    ) -> LearnedLexicon {
        var lexicon = LearnedLexicon(languages: languages)
        var ids: [String: Int32] = [:]
        var names: [String] = []
        var single: [Int32: Int32] = [:]
        var joint: [UInt64: Int32] = [:]
        let sourceComma = Self.decimalComma(languages.source), targetComma = Self.decimalComma(languages.target)
        func intern(_ stem: String) -> Int32 {
            if let id = ids[stem] { return id }
            let id = Int32(names.count)
            ids[stem] = id
            names.append(stem)
            return id
        }
        let sourceEnglish = languages.source.language == "en", targetEnglish = languages.target.language == "en"
        func stems(_ text: String, decimalComma: Bool, side: UInt8) -> [Int32] {
            var set = Set<Int32>()
            for token in Tokenizer.tokens(of: text, decimalComma: decimalComma) where token.kind == .word && token.text.count >= 2 {
                set.insert(intern("\(side)\(stem(token.text, english: side == 0 ? sourceEnglish : targetEnglish))"))
            }
            return Array(set)
        }
        for (sourceText, targetText) in sentencePairs {
            if lexicon.trainingPairs >= limit { break }
            lexicon.trainingPairs += 1
            let s = stems(sourceText, decimalComma: sourceComma, side: 0)
            let t = stems(targetText, decimalComma: targetComma, side: 1)
            for a in s { single[a, default: 0] += 1 }
            for b in t { single[b, default: 0] += 1 }
            for a in s {
                for b in t { joint[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1 }
            }
        }
        var candidates: [(a: Int32, b: Int32, dice: Double, count: Int)] = []
        for (key, count) in joint where Int(count) >= minimumCount {
            let a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let dice = 2 * Double(count) / Double(single[a, default: 0] + single[b, default: 0])
            if dice >= minimumDice { candidates.append((a, b, dice, Int(count))) }
        }
        candidates.sort { $0.dice != $1.dice ? $0.dice > $1.dice : ($0.count != $1.count ? $0.count > $1.count : names[Int($0.a)] + names[Int($0.b)] < names[Int($1.a)] + names[Int($1.b)]) }
        var partners: [Int32: Int] = [:]
        for candidate in candidates {
            guard partners[candidate.a, default: 0] < 3, partners[candidate.b, default: 0] < 3 else { continue }
            partners[candidate.a, default: 0] += 1
            partners[candidate.b, default: 0] += 1
            let sourceStem = String(names[Int(candidate.a)].dropFirst())
            let targetStem = String(names[Int(candidate.b)].dropFirst())
            let entry = Lexicon.Entry(concept: "Λ\(sourceStem)|\(targetStem)", weight: Float(min(1.5, 1.6 * candidate.dice)), penalty: 0)
            lexicon.source[sourceStem, default: []].append(entry)
            lexicon.target[targetStem, default: []].append(entry)
            lexicon.pairs.append((sourceStem, targetStem, candidate.dice, candidate.count))
        }
        return lexicon
    }

    init(languages: LanguagePair) {
        self.languages = languages
    }

    /// Entries a word of the source (`isSource`) or target side yields.
    func entries(of word: String, isSource: Bool) -> [Lexicon.Entry] {
        let key = Self.stem(word, english: (isSource ? languages.source : languages.target).language == "en")
        return (isSource ? source[key] : target[key]) ?? []
    }

    /// Whether `language` writes `1,5` for one and a half.
    static func decimalComma(_ language: LanguageTag) -> Bool { language.language != "en" }
}
