// The date rule of BreakDecider (docs/SEGMENTATION-RULES.md, "The date rule").

extension BreakDecider {
    /// The date rule, for an abbreviation of [dates-after-number] after a number (`2021 г.`,
    /// `5 окт.`, `XX в.`, `5 p.m.`) followed by a capital: the sentence goes on when the date phrase
    /// opens a clause — it stands at the sentence start, or after punctuation (`,` `:` `;` `—` `(`)
    /// or a word from [clause-openers] — and ends when the phrase closes one (after a verb or a noun:
    /// «Договор подписан в 2021 г. Затем…»), unless the sentence opens with a passive predicate
    /// and the capital starts its agent («Открыт в 1774 г. Дж. Пристли.»).
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
                || isDateAbbreviationToken(word) || isDateWordRange(word)
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
            // «Основана 15 января 2001 г. Джимми Уэйлсом…»: a short passive participle that opens the
            // sentence right before the date still waits for its agent, a name in the instrumental.
            if isOpeningPassivePredicate(core..<tokenEnd, sentenceStart: sentenceStart) && startsAgent(right) {
                return .drop
            }
            return .keep
        }
        return .keep
    }

    /// Whether `word` is the sentence's first word (or its second, after «был», «была», «было»,
    /// «были») and ends like a short passive participle (`[passive-participle-endings]`): «Открыт»,
    /// «Основана», «Был построен».
    func isOpeningPassivePredicate(_ word: Range<Int>, sentenceStart: Int) -> Bool {
        guard !rules.passiveParticipleEndings.isEmpty, word.count >= 5 else { return false }
        var first = sentenceStart
        while first < word.lowerBound && text[first] == 0x20 { first += 1 }
        if first < word.lowerBound {
            // One word before it, of at most four Cyrillic letters: «был», «была», «было», «были».
            guard word.lowerBound - 1 - first <= 8 else { return false }
            let auxiliary = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[first..<(word.lowerBound - 1)])))
            guard ["был", "была", "было", "были"].contains(auxiliary) else { return false }
        }
        let lower = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[word])))
        guard lower.unicodeScalars.count >= 5, lower.unicodeScalars.allSatisfy({ UTF8Text.isLetter($0) }) else { return false }
        return rules.passiveParticipleEndings.contains { lower.utf8.reversed().starts(with: $0.utf8.reversed()) }
    }

    /// Whether the words after the break start the agent of a passive predicate: an initial or a
    /// name abbreviation (`Дж.`), or a capitalised word in the instrumental (`[instrumental-endings]`)
    /// among the first two («Джимми Уэйлсом», «Ломоносовым»).
    func startsAgent(_ right: RightContext) -> Bool {
        guard !right.word.isEmpty, right.startsCapitalized else { return false }
        if right.wordFollowedByStop { return true }
        var word = right.word
        for _ in 0..<2 {
            guard !word.isEmpty else { return false }
            let lower = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[word])))
            if UTF8Text.isUppercase(text.scalar(at: word.lowerBound).scalar),
                rules.instrumentalEndings.contains(where: { lower.utf8.reversed().starts(with: $0.utf8.reversed()) })
            {
                return true
            }
            // The next word, after one space.
            var index = word.upperBound
            guard index + 1 < text.count, text[index] == 0x20 else { return false }
            index += 1
            let start = index
            while index < text.count {
                let (scalar, length) = text.scalar(at: index)
                guard UTF8Text.isLetter(scalar) else { break }
                index += length
            }
            guard index > start else { return false }
            word = start..<index
        }
        return false
    }

    /// Whether the sentence starts with a word of `[prepositions]` and has at most four tokens,
    /// none ending in punctuation, before `end`.
    func opensWithShortPrepositionalPhrase(sentenceStart: Int, before end: Int) -> Bool {
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

    /// Date words joined by dashes: `январе–феврале`, `весной-летом`.
    func isDateWordRange(_ lowercasedToken: String) -> Bool {
        guard lowercasedToken.utf8.contains(0x2D) || lowercasedToken.utf8.contains(0xE2) else { return false }
        let parts = lowercasedToken.split(whereSeparator: { $0 == "–" || $0 == "-" || $0 == "—" })
        return parts.count >= 2 && parts.allSatisfy { rules.dateWords.contains(String($0)) }
    }

    /// A token such as `окт.` or `янв.`: an abbreviation from [dates-after-number].
    func isDateAbbreviationToken(_ lowercasedToken: String) -> Bool {
        guard lowercasedToken.hasSuffix(".") else { return false }
        let word = String(lowercasedToken.dropLast())
        let key = SegmentationRules.normalizedKey(Array(lowercasedToken.utf8))
        return rules.abbreviation(lastWord: word, window: key)?.behaviour.contains(.dateAfterNumber) ?? false
    }
}
