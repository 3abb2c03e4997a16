extension BreakDecider {
    /// The decision after a single full stop at `stop`, followed by a space and a word that does not
    /// start in lowercase: list items, initials, abbreviations; otherwise a sentence ends.
    func decideAfterFullStop(stop: Int, right: RightContext, sentenceStart: Int) -> Decision {
        // A stop detached by a space («г .», in text whose tokens are spaced out) counts as attached.
        let wordEnd = stop > sentenceStart + 1 && text[stop - 1] == 0x20 ? stop - 1 : stop
        let tokenStart = startOfToken(endingAt: wordEnd, sentenceStart: sentenceStart)
        if isListItemMarker(tokenStart: tokenStart, stop: wordEnd, sentenceStart: sentenceStart) { return .drop }

        // The word right before the stop: after the last stop, space, hyphen, slash or plus in the
        // token, and without leading digits or punctuation (2021г. → г, (см. → см, ген.-лейт. → лейт,
        // Ctrl+С. → С).
        var wordStart = wordEnd
        while wordStart > tokenStart {
            let (scalar, start) = text.scalar(before: wordStart)
            if scalar == "." || scalar == "-" || scalar == "/" || scalar == "+" { break }
            wordStart = start
        }
        var digitsBefore = false
        var symbolBefore = false  // °С., $US.: a unit or a symbol, not an initial
        while wordStart < wordEnd {
            let (scalar, length) = text.scalar(at: wordStart)
            if UTF8Text.isLetter(scalar) { break }
            if UTF8Text.isDigit(scalar) {
                digitsBefore = true
            } else if !UTF8Text.isOpening(scalar) {
                symbolBefore = true
            }
            wordStart += length
        }
        guard wordStart < wordEnd else { return .keep }  // a number or a symbol: 5. 100%.
        // A number before the token (2021 г., 5 p.m.) or at its start (2021г.).
        let afterNumber = digitsBefore || previousTokenIsNumber(before: tokenStart, sentenceStart: sentenceStart)

        // An initial: one capital letter (А. Г. Лукашенко, А.Г. Лукашенко, Jonas E. Smith, U.S.),
        // but not a Roman numeral in Cyrillic text (Фердинанда I.).
        let firstScalar = text.scalar(at: wordStart)
        // «Нажмите Ctrl+С.», «по оси Х.», «учится в 7Б.»: one capital after a `+` or a digit, or after
        // a word that names keys, axes or cells, is that name, not an initial; the sentence ends.
        if wordStart + firstScalar.length == wordEnd && UTF8Text.isUppercase(firstScalar.scalar) && !symbolBefore
            && (digitsBefore || isNamedLetter(wordStart: wordStart, tokenStart: tokenStart, sentenceStart: sentenceStart))
        {
            return .keep
        }
        // A chain of capitals that a list writes in capitals (U.S., U.K.) is decided by its list.
        if wordStart + firstScalar.length == wordEnd && UTF8Text.isUppercase(firstScalar.scalar) && !afterNumber && !symbolBefore
            && !isRomanNumeralAfterCyrillic(firstScalar.scalar, tokenStart: tokenStart, wordStart: wordStart, sentenceStart: sentenceStart)
            && !(wordStart > tokenStart && isListed(wordStart: wordStart, wordEnd: wordEnd, tokenStart: tokenStart, stop: stop, sentenceStart: sentenceStart))
        {
            if right.startsWithStarter(text, rules: rules) { return .keep }
            // «--threads N. Число одновременных передач»: a Latin capital before a Cyrillic word
            // that is no initial of its own is a name from code or a key; Russian writes initials
            // in Cyrillic, and a Latin initial goes with a Latin surname (J. Smith).
            if firstScalar.scalar.value < 0x80, let next = right.first, next.value >= 0x400 && next.value <= 0x4FF,
                !right.wordFollowedByStop
            {
                return .keep
            }
            // «…3 место — Сидорова А. Поздравляем!»: initials after a surname close the name.
            if right.startsCapitalized && !right.wordFollowedByStop
                && initialsFollowSurname(tokenStart: tokenStart, sentenceStart: sentenceStart)
            {
                return .keep
            }
            return .drop
        }

        // A unit after a symbol (88 °C.), the end of an address (info@example.gov.,
        // www.nbrb.by.) or an acronym in capitals (ВКЛ., США.) is no abbreviation.
        if symbolBefore || isAddressEnd(tokenStart: tokenStart, wordStart: wordStart) || isAcronym(wordStart..<wordEnd) {
            return .keep
        }
        // An unknown chain of short lowercase parts joined by stops (д.ф.-м.н., к.с.-х.н.) is an
        // abbreviation that ends a sentence only before a starter.
        let chainDecision: Decision =
            isLowercaseChain(tokenStart..<wordEnd) ? (right.startsWithStarter(text, rules: rules) ? .keep : .drop) : .keep
        guard rules.mayEndAbbreviation(text.bytes, wordStart..<wordEnd) else {
            return unknownWordDecision(chainDecision, firstScalar: firstScalar.scalar, stop: stop, sentenceStart: sentenceStart)
        }
        let lastWord = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[wordStart..<wordEnd])))
        guard rules.hasAbbreviations(endingWith: lastWord) else {
            return unknownWordDecision(chainDecision, firstScalar: firstScalar.scalar, stop: stop, sentenceStart: sentenceStart)
        }
        let windowStart = startOfTokens(count: 6, before: tokenStart, sentenceStart: sentenceStart)
        let window = SegmentationRules.normalizedKey(Array(text.bytes[windowStart...stop]))
        guard let abbreviation = rules.abbreviation(lastWord: lastWord, window: window) else {
            return unknownWordDecision(chainDecision, firstScalar: firstScalar.scalar, stop: stop, sentenceStart: sentenceStart)
        }
        let behaviour = abbreviation.behaviour
        let abbreviationAfterNumber = afterNumber

        if right.startsWithDigit {
            // «…приз в 10 тыс. долл. 1.1. Настоящее положение…»: a section number at a paragraph
            // junction starts a sentence, unless the abbreviation governs numbers (ст. 5. Права).
            if !behaviour.contains(.beforeNumber) && !right.opened && startsSectionNumber(at: right.word.lowerBound) { return .keep }
            return .drop  // ст. 5, p. 55, янв. 2024, тыс. 100
        }
        if abbreviationAfterNumber && behaviour.contains(.dateAfterNumber) {
            return decideAfterDate(tokenStart: tokenStart, right: right, sentenceStart: sentenceStart)
        }
        if abbreviationAfterNumber && behaviour.contains(.unitAfterNumber) {
            return right.startsCapitalized ? .keep : .drop
        }
        if behaviour.contains(.unitAfterNumber) && !right.opened
            && endsLabel(wordStart: wordStart, wordEnd: wordEnd, tokenStart: tokenStart, right: right, sentenceStart: sentenceStart)
        {
            return .keep
        }
        if behaviour.contains(.neverEnds) { return .drop }
        if behaviour.contains(.initial) || behaviour.contains(.endsBeforeStarter) {
            return right.startsWithStarter(text, rules: rules) ? .keep : .drop
        }
        if behaviour.contains(.endsBeforeCapital) || behaviour.contains(.dateAfterNumber)
            || behaviour.contains(.unitAfterNumber)
        {
            if right.opened { return .keep }
            guard right.startsCapitalized else { return .drop }
            return right.isContinuation(text, rules: rules) ? .drop : .keep
        }
        return .keep  // only [before-number], and no number follows: an ordinary word (He said no.)
    }

    /// Whether the word at `wordStart` ends an e-mail address, a URL or a domain name: its token
    /// holds `@` or `/`, or the word follows a stop that follows three or more letters
    /// (`example.gov`, but not `U.S.`, `т.е.`, `Ph.D.`).
    private func isAddressEnd(tokenStart: Int, wordStart: Int) -> Bool {
        var index = tokenStart
        while index < wordStart {
            if text[index] == 0x40 || text[index] == 0x2F { return true }
            index += 1
        }
        guard wordStart > tokenStart, text[wordStart - 1] == 0x2E else { return false }
        var letters = 0
        var position = wordStart - 1
        while position > tokenStart, letters < 3 {
            let (scalar, start) = text.scalar(before: position)
            guard UTF8Text.isLetterOrDigit(scalar) else { break }
            letters += 1
            position = start
        }
        return letters >= 3
    }

    /// The decision for a word that is in no list: `decision`, except that a lowercase word with a
    /// stop inside brackets opened within the sentence and closed later is an abbreviation too
    /// («Беларусь (офиц. Республика Беларусь)»).
    private func unknownWordDecision(_ decision: Decision, firstScalar: Unicode.Scalar, stop: Int, sentenceStart: Int) -> Decision {
        guard decision == .keep, UTF8Text.isLowercase(firstScalar), isInsideBrackets(stop: stop, sentenceStart: sentenceStart) else {
            return decision
        }
        return .drop
    }

    /// Whether the text ending at `stop` is an abbreviation the language's lists write in capitals.
    private func isListed(wordStart: Int, wordEnd: Int, tokenStart: Int, stop: Int, sentenceStart: Int) -> Bool {
        guard rules.mayEndAbbreviation(text.bytes, wordStart..<wordEnd) else { return false }
        let lastWord = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[wordStart..<wordEnd])))
        let windowStart = startOfTokens(count: 6, before: tokenStart, sentenceStart: sentenceStart)
        let window = SegmentationRules.normalizedKey(Array(text.bytes[windowStart...stop]))
        guard let found = rules.abbreviation(lastWord: lastWord, window: window) else { return false }
        return found.capitals
    }

    /// Whether a bracket opened after a word inside this sentence is still open at `stop` and a
    /// closing bracket follows later in the paragraph. Both looks are bounded (a bracketed remark
    /// is short), so that a long paragraph never costs more than linear time.
    private func isInsideBrackets(stop: Int, sentenceStart: Int) -> Bool {
        let reach = 300
        var depth = 0
        var openedAfterWord = false
        for index in max(sentenceStart, stop - reach)..<stop {
            if text[index] == 0x28 {
                if depth == 0 { openedAfterWord = index > sentenceStart + 1 && text[index - 1] == 0x20 && text[index - 2] != 0x2E }
                depth += 1
            } else if text[index] == 0x29 && depth > 0 {
                depth -= 1
            }
        }
        guard depth > 0, openedAfterWord else { return false }
        var index = stop + 1
        while index < min(text.count, stop + reach) {
            if text[index] == 0x29 { return true }
            if text[index] == 0x28 { return false }
            index += 1
        }
        return false
    }

    /// Two or more parts of one to three lowercase letters, each but the last followed by a stop
    /// (and maybe a hyphen): `д.ф.-м.н`, `т.н`.
    private func isLowercaseChain(_ range: Range<Int>) -> Bool {
        var parts = 0
        var letters = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            if UTF8Text.isLowercase(scalar) {
                letters += 1
                if letters > 3 { return false }
            } else if scalar == "." {
                guard letters > 0 else { return false }
                parts += 1
                letters = 0
            } else if scalar == "-" {
                guard letters == 0, parts > 0 else { return false }
            } else {
                return false
            }
            index += length
        }
        return letters > 0 && parts >= 1
    }
}
