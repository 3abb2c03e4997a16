/// The costs of the edit operations the score counts, in tenths of a word.
///
/// A word or a number that is inserted, deleted or replaced by a different one costs a whole word
/// (10). Differences that do not change what a sentence says cost less; `docs/MATCHING.md` gives the
/// table and worked examples. Costs are integers so that the score is computed exactly (no floating
/// point rounding can turn an 80 into a 79).
public enum MatchWeights {
    /// A whole word: inserting, deleting or replacing a word or a number (by anything but a number).
    public static let word = 10
    /// Replacing a number by another number (`13` → `14`): numbers are placeables.
    public static let number = 3
    /// Inserting, deleting or replacing a punctuation mark or symbol (`,`, `«`, `%`).
    public static let punctuation = 5
    /// Inserting, deleting or replacing an inline tag (`<b>`, `</b>`).
    public static let tag = 5
    /// Replacing a word by the same word in another case (`Москва` → `москва`).
    public static let caseOnly = 2
    /// White space before a token present on one side and absent on the other (`a , b` → `a, b`),
    /// added to the cost of keeping or cheaply replacing that token.
    public static let whitespace = 1
}
