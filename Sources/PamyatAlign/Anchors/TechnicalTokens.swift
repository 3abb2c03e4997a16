/// Finds the technical tokens of a sentence: runs of non-space characters that mix Latin letters
/// with the marks of code and addresses (`CTRL+C`, `config.yaml`, `smtp.example.ru`,
/// `anna@example.org`, `/api/v2/tickets`, `GetValue(key`, `max_connections`, `UTF-8`). They are
/// written the same in an original and its translation, so each is a strong anchor.
///
/// Cyrillic letters that look Latin (`С`, `Х`, `А`…) inside such a token are read as Latin: a
/// Russian text often types `CTRL+С` with a Cyrillic `С`.
enum TechnicalTokens {
    /// The marks that make a Latin run technical when they stand between its characters.
    private static let inner: Set<Character> = [".", "+", "_", "@", "/", "\\", "=", "#", "(", "-", ":", "<", ">", "[", "]", "{", "}", "$", "&", "?", "~"]
    /// Marks trimmed from both ends first (sentence punctuation and quotes).
    private static let outer: Set<Character> = [".", ",", ";", ":", "!", "?", "«", "»", "\"", "'", "“", "”", "„", "(", ")", "[", "]", "—", "–"]
    private static let lookalikes: [Character: Character] = [
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X",
        "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    ]

    /// The technical tokens of `sentence`, lowercased, in order.
    static func tokens(of sentence: String) -> [String] {
        var result: [String] = []
        for chunk in sentence.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }) {
            var text = Substring(chunk)
            while let first = text.first, outer.contains(first) { text = text.dropFirst() }
            while let last = text.last, outer.contains(last) { text = text.dropLast() }
            guard text.count >= 3, let token = technical(text) else { continue }
            result.append(token)
        }
        return result
    }

    /// `text` in Latin letters and lowercased when it is technical, else nil.
    private static func technical(_ text: Substring) -> String? {
        var latin = 0
        var cyrillic = 0
        var hasInnerMark = false
        for (offset, character) in text.enumerated() {
            if character.isASCII, character.isLetter {
                latin += 1
            } else if lookalikes[character] != nil {
                cyrillic += 1
            } else if character.isLetter {
                return nil  // a word of another alphabet: prose, not code
            } else if offset > 0, offset < text.count - 1, inner.contains(character) {
                hasInnerMark = true
            }
        }
        guard latin >= 1, hasInnerMark else { return nil }
        // Cyrillic look-alikes only beside Latin letters or key names (`CTRL+С`), never whole words.
        if cyrillic > 0, cyrillic >= latin { return nil }
        let mapped = String(text.map { lookalikes[$0] ?? $0 })
        // A hyphenated pair of plain words (`e-mail`, `IP-адрес` has Cyrillic and is gone above)
        // is a word, not code.
        if mapped.allSatisfy({ $0.isLetter || $0 == "-" }) { return nil }
        return mapped.lowercased()
    }
}
