extension SentenceSegmenter {
    /// Every candidate break of a cleaned paragraph into `candidates`, by offset; one per offset
    /// (the strongest kind).
    func collectCandidates(_ text: UTF8Text, into candidates: inout [BreakCandidate]) {
        candidates.removeAll(keepingCapacity: true)
        iteratorBoundaries(text) { candidates.append($0) }
        let icuCount = candidates.count
        var register = Register()
        Self.scanForExtraCandidates(text, semicolons: rules.semicolonEndsSentence, chat: rules.chatLowercaseStarts, register: &register) {
            candidates.append($0)
        }
        guard candidates.count > icuCount else { return }
        if !register.allowsLowercaseStarts { candidates.removeAll { $0.kind == .informalStop } }
        if !register.chat { candidates.removeAll { $0.kind == .chatFullStop } }
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
    /// before a dash after a stop, before a number, a camel-case word, a parameter label or an
    /// option after a stop, after an emoticon, after a semicolon (when `semicolons`) before a
    /// capital, before list items, and (when `chat`) after `!`, `?` or two dots before a lowercase
    /// word; notes the marks of the paragraph's `register` on the way.
    static func scanForExtraCandidates(
        _ text: UTF8Text, semicolons: Bool, chat: Bool, register: inout Register, _ body: (BreakCandidate) -> Void
    ) {
        var list = ListTracker()
        var openBrackets = 0  // "(" minus ")" so far: a ")" with none open is a smiley
        var index = 0
        let count = text.count
        if count > 0 && UTF8Text.isLowercase(text.scalar(at: 0).scalar) { register.lowercaseStart = true }
        var chatFrom: Int?  // where the first chat mark was seen
        var missedFullStops = false
        while index < count {
            let byte = text[index]
            if index == 0 || text[index - 1] == 0x20 {
                if let marker = ListMarker.parse(text, at: index) {
                    if list.accepts(marker, atStart: index == 0), index > 0 {
                        body(BreakCandidate(offset: index, kind: .listItem))
                    } else if index > 0, ListTracker.opensRunOnList(marker, in: text, at: index) {
                        // «Настройка расписания 1. Откройте… 2. Выберите…»: a heading run into the
                        // list that follows it.
                        list.open(marker)
                        body(BreakCandidate(offset: index, kind: .listItem))
                    }
                }
            }
            // Letters, digits and spaces, nearly every byte, start nothing.
            if byte >= 0x40 && byte != 0xC2 && byte != 0xE2 && byte != 0x44 && byte != 0x50 || byte < 0x21 {
                index += 1
                continue
            }
            switch byte {
            case 0xC2:
                if index + 1 < count && text[index + 1] == 0xAB { register.typeset = true }  // «
            case 0xE2:
                guard index + 2 < count && text[index + 1] == 0x80 else { break }
                let third = text[index + 2]
                if third == 0xA6 {  // …
                    if let offset = capitalAfterEllipsis(text, from: index + 3) {
                        body(BreakCandidate(offset: offset, kind: .ellipsis))
                    }
                } else if third == 0x93 || third == 0x94 {  // – —
                    register.typeset = true
                    if isDialogueDash(text, at: index, length: 3) { body(BreakCandidate(offset: index, kind: .dialogueDash)) }
                } else if third == 0x9E {  // „
                    register.typeset = true
                }
                index += 3
                continue
            case 0x2D:
                // «Привет. -- Как дела?»: two hyphens typed for a dash.
                let length = index + 1 < count && text[index + 1] == 0x2D ? 2 : 1
                if isDialogueDash(text, at: index, length: length) { body(BreakCandidate(offset: index, kind: .dialogueDash)) }
                if length == 2 {
                    if index + 2 < count && text[index + 2] == 0x20 {
                        register.chat = true
                        if chatFrom == nil { chatFrom = index }
                    }
                    index += 2
                    continue
                }
            case 0x2E, 0x21, 0x3F:
                if byte == 0x2E && index >= 1 && text[index - 1] == 0x2E && (index < 2 || text[index - 2] != 0x2E)
                    && (index + 1 == count || text[index + 1] != 0x2E)
                {
                    register.chat = true  // «ну ладно..»
                    if chatFrom == nil { chatFrom = index }
                }
                if index + 2 < count && text[index + 1] == 0x20, let kind = kindBeforeWord(text, stop: index, chat: chat) {
                    // A full stop before a lowercase word counts only in a paragraph with chat marks:
                    // before the first mark, such stops are found again after the loop.
                    if kind != .chatFullStop || register.chat {
                        body(BreakCandidate(offset: index + 2, kind: kind))
                    } else if chatFrom == nil {
                        missedFullStops = true
                    }
                }
            case 0x3B:
                if semicolons, let offset = wordAfterSpace(text, from: index + 1, lowercase: false) {
                    body(BreakCandidate(offset: offset, kind: .semicolon))
                }
            case 0x28, 0x29:
                let unmatched = byte == 0x29 && openBrackets <= 0
                openBrackets += byte == 0x28 ? 1 : -1
                switch Emoticon.shape(endingAt: index, in: text, unmatched: unmatched) {
                case .face:
                    register.chat = true
                    if chatFrom == nil { chatFrom = index }
                    if byte == 0x28 {  // «включается((»: a frown opens no bracket for a later «))» to close
                        var start = index
                        while start > 0 && text[start - 1] == 0x28 { start -= 1 }
                        openBrackets -= index - start + 1
                    }
                    // «спасибо)) -- Ты почему…», «ура))) — Вы к кому?»: a line of dialogue after it.
                    if let offset = dialogueDashAfterSpace(text, from: index + 1) {
                        body(BreakCandidate(offset: offset, kind: .emoticon))
                    }
                    // Before a lowercase word only in the informal register, and not after a run of
                    // brackets that closes brackets opened before it («(о столице (Минске)) и»).
                    if let offset = wordAfterSpace(text, from: index + 1, lowercase: chat && (byte == 0x28 || unmatched)) {
                        body(BreakCandidate(offset: offset, kind: .emoticon))
                    }
                case .bracket:
                    if let offset = wordAfterSpace(text, from: index + 1, lowercase: chat) {
                        body(BreakCandidate(offset: offset, kind: .emoticon))
                    }
                case nil: break
                }
            case 0x44, 0x50:  // :D, ;P
                guard index >= 1 && index + 1 < count && text[index + 1] == 0x20 && isFaceWithLetter(text, endingAt: index) else { break }
                register.chat = true
                if chatFrom == nil { chatFrom = index }
                if let offset = wordAfterSpace(text, from: index + 1, lowercase: chat) {
                    body(BreakCandidate(offset: offset, kind: .emoticon))
                }
            default:
                break
            }
            index += 1
        }
        // Typeset text has no chat marks, so this pass is rare.
        if register.chat && missedFullStops {
            let end = chatFrom ?? count
            var stop = 0
            while stop + 2 < min(end, count) {
                if text[stop] == 0x2E && text[stop + 1] == 0x20 && kindBeforeWord(text, stop: stop, chat: chat) == .chatFullStop {
                    body(BreakCandidate(offset: stop + 2, kind: .chatFullStop))
                }
                stop += 1
            }
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

    /// A space at `from`, then a word that is not an initial (one letter and a stop) and starts
    /// with a capital, or also in lowercase when `lowercase`: the offset after the space, else nil.
    private static func wordAfterSpace(_ text: UTF8Text, from: Int, lowercase: Bool) -> Int? {
        guard from + 1 < text.count, text[from] == 0x20 else { return nil }
        let right = RightContext(text, at: from + 1)
        guard !right.opened, !right.word.isEmpty else { return nil }
        if right.wordFollowedByStop && text.scalar(at: right.word.lowerBound).length == right.word.count { return nil }
        guard right.startsCapitalized || (lowercase && right.first.map(UTF8Text.isLowercase) == true) else { return nil }
        return from + 1
    }

    /// A space at `from`, then a dash (`—`, `–`, `-`, `--`), a space and a capital: the offset of
    /// the dash, else nil.
    private static func dialogueDashAfterSpace(_ text: UTF8Text, from: Int) -> Int? {
        guard from + 1 < text.count, text[from] == 0x20 else { return nil }
        let (dash, length) = text.scalar(at: from + 1)
        guard dash == "—" || dash == "–" || dash == "-" else { return nil }
        var end = from + 1 + length
        if dash == "-" && end < text.count && text[end] == 0x2D { end += 1 }
        guard end + 1 < text.count, text[end] == 0x20 else { return nil }
        return UTF8Text.isUppercase(text.scalar(at: end + 1).scalar) ? from + 1 : nil
    }

    /// `:D`, `:-D`, `;P` ending at `index` (the letter), standing after a space or at the start.
    private static func isFaceWithLetter(_ text: UTF8Text, endingAt index: Int) -> Bool {
        var eyes = index - 1
        if eyes >= 1 && text[eyes] == 0x2D { eyes -= 1 }
        guard text[eyes] == 0x3A || text[eyes] == 0x3B else { return false }
        return eyes == 0 || text[eyes - 1] == 0x20
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
