extension BreakDecider {
    /// The decision after a single full stop at `stop`, followed by a space and a word that does not
    /// start in lowercase: list items, initials, abbreviations; otherwise a sentence ends.
    func decideAfterFullStop(stop: Int, right: RightContext, sentenceStart: Int) -> Decision {
        // A stop detached by a space («г .», in text whose tokens are spaced out) counts as attached.
        let wordEnd = stop > sentenceStart + 1 && text[stop - 1] == 0x20 ? stop - 1 : stop
        let tokenStart = startOfToken(endingAt: wordEnd, sentenceStart: sentenceStart)
        if isListItemMarker(tokenStart: tokenStart, stop: wordEnd, sentenceStart: sentenceStart) { return .drop }

        // The word right before the stop: after the last stop, space, hyphen or slash in the token, and
        // without leading digits or punctuation (2021г. → г, (см. → см, ген.-лейт. → лейт).
        var wordStart = wordEnd
        while wordStart > tokenStart {
            let (scalar, start) = text.scalar(before: wordStart)
            if scalar == "." || scalar == "-" || scalar == "/" { break }
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
        // A chain of capitals that a list writes in capitals (U.S., U.K.) is decided by its list.
        if wordStart + firstScalar.length == wordEnd && UTF8Text.isUppercase(firstScalar.scalar) && !afterNumber && !symbolBefore
            && !isRomanNumeralAfterCyrillic(firstScalar.scalar, tokenStart: tokenStart, wordStart: wordStart, sentenceStart: sentenceStart)
            && !(wordStart > tokenStart && isListed(wordStart: wordStart, wordEnd: wordEnd, tokenStart: tokenStart, stop: stop, sentenceStart: sentenceStart))
        {
            if right.startsWithStarter(text, rules: rules) { return .keep }
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

        if right.startsWithDigit { return .drop }  // ст. 5, p. 55, янв. 2024, тыс. 100
        if abbreviationAfterNumber && behaviour.contains(.dateAfterNumber) {
            return decideAfterDate(tokenStart: tokenStart, right: right, sentenceStart: sentenceStart)
        }
        if abbreviationAfterNumber && behaviour.contains(.unitAfterNumber) {
            return right.startsCapitalized ? .keep : .drop
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

    /// The date rule, for an abbreviation of [dates-after-number] after a number (`2021 г.`,
    /// `5 окт.`, `XX в.`, `5 p.m.`) followed by a capital: the sentence goes on when the date phrase
    /// opens a clause — it stands at the sentence start, or after punctuation (`,` `:` `;` `—` `(`)
    /// or a word from [clause-openers] — and ends when the phrase closes one (after a verb or a noun:
    /// «Договор подписан в 2021 г. Затем…»).
    func decideAfterDate(tokenStart: Int, right: RightContext, sentenceStart: Int) -> Decision {
        guard right.startsCapitalized || right.opened else { return .drop }
        var end = tokenStart  // the date phrase starts at or before here
        var hasPreposition = false
        for _ in 0..<16 {  // a date phrase is a few words; bounded for pathological input
            guard end > sentenceStart, text[end - 1] == 0x20 else { return .drop }  // sentence start
            let tokenEnd = end - 1
            let start = startOfToken(endingAt: tokenEnd, sentenceStart: sentenceStart)
            guard start < tokenEnd else { return .drop }
            let lastScalar = text.scalar(before: tokenEnd).scalar
            if lastScalar == "," || lastScalar == ":" || lastScalar == ";" || UTF8Text.isOpening(lastScalar)
                || UTF8Text.isDash(lastScalar)
            {
                return .drop
            }
            // Leading opening quotes or brackets: the token opens a clause of its own.
            var core = start
            while core < tokenEnd, UTF8Text.isOpening(text.scalar(at: core).scalar) { core += text.scalar(at: core).length }
            let word = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[core..<tokenEnd])))
            let partOfDate =
                isNumberToken(core..<tokenEnd) || rules.dateWords.contains(word)
                || isDateAbbreviationToken(word)
            if partOfDate {
                if core > start { return .drop }
                if rules.prepositions.contains(word) { hasPreposition = true }
                end = start
                continue
            }
            if rules.clauseOpeners.contains(word) { return .drop }
            // «По Ям-Запольскому миру 1582 г. Ливония…»: a year without a preposition of its own,
            // inside a prepositional phrase that opens the sentence, is part of that opening.
            if !hasPreposition && opensWithShortPrepositionalPhrase(sentenceStart: sentenceStart, before: end) {
                return .drop
            }
            return .keep
        }
        return .keep
    }

    /// Whether the sentence starts with a word of `[prepositions]` and has at most four tokens,
    /// none ending in punctuation, before `end`.
    private func opensWithShortPrepositionalPhrase(sentenceStart: Int, before end: Int) -> Bool {
        var tokens: [Range<Int>] = []
        var index = sentenceStart
        while index < end && tokens.count <= 4 {
            while index < end && text[index] == 0x20 { index += 1 }
            let start = index
            while index < end && text[index] != 0x20 { index += 1 }
            if index > start { tokens.append(start..<index) }
        }
        guard let first = tokens.first, tokens.count <= 4 else { return false }
        for token in tokens {
            let last = text.scalar(before: token.upperBound).scalar
            if !UTF8Text.isLetterOrDigit(last) { return false }
        }
        var core = first.lowerBound
        while core < first.upperBound, UTF8Text.isOpening(text.scalar(at: core).scalar) || UTF8Text.isDash(text.scalar(at: core).scalar) {
            core += text.scalar(at: core).length
        }
        let word = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[core..<first.upperBound])))
        return rules.prepositions.contains(word)
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

    /// Whether the initials that end at this token come right after a surname: a capitalised
    /// word with an ending of `[surname-endings]` that does not itself follow a capitalised word
    /// («— Сидорова А.», «директор Иванов И. И.», but not «Совета Министров Р. А.»).
    private func initialsFollowSurname(tokenStart: Int, sentenceStart: Int) -> Bool {
        guard !rules.surnameEndings.isEmpty else { return false }
        // Back over the initials: tokens of capitals and stops (А., А.Г., Г.).
        var start = tokenStart
        var initials = 0
        while start > sentenceStart + 1 && text[start - 1] == 0x20 && initials < 4 {
            let previous = startOfToken(endingAt: start - 1, sentenceStart: sentenceStart)
            guard isInitialsToken(previous..<(start - 1)) else { break }
            start = previous
            initials += 1
        }
        guard start > sentenceStart + 1, text[start - 1] == 0x20 else { return false }
        let surname = startOfToken(endingAt: start - 1, sentenceStart: sentenceStart)..<(start - 1)
        guard surname.count >= 6, UTF8Text.isUppercase(text.scalar(at: surname.lowerBound).scalar) else { return false }
        var index = surname.lowerBound
        while index < surname.upperBound {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isLetter(scalar) || scalar == "-" else { return false }
            index += length
        }
        let word = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[surname])))
        guard rules.surnameEndings.contains(where: { word.hasSuffix($0) }) else { return false }
        // The word before the surname must not be capitalised («Совета Министров»).
        guard surname.lowerBound > sentenceStart + 1, text[surname.lowerBound - 1] == 0x20 else { return true }
        let before = startOfToken(endingAt: surname.lowerBound - 1, sentenceStart: sentenceStart)
        return !UTF8Text.isUppercase(text.scalar(at: before).scalar)
    }

    /// `А.`, `А.Г.`: capitals each followed by a stop.
    private func isInitialsToken(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, text[range.upperBound - 1] == 0x2E else { return false }
        var index = range.lowerBound
        var expectLetter = true
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            if expectLetter {
                guard UTF8Text.isUppercase(scalar) else { return false }
            } else {
                guard scalar == "." else { return false }
            }
            expectLetter.toggle()
            index += length
        }
        return expectLetter
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

    /// A lone Latin I, V or X after a Cyrillic word (Пётр I., Фердинанда I.): a Roman numeral.
    private func isRomanNumeralAfterCyrillic(_ letter: Unicode.Scalar, tokenStart: Int, wordStart: Int, sentenceStart: Int) -> Bool {
        guard letter == "I" || letter == "V" || letter == "X", wordStart == tokenStart,
            tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20
        else { return false }
        let previous = text.scalar(before: tokenStart - 1).scalar
        return previous.value >= 0x400 && previous.value <= 0x4FF
    }

    /// Two or more letters, all capitals.
    private func isAcronym(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        var letters = 0
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isUppercase(scalar) else { return false }
            letters += 1
            index += length
        }
        return letters >= 2
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

    // MARK: Tokens

    /// The start of the space-delimited token that ends at `end` (exclusive).
    func startOfToken(endingAt end: Int, sentenceStart: Int) -> Int {
        var start = end
        while start > sentenceStart && text[start - 1] != 0x20 { start -= 1 }
        return start
    }

    /// The start of the `count`-th token before `tokenStart` (or the sentence start).
    func startOfTokens(count: Int, before tokenStart: Int, sentenceStart: Int) -> Int {
        var start = tokenStart
        for _ in 0..<count {
            guard start > sentenceStart, text[start - 1] == 0x20 else { break }
            start = startOfToken(endingAt: start - 1, sentenceStart: sentenceStart)
        }
        return start
    }

    /// Whether the token before `tokenStart` is a number (2021, 13.02.2023, 2021–2022, 1990-е, XX).
    func previousTokenIsNumber(before tokenStart: Int, sentenceStart: Int) -> Bool {
        guard tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20 else { return false }
        let end = tokenStart - 1
        return isNumberToken(startOfToken(endingAt: end, sentenceStart: sentenceStart)..<end)
    }

    /// A number written with digits (and any . , – - / inside, a case ending after a hyphen), or
    /// a Roman numeral (XX, XIX–XX, also with Cyrillic Х and І).
    func isNumberToken(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var index = range.lowerBound
        // A sign or a currency before the digits: −5, +3, ±2, ~10, $100, €5.
        let (sign, signLength) = text.scalar(at: index)
        switch sign.value {
        case 0x2212, 0x2D, 0x2B, 0xB1, 0x7E, 0x2248, 0x3C, 0x3E, 0x24, 0x20AC, 0xA3, 0xA5, 0x20BD:
            if index + signLength < range.upperBound { index += signLength }
        default: break
        }
        let first = text[index]
        if first >= 0x30 && first <= 0x39 { return true }
        var romans = 0
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            switch scalar {
            case "I", "V", "X", "L", "C", "D", "M": romans += 1
            case "Х", "І": romans += 1  // Cyrillic Х and І typed for X and I (ХХ в., ХІХ в.)
            case "-", "–", "—": break
            default: return false
            }
            index += length
        }
        return romans > 0
    }

    /// A token such as `окт.` or `янв.`: an abbreviation from [dates-after-number].
    private func isDateAbbreviationToken(_ lowercasedToken: String) -> Bool {
        guard lowercasedToken.hasSuffix(".") else { return false }
        let word = String(lowercasedToken.dropLast())
        let key = SegmentationRules.normalizedKey(Array(lowercasedToken.utf8))
        return rules.abbreviation(lastWord: word, window: key)?.behaviour.contains(.dateAfterNumber) ?? false
    }

    /// The stop ends a list item's number or letter, not a sentence: the sentence so far is only
    /// the marker (`1.`, `1.2.`, `IV.`, `а.`, `• 9.`), or a number right after a colon
    /// («Требования: 1. Знание…»).
    func isListItemMarker(tokenStart: Int, stop: Int, sentenceStart: Int) -> Bool {
        var start = sentenceStart
        var end = stop
        while start < end && text[start] == 0x20 { start += 1 }
        while end > start && text[end - 1] == 0x20 { end -= 1 }
        // A bullet before the marker: "• 9." or "⁃9.".
        if start < end, UTF8Text.isBullet(text.scalar(at: start).scalar) {
            start += text.scalar(at: start).length
            while start < end && text[start] == 0x20 { start += 1 }
        }
        let marker = start..<end
        if !marker.isEmpty && marker.count <= 12 && isMarkerText(marker) { return true }
        // «…: 1. Знание»: a number after a colon (but not a score: «2:1.», «2 : 1 .»).
        guard tokenStart < stop, tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20, text[tokenStart - 2] == 0x3A else {
            return false
        }
        var colon = tokenStart - 2
        if colon > sentenceStart + 1 && text[colon - 1] == 0x20 { colon -= 1 }
        if colon > sentenceStart, UTF8Text.isDigit(text.scalar(before: colon).scalar) { return false }
        return isMarkerText(tokenStart..<stop)
    }

    /// Digits with inner stops (1, 1.2), one letter (а, b), or a Roman numeral (IV).
    private func isMarkerText(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let (first, firstLength) = text.scalar(at: range.lowerBound)
        if UTF8Text.isDigit(first) {
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = text[index]
                guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2E else { return false }
                index += 1
            }
            return range.count <= 8
        }
        if firstLength == range.count && UTF8Text.isLowercase(first) { return true }
        return isNumberToken(range) && range.count <= 6 && !text.string(range).contains("-")
    }
}
