// Abbreviations that end a label rather than stand in an address: «Тайм-аут, с.», «Действует с.».

extension BreakDecider {
    /// Whether the abbreviation at `wordStart..<wordEnd` (a unit of `[units-after-number]` that is
    /// also an address or reference word: «с.» = seconds / village / page) ends a sentence in
    /// running text of labels, before the capital of `right`:
    /// - a unit after a label's comma («Тайм-аут команды, с. Максимальное время…»): the word
    ///   before the comma is a plain word, not an abbreviation («обл., с. Ивановка») nor an
    ///   `[address-words]` word («район, с. Ивановка»); when that word is capitalised
    ///   («Россия, г. Москва» has the shape of «Тайм-аут, с.»), only a starter word after it decides;
    /// - a preposition left without its object after a verb («Действует с. Дата начала…»): the word
    ///   before ends in one of the language's `[verb-endings]` (a village name follows a
    ///   preposition, a comma or a noun: «в с. Ивановка», «жители с. Ивановка»).
    func endsLabel(wordStart: Int, wordEnd: Int, tokenStart: Int, right: RightContext, sentenceStart: Int) -> Bool {
        guard wordStart == tokenStart, right.startsCapitalized, !right.wordFollowedByStop,
            !right.isContinuation(text, rules: rules),
            tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20
        else { return false }
        let previousStart = startOfToken(endingAt: tokenStart - 1, sentenceStart: sentenceStart)
        var previousEnd = tokenStart - 1
        let afterComma = previousEnd > previousStart && text[previousEnd - 1] == 0x2C
        if afterComma { previousEnd -= 1 }
        guard previousStart < previousEnd, isPlainWord(previousStart..<previousEnd) else { return false }
        let previous = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[previousStart..<previousEnd])))
        if afterComma {
            // A label is short: a few words before the unit.
            guard startOfTokens(count: 5, before: previousStart, sentenceStart: sentenceStart) == sentenceStart,
                !rules.addressWords.contains(previous)
            else { return false }
            if UTF8Text.isUppercase(text.scalar(at: previousStart).scalar) {
                return right.startsWithStarter(text, rules: rules)
            }
            return true
        }
        let word = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[wordStart..<wordEnd])))
        guard rules.prepositions.contains(word), previous.count >= 6 else { return false }
        return rules.verbEndings.contains { previous.utf8.reversed().starts(with: $0.utf8.reversed()) }
    }

    /// Letters and inner hyphens only (`Тайм-аут`, `команды`), no stop or digit.
    private func isPlainWord(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isLetter(scalar) || (scalar == "-" && index > range.lowerBound) else { return false }
            index += length
        }
        return true
    }
}
