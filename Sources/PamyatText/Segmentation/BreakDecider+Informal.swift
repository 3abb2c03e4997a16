// The informal register for BreakDecider (docs/SEGMENTATION-RULES.md, "Informal text").

extension BreakDecider {
    /// How far the direct-speech checks look, in bytes (a remark in speech is short).
    private static var speechReach: Int { 400 }

    /// The decision for an `.informalStop` candidate — `!`, `?` (runs of them) or two dots before a
    /// lowercase word — and the first check for a `.chatFullStop`. In chats and forums people do not capitalise, so a sentence ends there,
    /// unless the stop is inside direct speech, where literary text writes a lowercase word after
    /// `!` or `?` within one sentence: the sentence opens with a typographic dash («— Ах! как
    /// хорошо, — сказала она.»), a quotation is open («Куда ты? постой!»), or the author's words
    /// follow after a dash («Что ты! что ты! — замахала руками няня.»).
    func decideInformalStop(_ candidate: BreakCandidate, sentenceStart: Int) -> Int? {
        guard rules.chatLowercaseStarts else { return nil }
        if opensDirectSpeech(sentenceStart..<candidate.offset) { return nil }
        if authorsWordsFollow(from: candidate.offset) { return nil }
        return candidate.offset
    }

    /// Whether the full stop before `offset` (and its space) follows a word of two letters or more
    /// and comes before a word that is not a short part of an abbreviation (`ст.`, `э.`): an
    /// abbreviation of several parts that no list holds (`до н. э.`, `рт. ст.`) is no sentence end.
    func isPlainWordStop(_ offset: Int) -> Bool {
        var letters = 0
        var index = offset - 2
        while index > 0 && letters < 2 {
            let (scalar, start) = text.scalar(before: index)
            guard UTF8Text.isLetter(scalar) else { break }
            letters += 1
            index = start
        }
        guard letters >= 2 else { return false }
        let right = RightContext(text, at: offset)
        return !(right.wordFollowedByStop && right.word.count <= 6)  // at most three Cyrillic letters
    }

    /// Whether the sentence so far opens with `—` or `–` (a line of dialogue in typeset text; a
    /// typed `-` or `--` is the chat's own), brings in speech with a colon and such a dash
    /// («Он крикнул: — Стой! не двигайся!»), or leaves a quotation open.
    private func opensDirectSpeech(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound && text[index] == 0x20 { index += 1 }
        guard index < range.upperBound else { return false }
        let first = text.scalar(at: index).scalar
        if first == "—" || first == "–" { return true }
        var guillemets = 0
        var lowQuotes = 0
        var straight = 0
        var previous: Unicode.Scalar = " "  // the last scalar before this one that is not a space
        index = max(index, range.upperBound - Self.speechReach)
        while index < range.upperBound {
            let (scalar, length) = text.scalar(at: index)
            if (scalar == "—" || scalar == "–") && previous == ":" { return true }
            if scalar != " " { previous = scalar }
            switch scalar {
            case "«": guillemets += 1
            case "»": guillemets -= 1
            case "„": lowQuotes += 1
            case "“": lowQuotes -= 1
            case "\"": straight += 1
            default: break
            }
            index += length
        }
        return guillemets > 0 || lowQuotes > 0 || straight % 2 == 1
    }

    /// Whether, before the next sentence end (a full stop, `!` or `?` before a capital, an
    /// emoticon), a `,` `!` `?` or `…` is followed by a dash and a lowercase word: the author's words after direct speech («…! — замахала руками няня»).
    private func authorsWordsFollow(from offset: Int) -> Bool {
        var index = offset
        let end = min(text.count, offset + Self.speechReach)
        var stops = 0  // the author's words follow within a few exclamations («Что ты! что ты! — …»)
        while index + 1 < end && stops < 4 {
            let (scalar, length) = text.scalar(at: index)
            // An emoticon ends the sentence («ура))) — Вы к кому? — спросила…»).
            if (scalar == ")" || scalar == "(") && Emoticon.shape(endingAt: index, in: text, unmatched: false) == .face { return false }
            index += length
            guard scalar == "," || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "." else { continue }
            if scalar != "," && index < end && text[index] == 0x20 { stops += 1 }  // a run («?!») is one
            guard index < end, text[index] == 0x20 else { continue }
            let right = index + 1
            guard right < end else { return false }
            let (next, nextLength) = text.scalar(at: right)
            var dashEnd = right + nextLength
            if next == "-" && dashEnd < end && text[dashEnd] == 0x2D { dashEnd += 1 }
            if UTF8Text.isDash(next) || next == "-" {
                guard dashEnd + 1 < end, text[dashEnd] == 0x20 else { continue }
                if scalar != "." && UTF8Text.isLowercase(text.scalar(at: dashEnd + 1).scalar) { return true }
                continue
            }
            // A full stop before a space, or `!` `?` before a capital, ends the sentence.
            if scalar == "." || UTF8Text.isUppercase(next) { return false }
        }
        return false
    }
}
