import PamyatCore
import PamyatText

/// The score of one stored source against one query, with its explanation.
public struct PairComparison: Hashable, Sendable {
    /// The score, 0–100.
    public var score: Int
    /// The weighted edit distance in tenths of a word.
    public var distance: Int
    /// Lengths of the query and the source: token counts, white space and decoration runs excluded.
    public var queryTokens: Int
    public var sourceTokens: Int
    /// The operations of an optimal alignment, in order.
    public var operations: [TokenOperation]
    /// When the two texts differ only in numbers (each changed token a number replaced by a number,
    /// everything else equal, and no changed number also kept elsewhere): the replacements, source
    /// number → query number, for ``NumberAdapter``. `nil` otherwise; empty for identical texts.
    public var numberChanges: [NumberChange]?
}

/// A number of the stored source that the query has in its place.
public struct NumberChange: Hashable, Sendable {
    public var source: String
    public var query: String

    public init(source: String, query: String) {
        self.source = source
        self.query = query
    }
}

/// Scores and explains single pairs with the same formula as the index. Owns an ICU tokenizer:
/// one per task.
public final class PairScorer {
    private let tokenizer: WordTokenizer
    /// The language of the texts compared.
    public let language: LanguageTag

    /// The forms seen so far, kept from call to call: interning a new form case-folds it through
    /// ICU, which cost more than the alignment when every call started from an empty vocabulary.
    /// Only equality of ids matters here, so the vocabulary may be dropped at any call.
    private var vocabulary = Vocabulary()
    private static let vocabularyLimit = 100_000
    /// The last query, tokenized and interned: a lookup compares one query with each of its matches.
    private var lastQuery: (query: String, side: PreparedSide)?

    /// The query of the last call: its canonical text and its side.
    private struct PreparedSide {
        var canonical: String
        var side: TokenizedSide
    }

    public init(language: LanguageTag) throws {
        self.language = language
        do { tokenizer = try WordTokenizer(language: LanguageTag(canonical: language.language)) } catch {
            throw MatchError(.tokenizer, "ICU cannot cut '\(language)' text into words: \(error)")
        }
    }

    /// The score of `source` against `query`, with the operations that explain it. `similarWords`
    /// as in ``FuzzyIndex/lookup(_:from:to:minimum:limit:exhaustive:similarWords:)``.
    public func compare(query: String, source: String, similarWords: Bool = false) -> PairComparison {
        if vocabulary.surfaceCount > Self.vocabularyLimit {
            vocabulary = Vocabulary()
            lastQuery = nil
        }
        let prepared: PreparedSide
        if let last = lastQuery, last.query == query {
            prepared = last.side
        } else {
            let canonical = Normalizer.canonical(query)
            let text = tokenizer.tokenize(canonical)
            prepared = PreparedSide(canonical: canonical, side: TokenizedSide(vocabulary.internTokens(text), text))
            lastQuery = (query, prepared)
        }
        let canonicalSource = Normalizer.canonical(source)
        if canonicalSource == prepared.canonical {
            return Self.compare(query: prepared.side, source: prepared.side, identical: true, similarWords: similarWords)
        }
        let sourceText = tokenizer.tokenize(canonicalSource)
        return Self.compare(
            query: prepared.side, source: TokenizedSide(vocabulary.internTokens(sourceText), sourceText), identical: false,
            similarWords: similarWords)
    }

    /// The score and operations of two sides tokenized with one vocabulary; `identical` when the
    /// two texts are equal after NFC and white-space folding.
    static func compare(query: TokenizedSide, source: TokenizedSide, identical: Bool, similarWords: Bool) -> PairComparison {
        let queryTokens = query.tokens
        let sourceTokens = source.tokens
        let steps: [EditDistance.Step]
        let distance: Int
        if identical {
            // An exact match: the same tokens, each kept (the only alignment of distance 0).
            steps = queryTokens.indices.map { .keep(query: $0, source: $0, cost: 0) }
            distance = 0
        } else {
            (steps, distance) = similarWords
                ? EditDistance.alignment(queryTokens, sourceTokens, costs: CharacterWordCosts(query: query.forms, source: source.forms))
                : EditDistance.alignment(queryTokens, sourceTokens, costs: WholeWordCosts())
        }
        let score = MatchScore.score(
            distance: distance, queryCount: MatchToken.length(queryTokens), sourceCount: MatchToken.length(sourceTokens),
            identical: distance == 0)
        let operations = steps.map { step -> TokenOperation in
            switch step {
            case .keep(let q, let s, let cost):
                return TokenOperation(kind: cost == 0 ? .kept : .replaced, source: source.sides[s], query: query.sides[q], cost: cost)
            case .delete(let s):
                return TokenOperation(kind: .deleted, source: source.sides[s], query: nil, cost: sourceTokens[s].indelCost)
            case .insert(let q):
                return TokenOperation(kind: .inserted, source: nil, query: query.sides[q], cost: queryTokens[q].indelCost)
            }
        }
        var numberChanges: [NumberChange]? = []
        var keptNumbers = Set<String>()
        for step in steps {
            switch step {
            case .keep(let q, let s, let cost) where cost > 0:
                if queryTokens[q].kind == .number && sourceTokens[s].kind == .number
                    && queryTokens[q].spaceBefore == sourceTokens[s].spaceBefore
                {
                    numberChanges?.append(NumberChange(source: source.surfaces[s], query: query.surfaces[q]))
                } else {
                    numberChanges = nil
                }
            case .keep(_, let s, _):
                if sourceTokens[s].kind == .number { keptNumbers.insert(source.surfaces[s]) }
            case .delete, .insert: numberChanges = nil
            }
            if numberChanges == nil { break }
        }
        // A number both kept and changed cannot be told apart in the translation.
        if let changes = numberChanges, changes.contains(where: { keptNumbers.contains($0.source) }) { numberChanges = nil }
        return PairComparison(
            score: score, distance: distance, queryTokens: MatchToken.length(queryTokens), sourceTokens: MatchToken.length(sourceTokens),
            operations: operations, numberChanges: numberChanges)
    }
}

/// A text's tokens ready for comparison: their ids in one ``Vocabulary``, and for each token its
/// text as written (`surfaces`) and with the space before it (`sides`). Made by ``PairScorer`` from
/// a text, or by ``FuzzyIndex/lookupExplained(_:from:to:minimum:limit:)`` from what the index holds
/// (no second ICU pass over a matched source).
public struct TokenizedSide: Sendable {
    let tokens: [MatchToken]
    let surfaces: [String]
    let sides: [String]
    /// Whether similar words get their partial cost (``PairScorer/compare(query:source:similarWords:)``).
    let similarWords: Bool

    init(tokens: [MatchToken], surfaces: [String], similarWords: Bool = false) {
        self.tokens = tokens
        self.surfaces = surfaces
        self.similarWords = similarWords
        sides = zip(tokens, surfaces).map { $0.spaceBefore ? " " + $1 : $1 }
    }

    /// The side of `text`, whose content tokens are `tokens`.
    init(_ tokens: [MatchToken], _ text: TokenizedText, similarWords: Bool = false) {
        self.init(tokens: tokens, surfaces: Vocabulary.pieces(text).map { text.surface(of: $0.token) }, similarWords: similarWords)
    }

    /// Per token: the similarity form of a word's key (``WordSimilarity/form(_:)``), empty for
    /// others. Computed only when similar words are on (it case-folds every word).
    var forms: [[UInt32]] {
        zip(tokens, surfaces).map { $0.kind == .word ? WordSimilarity.form(Vocabulary.key(of: $1)) : [] }
    }
}

/// Word costs computed from the characters of the two sides' words.
struct CharacterWordCosts: WordCosts {
    let query: [[UInt32]]
    let source: [[UInt32]]

    func wordCost(query i: Int, source j: Int) -> Int { WordSimilarity.cost(query[i], source[j]) }
}
