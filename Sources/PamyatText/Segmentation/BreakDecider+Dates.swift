// The date rule of BreakDecider (docs/SEGMENTATION.md, "The date rule").

extension BreakDecider {
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

    /// A token such as `окт.` or `янв.`: an abbreviation from [dates-after-number].
    func isDateAbbreviationToken(_ lowercasedToken: String) -> Bool {
        guard lowercasedToken.hasSuffix(".") else { return false }
        let word = String(lowercasedToken.dropLast())
        let key = SegmentationRules.normalizedKey(Array(lowercasedToken.utf8))
        return rules.abbreviation(lastWord: word, window: key)?.behaviour.contains(.dateAfterNumber) ?? false
    }
}
