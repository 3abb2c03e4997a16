extension SentenceSegmenter {
    /// Every candidate break of a cleaned paragraph into `candidates`, by offset; one per offset
    /// (the strongest kind).
    func collectCandidates(_ text: UTF8Text, into candidates: inout [BreakCandidate]) {
        candidates.removeAll(keepingCapacity: true)
        iteratorBoundaries(text) { candidates.append($0) }
        let icuCount = candidates.count
        Self.scanForExtraCandidates(text, semicolons: rules.semicolonEndsSentence) { candidates.append($0) }
        guard candidates.count > icuCount else { return }
        candidates.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.kind > $1.kind }
        var kept = 0
        for index in candidates.indices where kept == 0 || candidates[kept - 1].offset != candidates[index].offset {
            candidates[kept] = candidates[index]
            kept += 1
        }
        candidates.removeLast(candidates.count - kept)
    }

    /// The breaks ICU's sentence iterator makes, before the end of the text.
    private func iteratorBoundaries(_ text: UTF8Text, _ body: (BreakCandidate) -> Void) {
        icuBoundaries(text.bytes) { boundary in
            guard boundary.offset < text.count else { return }
            let kind: BreakCandidate.Kind = boundary.status >= 100 && boundary.status < 200 ? .separator : .terminator
            body(BreakCandidate(offset: boundary.offset, kind: kind))
        }
    }

    /// One pass over the bytes for the candidates ICU never gives: after «…» before a capital,
    /// before a dash after a stop, before a number after a stop, after an emoticon or a semicolon
    /// (when `semicolons`) before a capital, and before list items.
    static func scanForExtraCandidates(_ text: UTF8Text, semicolons: Bool, _ body: (BreakCandidate) -> Void) {
        var list = ListTracker()
        var openBrackets = 0  // "(" minus ")" so far: a ")" with none open is a smiley
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if index == 0 || text[index - 1] == 0x20 {
                if let marker = ListMarker.parse(text, at: index), list.accepts(marker, atStart: index == 0), index > 0 {
                    body(BreakCandidate(offset: index, kind: .listItem))
                }
            }
            if byte == 0xE2 && index + 2 < count && text[index + 1] == 0x80 {
                let third = text[index + 2]
                if third == 0xA6 {  // …
                    if let offset = capitalAfterEllipsis(text, from: index + 3) {
                        body(BreakCandidate(offset: offset, kind: .ellipsis))
                    }
                } else if third == 0x93 || third == 0x94 {  // – —
                    if isDialogueDash(text, at: index, length: 3) { body(BreakCandidate(offset: index, kind: .dialogueDash)) }
                }
                index += 3
                continue
            }
            if byte == 0x2D && isDialogueDash(text, at: index, length: 1) {
                body(BreakCandidate(offset: index, kind: .dialogueDash))
            }
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && index + 2 < count && text[index + 1] == 0x20
                && (text[index + 2] >= 0x30 && text[index + 2] <= 0x39 || startsCamelCaseWord(text, at: index + 2))
            {
                // «Их было 5. 3 из них ушли.», «…billion. iPhone sales…»: ICU never breaks before a
                // number or a word in lowercase; the rules decide like after any stop.
                body(BreakCandidate(offset: index + 2, kind: .terminator))
            }
            if byte == 0x3B && semicolons, let offset = capitalWordAfterSpace(text, from: index + 1) {
                body(BreakCandidate(offset: offset, kind: .semicolon))
            }
            if byte == 0x29 || byte == 0x28 {
                let unmatched = byte == 0x29 && openBrackets <= 0
                openBrackets += byte == 0x28 ? 1 : -1
                if isEmoticonEnd(text, at: index, unmatched: unmatched), let offset = capitalWordAfterSpace(text, from: index + 1) {
                    body(BreakCandidate(offset: offset, kind: .emoticon))
                }
            }
            index += 1
        }
    }

    /// After an ellipsis ending at `from`: closing quotes or brackets, one space, then (after any
    /// opening quotes) a capital letter — the offset after the space, else nil.
    private static func capitalAfterEllipsis(_ text: UTF8Text, from: Int) -> Int? {
        var index = from
        while index < text.count {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isClosing(scalar) else { break }
            index += length
        }
        guard index < text.count, text[index] == 0x20 else { return nil }
        let offset = index + 1
        var probe = offset
        while probe < text.count {
            let (scalar, length) = text.scalar(at: probe)
            if UTF8Text.isOpening(scalar) {
                probe += length
                continue
            }
            return UTF8Text.isUppercase(scalar) ? offset : nil
        }
        return nil
    }

    /// A word at `index` that starts in lowercase and has a capital later (iPhone, eBay).
    private static func startsCamelCaseWord(_ text: UTF8Text, at index: Int) -> Bool {
        let (first, firstLength) = text.scalar(at: index)
        guard UTF8Text.isLowercase(first) else { return false }
        var probe = index + firstLength
        while probe < text.count {
            let (scalar, length) = text.scalar(at: probe)
            if UTF8Text.isUppercase(scalar) { return true }
            guard UTF8Text.isLetter(scalar) else { return false }
            probe += length
        }
        return false
    }

    /// A space at `from`, then a capitalised word that is not an initial (not followed by a stop):
    /// the offset after the space, else nil.
    private static func capitalWordAfterSpace(_ text: UTF8Text, from: Int) -> Int? {
        guard from + 1 < text.count, text[from] == 0x20 else { return nil }
        let right = RightContext(text, at: from + 1)
        guard !right.opened, right.startsCapitalized, !right.wordFollowedByStop else { return nil }
        return from + 1
    }

    /// The bracket at `index` ends an emoticon: `:)`, `:-)`, `;)`, `:(`, `=)`, a run of two or
    /// more of the same bracket after a letter («Спасибо)) Было здорово»), or a closing bracket
    /// that closes nothing (`unmatched`) right after a word of two letters or more («мужик) Уроки»).
    private static func isEmoticonEnd(_ text: UTF8Text, at index: Int, unmatched: Bool) -> Bool {
        let bracket = text[index]
        guard index + 1 < text.count, text[index + 1] == 0x20 else { return false }
        var start = index
        while start > 0 && text[start - 1] == bracket && index - start < 8 { start -= 1 }
        if start > 0 && text[start - 1] == 0x2D { start -= 1 }  // :-)
        guard start > 0 else { return false }
        let before = text[start - 1]
        if before == 0x3A || before == 0x3B || before == 0x3D { return true }  // : ; =
        guard text[start] == bracket else { return false }
        let (letter, letterStart) = text.scalar(before: start)
        guard UTF8Text.isLetter(letter) else { return false }
        if index - start >= 1 { return true }
        // A single bracket: only an unmatched one after a word, not a list marker («а)»).
        return unmatched && letterStart > 0 && UTF8Text.isLetter(text.scalar(before: letterStart).scalar)
    }

    /// A dash at `index` with a space on each side, after a stop (. ! ? …, with no closing quote
    /// between): the dash that opens a new speaker's line in Russian dialogue.
    private static func isDialogueDash(_ text: UTF8Text, at index: Int, length: Int) -> Bool {
        guard index >= 2, index + length < text.count, text[index - 1] == 0x20, text[index + length] == 0x20 else {
            return false
        }
        let before = text[index - 2]
        if before == 0x2E || before == 0x21 || before == 0x3F { return true }
        return index >= 4 && text[index - 4] == 0xE2 && text[index - 3] == 0x80 && before == 0xA6
    }
}
