import PamyatCore

/// Counts the words of a text as CAT tools' statistics count them, with ICU's word breaks for the
/// language (UAX #29 with the locale's tailoring): a word is a segment ICU classes as letters or a
/// number. Punctuation, symbols and spaces are not words. So `т.е.` is one word (letters joined by
/// a stop), `2023 г.` two, `3,5` and `12.05.2024` one each, `1 000` two (the space breaks it), and
/// `Wi-Fi` two (a hyphen breaks a word in UAX #29).
///
/// Stateful (it owns an ICU iterator): use one per task, never share.
public final class WordCounter {
    private let iterator: BreakIterator

    /// Opens a counter for `language` (ICU's word rules for its locale).
    public init(language: LanguageTag) throws(TextError) {
        iterator = try BreakIterator(.word, locale: language.identifier)
    }

    /// The number of words in `text`.
    public func count(_ text: String) -> Int {
        var words = 0
        // ICU's rule status: 0–99 none (spaces, punctuation), 100–199 numbers, 200–299 letters,
        // 300–399 kana, 400–499 ideographs.
        iterator.forEachBoundary(in: text) { boundary in
            if boundary.status >= 100 { words += 1 }
        }
        return words
    }
}
