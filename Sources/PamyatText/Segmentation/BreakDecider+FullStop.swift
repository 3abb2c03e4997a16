extension BreakDecider {
    /// The decision after a single full stop at `stop`, followed by a space and a word that does not
    /// start in lowercase: list items, initials, abbreviations; otherwise a sentence ends.
    func decideAfterFullStop(stop: Int, right: RightContext, sentenceStart: Int) -> Decision {
        let tokenStart = startOfToken(endingAt: stop, sentenceStart: sentenceStart)
        if isListItemMarker(tokenStart: tokenStart, stop: stop, sentenceStart: sentenceStart) { return .drop }

        // The word right before the stop: after the last stop, space or hyphen in the token, and
        // without leading digits or punctuation (2021г. → г, (см. → см, ген.-лейт. → лейт).
        var wordStart = stop
        while wordStart > tokenStart {
            let (scalar, start) = text.scalar(before: wordStart)
            if scalar == "." || scalar == "-" { break }
            wordStart = start
        }
        var digitsBefore = false
        var symbolBefore = false  // °С., $US.: a unit or a symbol, not an initial
        while wordStart < stop {
            let (scalar, length) = text.scalar(at: wordStart)
            if UTF8Text.isLetter(scalar) { break }
            if UTF8Text.isDigit(scalar) {
                digitsBefore = true
            } else if !UTF8Text.isOpening(scalar) {
                symbolBefore = true
            }
            wordStart += length
        }
        guard wordStart < stop else { return .keep }  // a number or a symbol: 5. 100%.
        // A number before the token (2021 г., 5 p.m.) or at its start (2021г.).
        let afterNumber = digitsBefore || previousTokenIsNumber(before: tokenStart, sentenceStart: sentenceStart)

        // An initial: one capital letter (А. Г. Лукашенко, А.Г. Лукашенко, Jonas E. Smith, U.S.).
        let firstScalar = text.scalar(at: wordStart)
        if wordStart + firstScalar.length == stop && UTF8Text.isUppercase(firstScalar.scalar) && !afterNumber && !symbolBefore {
            return right.startsWithStarter(text, rules: rules) ? .keep : .drop
        }

        guard rules.mayEndAbbreviation(text.bytes, wordStart..<stop) else { return .keep }
        let lastWord = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[wordStart..<stop])))
        guard rules.hasAbbreviations(endingWith: lastWord) else { return .keep }
        let windowStart = startOfTokens(count: 3, before: tokenStart, sentenceStart: sentenceStart)
        let window = SegmentationRules.normalizedKey(Array(text.bytes[windowStart...stop]))
        guard let abbreviation = rules.abbreviation(lastWord: lastWord, window: window) else { return .keep }
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
            return right.startsCapitalized || right.opened ? .keep : .drop
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
        while true {
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
                end = start
                continue
            }
            if rules.clauseOpeners.contains(word) { return .drop }
            return .keep
        }
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
    /// a Roman numeral (XX, XIX–XX).
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
        while start < stop && text[start] == 0x20 { start += 1 }
        // A bullet before the marker: "• 9." or "⁃9.".
        if start < stop, UTF8Text.isBullet(text.scalar(at: start).scalar) {
            start += text.scalar(at: start).length
            while start < stop && text[start] == 0x20 { start += 1 }
        }
        let marker = start..<stop
        if !marker.isEmpty && marker.count <= 12 && isMarkerText(marker) { return true }
        // «…: 1. Знание»: a number after a colon.
        guard tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20, text[tokenStart - 2] == 0x3A else {
            return false
        }
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
