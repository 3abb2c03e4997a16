import Foundation
import PamyatCore
import PamyatText

/// Finds the anchors of one side's sentences. Holds an ICU transliterator and a cache of
/// transliterated names: one per alignment, never shared between tasks.
final class AnchorExtractor {
    private let language: LanguageTag
    private let isSource: Bool
    private let lexicon: Lexicon?
    private let learned: LearnedLexicon?
    private let weights: AnchorWeights
    private let interner: KeyInterner
    private let decimalComma: Bool
    private let cognates: Bool
    /// Whether words are compared through their transliterated skeletons (languages of different
    /// scripts: `сервера` meets `server`, `параметры` meets `parameters`).
    private let transliteratedCognates: Bool
    private let transliterator: Transliterator?
    private var nameCache: [String: String] = [:]
    private var wordCache: [String: [Anchor]] = [:]

    init(
        language: LanguageTag, isSource: Bool, lexicon: Lexicon?, learned: LearnedLexicon?, weights: AnchorWeights,
        interner: KeyInterner, cognates: Bool
    ) throws(AlignError) {
        self.language = language
        self.isSource = isSource
        self.lexicon = lexicon
        self.learned = learned
        self.weights = weights
        self.interner = interner
        self.cognates = cognates
        transliteratedCognates = !cognates
        decimalComma = LearnedLexicon.decimalComma(language)
        let id: String?
        switch language.language {
        case "ru": id = "Russian-Latin/BGN; Latin-ASCII"
        case "en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk": id = "Latin-ASCII"
        default: id = "Any-Latin; Latin-ASCII"
        }
        if let id {
            do {
                transliterator = try Transliterator(id)
            } catch {
                throw AlignError(.icu, "ICU cannot open the transliterator '\(id)' the aligner needs for names: \(error.message)")
            }
        } else {
            transliterator = nil
        }
    }

    /// The anchors of one sentence.
    func anchors(of sentence: String) -> [Anchor] {
        var result: [Anchor] = []
        for code in TechnicalTokens.tokens(of: sentence) {
            result.append(Anchor(key: interner.id("`" + code), weight: weights.technical.weight, penalty: weights.technical.penalty))
        }
        let tokens = Tokenizer.tokens(of: sentence, decimalComma: decimalComma)
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .number:
                var text = token.text
                // "20 тысяч" = "20,000", "1,2 млрд" = "1.2 billion": a number followed by a word of
                // magnitude is the product.
                if index + 1 < tokens.count, tokens[index + 1].kind == .word,
                    let scale = Self.magnitude(tokens[index + 1].text), let value = Double(text) {
                    // Rounded to a whole number: 1.2 × 10⁹ is 1,200,000,000 whichever way it was written.
                    text = String(Int64((value * scale).rounded()))
                }
                let value = Double(text) ?? 0
                let small = value >= 1 && value <= 31 && !text.contains(".")
                let w = small ? weights.smallNumber : weights.number
                result.append(Anchor(key: interner.id("#" + text), weight: w.weight, penalty: w.penalty))
            case .mark:
                let w: (weight: Float, penalty: Float)
                let key: String
                switch token.text {
                case "?": w = weights.question; key = "?"
                case "!": w = weights.exclamation; key = "!"
                case "(": w = weights.parenthesis; key = "("
                case "%": w = weights.percent; key = "#%"
                case ":": w = weights.colon; key = ":"
                case ";": w = weights.colon; key = ";"
                case ",": w = weights.comma; key = ","
                default: w = weights.quote; key = "\""
                }
                result.append(Anchor(key: interner.id(key), weight: w.weight, penalty: w.penalty))
            case .word:
                result.append(contentsOf: wordAnchors(token))
            }
        }
        return result
    }

    /// The factor a word of magnitude stands for (`тысяч`, `млн`, `billion`), or nil.
    static func magnitude(_ word: String) -> Double? {
        let lower = word.lowercased()
        if lower.hasPrefix("тыс") || lower == "thousand" || lower == "thousands" { return 1e3 }
        if lower.hasPrefix("млн") || lower.hasPrefix("миллион") || lower.hasPrefix("million") || lower == "mln" { return 1e6 }
        if lower.hasPrefix("млрд") || lower.hasPrefix("миллиард") || lower.hasPrefix("billion") || lower == "bn" { return 1e9 }
        if lower.hasPrefix("трлн") || lower.hasPrefix("триллион") || lower.hasPrefix("trillion") { return 1e12 }
        return nil
    }

    private func wordAnchors(_ token: Token) -> [Anchor] {
        let cacheKey = token.isSentenceInitial ? "^" + token.text : token.text
        if let cached = wordCache[cacheKey] { return cached }
        var anchors: [Anchor] = []
        let lower = token.text.lowercased()
        var known = false
        if let lexicon {
            for entry in lexicon.entries(of: lower, isSource: isSource) {
                anchors.append(Anchor(key: interner.id(entry.concept), weight: entry.weight, penalty: entry.penalty))
                known = true
            }
        }
        if let learned {
            for entry in learned.entries(of: lower, isSource: isSource) {
                anchors.append(Anchor(key: interner.id(entry.concept), weight: entry.weight * weights.learnedScale, penalty: 0))
            }
        }
        // A name: a capitalised word inside the sentence, an acronym, a Latin word in a text of
        // another script, or a long capitalised first word the lexicon does not know.
        let foreignLatin = token.script == .latin && language.language != "en"
        let isName = !known && (token.isAllCaps || foreignLatin
            || (token.isCapitalized && (!token.isSentenceInitial || token.text.count >= 5)))
        if isName, let skeleton = nameSkeleton(token) {
            let w = skeleton.count <= 2 ? weights.shortName : weights.name
            let penalty = token.isSentenceInitial ? 0 : w.penalty
            if skeleton.count > 4 {
                // The whole skeleton and its first four letters: `Budapest` (bdpst) still meets
                // `Будапешта` (Budapeshta, bdpsht) through `bdps`, for part of the weight.
                let prefixWeight = w.weight * weights.namePrefixShare
                anchors.append(Anchor(key: interner.id("~" + skeleton), weight: w.weight - prefixWeight, penalty: penalty / 2))
                anchors.append(Anchor(key: interner.id("~" + String(skeleton.prefix(4)) + "…"), weight: prefixWeight, penalty: penalty / 2))
            } else {
                anchors.append(Anchor(key: interner.id("~" + skeleton), weight: w.weight, penalty: penalty))
            }
        }
        if transliteratedCognates, !known, !isName, token.text.count >= 5, let skeleton = nameSkeleton(token), skeleton.count >= 4 {
            // A word of international origin keeps its consonants in both languages: the first
            // four letters of the skeleton (`dkmn` for `документа` and `document`).
            anchors.append(Anchor(key: interner.id("≈" + String(skeleton.prefix(4))), weight: weights.transliteratedCognate.weight, penalty: weights.transliteratedCognate.penalty))
        }
        if cognates, token.text.count >= 4 {
            anchors.append(Anchor(key: interner.id("c" + String(lower.prefix(4))), weight: weights.cognate.weight, penalty: weights.cognate.penalty))
        }
        wordCache[cacheKey] = anchors
        return anchors
    }

    /// The transliterated consonant skeleton of a name (see ``NameSkeleton``).
    private func nameSkeleton(_ token: Token) -> String? {
        if let cached = nameCache[token.text] { return cached.isEmpty ? nil : cached }
        var text = token.text
        if token.script == .cyrillic, !token.isAllCaps {
            text = NameSkeleton.strippingCaseEnding(text)
        }
        var latin = text
        if token.script != .latin || !text.utf8.allSatisfy({ $0 < 0x80 }) {
            latin = (try? transliterator?.apply(text)) ?? text
        }
        let skeleton = NameSkeleton.skeleton(latin, keepVowels: token.isAllCaps)
        nameCache[token.text] = skeleton
        return skeleton.count >= 2 ? skeleton : nil
    }
}
