// Letters that name things for BreakDecider: a key, an axis, a cell, a variant («оси Х.»).

extension BreakDecider {
    /// Whether the capital letter at `wordStart` names a key, an axis, a cell or a variant rather
    /// than being an initial: it follows a `+` (`Ctrl+С`, `Ctrl + С`), or a word of the language's
    /// `[letter-labels]` (`клавишу`, `оси`, `столбец`, `column`), maybe across other such letters
    /// joined by short lowercase words (`по осям X и Y`, `keys A or B`, but not `вариант от А.`).
    func isNamedLetter(wordStart: Int, tokenStart: Int, sentenceStart: Int) -> Bool {
        if wordStart > tokenStart { return text[wordStart - 1] == 0x2B }
        var start = tokenStart
        var afterJoiner = false  // a short word was passed: a letter must come before it
        for _ in 0..<6 {  // a few letters and conjunctions between the label and the letter
            guard start > sentenceStart + 1, text[start - 1] == 0x20 else { return false }
            let previous = startOfToken(endingAt: start - 1, sentenceStart: sentenceStart)
            var end = start - 1
            if end > previous && text[end - 1] == 0x2C { end -= 1 }  // «X, Y»
            guard previous < end else { return false }
            if end - previous == 1 && text[previous] == 0x2B { return true }  // «Ctrl + С»
            let first = text.scalar(at: previous)
            let single = previous + first.length == end && UTF8Text.isUppercase(first.scalar)
            if afterJoiner && !single { return false }
            if rules.isLetterLabel(text.bytes, previous..<end) { return true }
            let shortLowercase = !afterJoiner && UTF8Text.isLowercase(first.scalar) && isShortWord(previous..<end)
            guard single || shortLowercase else { return false }
            afterJoiner = shortLowercase
            start = previous
        }
        return false
    }

    /// One to three letters and nothing else (`и`, `or`, `and`).
    private func isShortWord(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        var letters = 0
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isLetter(scalar), letters < 3 else { return false }
            letters += 1
            index += length
        }
        return letters > 0
    }
}
