/// The rule layer: for each candidate break, in order, decides from the text on its left and
/// right whether a sentence ends there. The rules are described, with examples, in
/// docs/SEGMENTATION-RULES.md; the words they consult come from the language's rule file.
struct BreakDecider {
    enum Decision: Equatable {
        /// No sentence ends here.
        case drop
        /// A sentence ends here.
        case keep
        /// A sentence ends, but the next one starts at this other offset (inside a dot run).
        case keepAt(Int)
    }

    let text: UTF8Text
    let rules: SegmentationRules

    /// The offset where the next sentence starts if one ends at `candidate`, else nil.
    func decide(_ candidate: BreakCandidate, sentenceStart: Int) -> Int? {
        switch candidate.kind {
        case .separator, .listItem, .ellipsis, .semicolon, .emoticon:
            return candidate.offset
        case .informalStop:
            return decideInformalStop(candidate, sentenceStart: sentenceStart)
        case .chatFullStop:
            // The abbreviation rules decide as before a lowercase word: «и т.д. и», «г. минске» go on.
            guard isPlainWordStop(candidate.offset), decideInformalStop(candidate, sentenceStart: sentenceStart) != nil else { return nil }
            let right = RightContext(text, at: candidate.offset)
            return apply(decideAfterStop(leftEnd: candidate.offset - 1, right: right, sentenceStart: sentenceStart), candidate)
        case .codeStart:
            // As before any lowercase word: an ordinary word before the stop ends the sentence, an
            // abbreviation goes on («i.e. --verbose», «at 5 p.m. tomorrow: bring…»).
            let right = RightContext(text, at: candidate.offset)
            return apply(decideAfterStop(leftEnd: candidate.offset - 1, right: right, sentenceStart: sentenceStart), candidate)
        case .dialogueDash:
            // «—», «–», «-» or «--».
            var dashLength = text.scalar(at: candidate.offset).length
            if text[candidate.offset] == 0x2D && text[candidate.offset + 1] == 0x2D { dashLength = 2 }
            let right = RightContext(text, at: candidate.offset + dashLength + 1)
            guard !right.startsLowercase, right.first != nil else { return nil }
            return apply(decideAfterStop(leftEnd: candidate.offset - 1, right: right, sentenceStart: sentenceStart), candidate)
        case .terminator:
            // ICU breaks after the spaces that follow a stop; with no space (3.Затем, «Нет.»Он) it is
            // no sentence end.
            guard text[candidate.offset - 1] == 0x20 else { return nil }
            var moved = candidate
            if let offset = offsetAfterDetachedClosers(candidate.offset, sentenceStart: sentenceStart) {
                // «Ты придёшь ? » Он…: closing quotes or brackets after a space close the sentence
                // before (in text whose tokens are spaced out); a dash or a comma after them goes on.
                guard offset < text.count else { return nil }
                let next = text.scalar(at: offset).scalar
                if UTF8Text.isDash(next) || next == "," || next == ":" || next == ";" { return nil }
                // «( 78-я мин . ) .»: the stop after the bracket is this sentence's own.
                if next == "." || next == "!" || next == "?" || next == "…" { return nil }
                moved.offset = offset
            }
            // «Привет! :) Как дела?»: the emoticon after the stop belongs to this sentence, which
            // ends after it (an `.emoticon` candidate).
            if Emoticon.length(startingAt: moved.offset, in: text) != nil { return nil }
            let right = RightContext(text, at: moved.offset)
            guard !right.startsLowercase else { return nil }
            return apply(decideAfterStop(leftEnd: moved.offset - 1, right: right, sentenceStart: sentenceStart), moved)
        }
    }

    /// Where the next sentence starts when `offset` begins with closing quotes or brackets, each
    /// followed by a space; nil when it does not. A `"` closes when the sentence so far has an odd
    /// number of them; `“` only after a `„`.
    private func offsetAfterDetachedClosers(_ offset: Int, sentenceStart: Int) -> Int? {
        var index = offset
        while index < text.count {
            let (scalar, length) = text.scalar(at: index)
            let closes: Bool
            switch scalar {
            case "»", "”", ")", "]", "}", "›": closes = true
            // Quote parity over at most the last 2000 bytes of the sentence (linear time on any input).
            case "\"": closes = count(0x22, in: max(sentenceStart, index - 2000)..<index) % 2 == 1
            case "“": closes = contains("„", in: max(sentenceStart, index - 2000)..<index)
            default: closes = false
            }
            guard closes else { break }
            index += length
            guard index == text.count || text[index] == 0x20 else { return nil }
            if index < text.count { index += 1 }
        }
        return index > offset ? index : nil
    }

    private func count(_ byte: UInt8, in range: Range<Int>) -> Int {
        var count = 0
        for index in range where text[index] == byte { count += 1 }
        return count
    }

    private func contains(_ scalar: Unicode.Scalar, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let (found, length) = text.scalar(at: index)
            if found == scalar { return true }
            index += length
        }
        return false
    }

    private func apply(_ decision: Decision, _ candidate: BreakCandidate) -> Int? {
        switch decision {
        case .drop: nil
        case .keep: candidate.offset
        case .keepAt(let offset): offset
        }
    }

    /// The decision for a break whose left side ends (before spaces) at `leftEnd`.
    func decideAfterStop(leftEnd: Int, right: RightContext, sentenceStart: Int) -> Decision {
        // Closing quotes and brackets after the stop stay with the sentence they close.
        var end = leftEnd
        var closed = false
        var closers = 0
        while end > sentenceStart && closers < 16 {
            closers += 1
            let (scalar, start) = text.scalar(before: end)
            if UTF8Text.isClosing(scalar) || (closed && scalar == " ") {
                end = start
                closed = true
                continue
            }
            break
        }
        guard end > sentenceStart else { return .keep }
        let (last, lastStart) = text.scalar(before: end)
        switch last {
        case "…":
            return isBracketedOmission(dotsStart: lastStart, sentenceStart: sentenceStart) ? .drop : .keep
        case ".":
            break
        default:
            return .keep  // ! ? and ICU's other terminators
        }
        // A run of full stops, maybe spaced (". . .").
        var first = end
        var dots = 0
        var spaced = false
        while first > sentenceStart && text[first - 1] == 0x2E && dots < 64 {
            dots += 1
            first -= 1
            if first - 2 >= sentenceStart && text[first - 1] == 0x20 && text[first - 2] == 0x2E {
                spaced = true
                first -= 1
            }
        }
        if first > sentenceStart {
            let before = text.scalar(before: first).scalar
            if before == "?" || before == "!" || before == "…" { return .keep }  // ?.. !..
        }
        if dots >= 2 {
            if isBracketedOmission(dotsStart: first, sentenceStart: sentenceStart) { return .drop }
            guard spaced else { return .keep }
            let attached = first > sentenceStart && text[first - 1] != 0x20
            // "compounds. . . . The": the stop ends the sentence, the spaced ellipsis opens the next.
            if attached && dots >= 4 && text[first + 1] == 0x20 { return .keepAt(first + 2) }
            // " . . . " inside a sentence marks an omission.
            if !attached && dots == 3 { return .drop }
            return .keep
        }
        if closed {
            // "1.) The first item": the bracket closes a list marker, not a sentence.
            let marker = isListItemMarker(tokenStart: startOfToken(endingAt: first, sentenceStart: sentenceStart), stop: first, sentenceStart: sentenceStart)
            return marker && text[leftEnd - 1] == 0x29 && leftEnd - first == 2 ? .drop : .keep
        }
        return decideAfterFullStop(stop: first, right: right, sentenceStart: sentenceStart)
    }

    /// `[...]`, `(…)`: an omission mark inside brackets, not a sentence end.
    private func isBracketedOmission(dotsStart: Int, sentenceStart: Int) -> Bool {
        guard dotsStart > sentenceStart else { return false }
        let before = text[dotsStart - 1]
        return before == 0x5B || before == 0x28
    }
}
