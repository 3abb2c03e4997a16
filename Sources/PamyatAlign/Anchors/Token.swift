/// A word, number or anchor punctuation mark found in a sentence by ``Tokenizer``.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A run of letters (and combining marks).
        case word
        /// A number, normalised: no group separators, `.` as the decimal point (`1 500,5` → `1500.5`).
        case number
        /// An anchor punctuation mark: `?`, `!`, `(`, `%` or a quotation mark (normalised to `"`).
        case mark
    }

    enum Script: Hashable, Sendable { case latin, cyrillic, other }

    var kind: Kind
    /// The text as written (words) or normalised (numbers, marks).
    var text: String
    var script: Script
    /// The first letter is uppercase.
    var isCapitalized: Bool
    /// Two or more letters, all uppercase (an acronym: `CSTO`, `ОДКБ`).
    var isAllCaps: Bool
    /// The first word of the sentence.
    var isSentenceInitial: Bool
}
