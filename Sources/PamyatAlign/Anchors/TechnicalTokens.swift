/// Finds the technical tokens of a sentence: runs of non-space characters that mix Latin letters
/// with the marks of code and addresses (`CTRL+C`, `config.yaml`, `smtp.example.ru`,
/// `anna@example.org`, `/api/v2/tickets`, `GetValue(key`, `max_connections`, `UTF-8`). They are
/// written the same in an original and its translation, so each is a strong anchor.
///
/// Cyrillic letters that look Latin (`С`, `Х`, `А`…) inside such a token are read as Latin: a
/// Russian text often types `CTRL+С` with a Cyrillic `С`.
///
/// Hand-written over Unicode scalars: it runs on every sentence of both documents, and most
/// sentences have no such token (a first pass over the bytes says so).
enum TechnicalTokens {
    /// The marks that make a Latin run technical when they stand between its characters.
    private static let inner: Set<Unicode.Scalar> = [".", "+", "_", "@", "/", "\\", "=", "#", "(", "-", ":", "<", ">", "[", "]", "{", "}", "$", "&", "?", "~"]
    /// Marks trimmed from both ends first (sentence punctuation and quotes).
    private static let outer: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "«", "»", "\"", "'", "“", "”", "„", "(", ")", "[", "]", "—", "–"]
    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X",
        "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
    ]

    /// The technical tokens of `sentence`, lowercased, in order.
    static func tokens(of sentence: String) -> [String] {
        // No ASCII letter next to one of the marks: nothing to find.
        guard mayHoldTokens(sentence) else { return [] }
        var result: [String] = []
        let scalars = Array(sentence.unicodeScalars)
        var start = 0
        while start < scalars.count {
            while start < scalars.count, scalars[start] == " " || scalars[start] == "\u{00A0}" { start += 1 }
            var end = start
            while end < scalars.count, scalars[end] != " " && scalars[end] != "\u{00A0}" { end += 1 }
            var low = start, high = end
            while low < high, outer.contains(scalars[low]) { low += 1 }
            while high > low, outer.contains(scalars[high - 1]) { high -= 1 }
            if high - low >= 3, let token = technical(scalars[low..<high]) { result.append(token) }
            start = end
        }
        return result
    }

    private static func mayHoldTokens(_ sentence: String) -> Bool {
        var letter = false, mark = false
        for byte in sentence.utf8 {
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letter = true }
            else if byte < 0x80, byte != 0x20, byte != 0x2C, !(byte >= 0x30 && byte <= 0x39) { mark = true }
            if letter && mark { return true }
        }
        return false
    }

    /// `text` in Latin letters and lowercased when it is technical, else nil.
    private static func technical(_ text: ArraySlice<Unicode.Scalar>) -> String? {
        var latin = 0
        var cyrillic = 0
        var hasInnerMark = false
        var onlyLettersAndHyphens = true
        for index in text.indices {
            let scalar = text[index]
            if scalar.isASCII, scalar.properties.isAlphabetic {
                latin += 1
            } else if lookalikes[scalar] != nil {
                cyrillic += 1
            } else if scalar.properties.isAlphabetic {
                return nil  // a word of another alphabet: prose, not code
            } else {
                if scalar != "-" { onlyLettersAndHyphens = false }
                if index > text.startIndex, index < text.endIndex - 1, inner.contains(scalar) { hasInnerMark = true }
            }
        }
        guard latin >= 1, hasInnerMark else { return nil }
        // Cyrillic look-alikes only beside Latin letters or key names (`CTRL+С`), never whole words.
        if cyrillic > 0, cyrillic >= latin { return nil }
        // A hyphenated pair of plain words (`e-mail`) is a word, not code.
        if onlyLettersAndHyphens { return nil }
        var mapped = String.UnicodeScalarView()
        for scalar in text { mapped.append(lookalikes[scalar] ?? scalar) }
        return String(mapped).lowercased()
    }
}
