/// How much each kind of anchor weighs: `weight` is what a match adds to a bead's score (a
/// log-likelihood ratio, roughly), `penalty` what an occurrence without a partner takes away.
/// The defaults were tuned on the evaluation described in docs/ALIGNMENT.md.
public struct AnchorWeights: Hashable, Sendable {
    /// A number (`2023`, `13`, `1.5`).
    public var number: (weight: Float, penalty: Float) = (3.0, 1.2)
    /// A small number (1–31: days, counts), more often written as a word or left out.
    public var smallNumber: (weight: Float, penalty: Float) = (2.0, 0.6)
    /// A proper name matched through transliteration (`Лукашенко` ↔ `Lukashenko`).
    public var name: (weight: Float, penalty: Float) = (2.5, 0.25)
    /// A short name (a transliteration skeleton of two consonants: `NATO`, `Ли`).
    public var shortName: (weight: Float, penalty: Float) = (1.2, 0.1)
    /// A question mark.
    public var question: (weight: Float, penalty: Float) = (1.5, 0.8)
    /// An exclamation mark.
    public var exclamation: (weight: Float, penalty: Float) = (0.8, 0.3)
    /// An opening parenthesis.
    public var parenthesis: (weight: Float, penalty: Float) = (0.6, 0.2)
    /// A percent sign or word.
    public var percent: (weight: Float, penalty: Float) = (1.5, 0.5)
    /// A colon or semicolon.
    public var colon: (weight: Float, penalty: Float) = (0.4, 0.1)
    /// A comma (Russian has more of them than English: weak evidence).
    public var comma: (weight: Float, penalty: Float) = (0.15, 0.0)
    /// The share of a long name's weight carried by its first four skeleton letters.
    public var namePrefixShare: Float = 0.4
    /// A quotation mark of any kind.
    public var quote: (weight: Float, penalty: Float) = (0.3, 0.1)
    /// A shared word start between two languages of the same script (ru–be, ru–uk cognates).
    public var cognate: (weight: Float, penalty: Float) = (0.5, 0)
    /// A word sharing the first four letters of its transliterated consonant skeleton with a word
    /// of the other language (`сервер` ↔ `server`, `документа` ↔ `document`): languages of
    /// different scripts.
    public var transliteratedCognate: (weight: Float, penalty: Float) = (0.7, 0)
    /// A technical token written the same in both languages: a key combination (`CTRL+C`), a file
    /// name, an address, a path or an identifier (`config.yaml`, `smtp.example.ru`, `GetValue(key`).
    public var technical: (weight: Float, penalty: Float) = (2.5, 0.5)
    /// A multiplier on the weights of the learned lexicon's entries.
    public var learnedScale: Float = 0.6

    public init() {}

    public static func == (lhs: AnchorWeights, rhs: AnchorWeights) -> Bool {
        lhs.summary == rhs.summary
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(summary) }

    private var summary: [Float] {
        [number, smallNumber, name, shortName, question, exclamation, parenthesis, percent, colon, comma, quote, cognate, transliteratedCognate, technical]
            .flatMap { [$0.weight, $0.penalty] } + [learnedScale, namePrefixShare]
    }
}
