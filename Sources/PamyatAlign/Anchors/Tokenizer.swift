/// Splits a sentence into words, numbers and anchor marks.
///
/// Hand-written rather than ICU word breaking: the aligner needs only runs of letters and digits
/// plus a few marks, for every sentence of both documents on every alignment, and a single pass over
/// the Unicode scalars is several times faster than a break iterator with its per-task state.
enum Tokenizer {
    /// The tokens of `sentence`. `decimalComma` says whether `1,5` is one and a half (Russian and
    /// most Cyrillic-script languages) or, followed by three digits, a thousands group (English).
    static func tokens(of sentence: String, decimalComma: Bool) -> [Token] {
        let scalars = Array(sentence.unicodeScalars)
        // Where each scalar starts, so that a word's text is one slice of the sentence.
        var starts = Array(sentence.unicodeScalars.indices)
        starts.append(sentence.unicodeScalars.endIndex)
        var tokens: [Token] = []
        var index = 0
        var seenWord = false
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if isLetter(scalar) {
                var end = index + 1
                while end < count, isLetter(scalars[end]) || (scalars[end].value >= 0x300 && scalars[end].properties.generalCategory == .nonspacingMark) {
                    end += 1
                }
                tokens.append(word(scalars[index..<end], text: String(sentence.unicodeScalars[starts[index]..<starts[end]]), initial: !seenWord))
                seenWord = true
                index = end
                continue
            }
            if isDigit(scalar) {
                let (text, end) = number(scalars, from: index, decimalComma: decimalComma)
                tokens.append(Token(kind: .number, text: text, script: .other, isCapitalized: false, isAllCaps: false, isSentenceInitial: false))
                index = end
                continue
            }
            switch scalar {
            case "?", "!", "(", "%", ":", ";", ",":
                tokens.append(mark(String(scalar)))
            case "«", "»", "“", "”", "„", "\"":
                tokens.append(mark("\""))
            default:
                break
            }
            index += 1
        }
        return tokens
    }

    // Fast paths for ASCII and Cyrillic (most of every text pamyat sees); Unicode properties,
    // which are slow to look up, only for the rest.
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0x0400 && v <= 0x0481 || v >= 0x048A && v <= 0x052F { return true }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    @inline(__always) static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x0400 && v <= 0x042F { return true }
        if v >= 0x0430 && v <= 0x045F { return false }
        return scalar.properties.isUppercase
    }

    private static func mark(_ text: String) -> Token {
        Token(kind: .mark, text: text, script: .other, isCapitalized: false, isAllCaps: false, isSentenceInitial: false)
    }

    private static func word(_ scalars: ArraySlice<Unicode.Scalar>, text: String, initial: Bool) -> Token {
        var script = Token.Script.other
        var letters = 0
        var upper = 0
        for scalar in scalars where isLetter(scalar) {
            letters += 1
            if isUppercase(scalar) { upper += 1 }
            if script == .other {
                if (0x0400...0x052F).contains(scalar.value) { script = .cyrillic }
                else if scalar.value < 0x250 { script = .latin }
            }
        }
        let first = scalars.first!
        return Token(
            kind: .word, text: text, script: script, isCapitalized: isUppercase(first),
            isAllCaps: letters >= 2 && upper == letters, isSentenceInitial: initial)
    }

    /// Reads a number starting at `start`: digits with group separators (a space, NBSP or thin
    /// space, or a comma in English, followed by exactly three digits) and one decimal separator.
    private static func number(_ scalars: [Unicode.Scalar], from start: Int, decimalComma: Bool) -> (String, Int) {
        var digits = ""
        var index = start
        var seenDecimal = false
        let count = scalars.count
        func isDigit(_ i: Int) -> Bool { i < count && Self.isDigit(scalars[i]) }
        func threeDigitGroup(_ i: Int) -> Bool { isDigit(i) && isDigit(i + 1) && isDigit(i + 2) && !isDigit(i + 3) }
        while index < count {
            let scalar = scalars[index]
            if isDigit(index) {
                digits.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.properties.numericValue.map { Int($0) } ?? 0) + 48))
                index += 1
                continue
            }
            let separator = scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
            if separator, !seenDecimal, threeDigitGroup(index + 1) { index += 1; continue }
            if scalar == ",", !decimalComma, !seenDecimal, threeDigitGroup(index + 1) { index += 1; continue }
            if (scalar == "." || scalar == ","), !seenDecimal, isDigit(index + 1) {
                // "2.5" / "2,5": a decimal point; a "." followed by three digits in a Cyrillic text
                // ("1.500") is rare enough to read as decimal too.
                seenDecimal = true
                digits.append(".")
                index += 1
                continue
            }
            break
        }
        return (digits, index)
    }
}
