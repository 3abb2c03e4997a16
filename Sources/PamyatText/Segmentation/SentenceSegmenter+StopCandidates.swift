// What follows a stop for SentenceSegmenter's candidate scan: the words ICU never breaks
// before (numbers, camel case, code labels) and the chat stops of the informal register.

extension SentenceSegmenter {
    /// The kind of candidate after a stop at `stop` (`.` `!` `?`) and a space, before a word ICU
    /// never breaks before: a number or a camel-case word («Их было 5. 3 из них ушли.», «…billion.
    /// iPhone sales…»: the rules decide like after any stop), a code label or option, a `{`, and (when
    /// `chat`) a lowercase word after a chat stop or a full stop; nil for any other word.
    static func kindBeforeWord(_ text: UTF8Text, stop: Int, chat: Bool) -> BreakCandidate.Kind? {
        let next = text[stop + 2]
        if next >= 0x30 && next <= 0x39 || startsCamelCaseWord(text, at: stop + 2) { return .terminator }
        // A JSON object or a code block after a stop (`Пример. {"subject": …}`, `… first. { return`)
        // is a sentence of its own whatever the case of its first word.
        if next == 0x7B { return .codeStart }
        if startsCode(text, at: stop + 2) || startsLatinWordAfterWord(text, stop: stop) || startsWordLabel(text, at: stop + 2)
            || startsLatinWordAfterFileName(text, stop: stop) || startsLatinWordAfterCall(text, stop: stop)
        {
            return .codeStart
        }
        guard chat && UTF8Text.isLowercase(text.scalar(at: stop + 2).scalar) else { return nil }
        if isInformalStop(text, endingAt: stop) { return .informalStop }
        if text[stop] == 0x2E && stop >= 1 && UTF8Text.isLetter(text.scalar(before: stop).scalar) { return .chatFullStop }
        return nil
    }

    /// A chat stop ending at `index`: a run of `!` and `?` after a letter or a digit («Серьёзно?!»),
    /// or exactly two dots after a letter («Ну ладно..»), but not `?..` or `...`; closing quotes
    /// or brackets may stand between («нажимаю «Закрепить».. не работает»).
    static func isInformalStop(_ text: UTF8Text, endingAt index: Int) -> Bool {
        var start = index
        if text[index] == 0x2E {
            guard index >= 2, text[index - 1] == 0x2E else { return false }
            start = index - 1
        } else {
            while start > 0 && (text[start - 1] == 0x21 || text[start - 1] == 0x3F) && index - start < 16 { start -= 1 }
        }
        guard start > 0 else { return false }
        var (before, beforeStart) = text.scalar(before: start)
        if (before == "»" || before == "\"" || before == ")") && beforeStart > 0 { before = text.scalar(before: beforeStart).scalar }
        return UTF8Text.isLetterOrDigit(before)
    }

    /// A lowercase parameter label (`timeout:`, `key — имя ключа`), an option (`--verbose`), an
    /// identifier (`max_connections`, `parse()`, `print(key)`), an assignment (`timeout = 30`) or a
    /// member of an object (`settings.GetValue(…)`) at `index`: ASCII only, since these are names
    /// from code.
    static func startsCode(_ text: UTF8Text, at index: Int) -> Bool {
        let count = text.count
        if text[index] == 0x2D {
            return index + 2 < count && text[index + 1] == 0x2D && text[index + 2] >= 0x61 && text[index + 2] <= 0x7A
        }
        guard text[index] >= 0x61 && text[index] <= 0x7A else { return false }
        var end = index
        var underscore = false
        while end < count && end - index < 64 {
            let byte = text[end]
            if byte == 0x5F {
                underscore = true
            } else if !(byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x2D || byte >= 0x41 && byte <= 0x5A) {
                break
            }
            end += 1
        }
        guard end < count else { return false }
        let length = end - index
        if text[end] == 0x3A { return end + 1 == count || text[end + 1] == 0x20 }  // timeout:
        if text[end] == 0x28 { return length >= 2 }  // parse(), print(key)
        if text[end] == 0x2E, length >= 2 {  // settings.GetValue(: not e.g.
            var member = end + 1
            while member < count, text[member] >= 0x61 && text[member] <= 0x7A || text[member] >= 0x41 && text[member] <= 0x5A || text[member] == 0x5F {
                member += 1
            }
            return member - end - 1 >= 2 && member < count && (text[member] == 0x28 || text[member] == 0x2E)
        }
        if text[end] == 0x20, end + 2 < count {
            // key — the name, key - the name, timeout = 30
            if text[end + 1] == 0xE2, end + 4 < count, text[end + 2] == 0x80, text[end + 3] == 0x94 || text[end + 3] == 0x93 {
                return text[end + 4] == 0x20
            }
            if text[end + 1] == 0x2D || text[end + 1] == 0x3D { return text[end + 2] == 0x20 }
        }
        return underscore && (text[end] == 0x20 || text[end] == 0x2C)  // max_connections
    }

    /// A lowercase parameter label in any script, as function references write them in Russian
    /// (`число — округляемое значение`, `значение_при_ошибке — что вернуть`, `путь: папка`): a word
    /// of at least two letters (digits and underscores allowed) followed by a dash between spaces
    /// or by a colon and a space. Prose never starts a sentence in lowercase like this, and the
    /// abbreviation lists still decide before it (`т. е. вода — …` goes on).
    static func startsWordLabel(_ text: UTF8Text, at index: Int) -> Bool {
        let count = text.count
        guard index < count, UTF8Text.isLowercase(text.scalar(at: index).scalar) else { return false }
        var end = index
        var letters = 0
        while end < count && end - index < 96 {
            let (scalar, length) = text.scalar(at: end)
            if UTF8Text.isLetter(scalar) {
                letters += 1
            } else if !(scalar == "_" || UTF8Text.isDigit(scalar)) {
                break
            }
            end += length
        }
        guard letters >= 2, end + 1 < count else { return false }
        if text[end] == 0x3A { return text[end + 1] == 0x20 }  // путь: папка
        guard text[end] == 0x20, end + 4 < count, text[end + 1] == 0xE2, text[end + 2] == 0x80 else { return false }
        return (text[end + 3] == 0x94 || text[end + 3] == 0x93) && text[end + 4] == 0x20  // число — …
    }

    /// A lowercase Latin word after a full stop that ends a file or host name (`…amd64.deb. sudo
    /// rpm -i …`, `…config.yaml. timeout…`): a token with an inner stop after at least three
    /// letters or digits, as `isAddressEnd` reads it, so that `e.g. foo` and `i.e. bar` go on.
    static func startsLatinWordAfterFileName(_ text: UTF8Text, stop: Int) -> Bool {
        guard text[stop] == 0x2E, stop + 3 < text.count, text[stop + 2] >= 0x61 && text[stop + 2] <= 0x7A else { return false }
        // The extension: ASCII letters and digits back to an inner stop.
        var position = stop
        var extensionLength = 0
        while position > 0, extensionLength < 16 {
            let byte = text[position - 1]
            guard byte >= 0x61 && byte <= 0x7A || byte >= 0x41 && byte <= 0x5A || byte >= 0x30 && byte <= 0x39 else { break }
            extensionLength += 1
            position -= 1
        }
        guard extensionLength >= 1, position > 3, text[position - 1] == 0x2E else { return false }
        var stem = 0
        var probe = position - 1
        while probe > 0, stem < 3 {
            let byte = text[probe - 1]
            guard byte >= 0x61 && byte <= 0x7A || byte >= 0x41 && byte <= 0x5A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F || byte == 0x2D else { break }
            stem += 1
            probe -= 1
        }
        guard stem >= 3 else { return false }
        var end = stop + 2
        while end < text.count, text[end] >= 0x61 && text[end] <= 0x7A { end += 1 }
        return end - stop - 2 >= 2 && (end == text.count || text[end] == 0x20)
    }

    /// A lowercase Latin word after a full stop that ends a call (`conn.Commit(). except Error:`,
    /// `Connection(). conn.Open()`: a `)` whose `(` follows an ASCII letter, digit or `_`) or a
    /// colon (`выполните команду:. sync push`, a label run into the code it introduces): a line of
    /// code starts there. Prose does not put a stop after a call's bracket and a lowercase word
    /// after it, nor a stop after a colon.
    static func startsLatinWordAfterCall(_ text: UTF8Text, stop: Int) -> Bool {
        guard text[stop] == 0x2E, stop >= 3 else { return false }
        if text[stop - 1] == 0x29 {
            var open = stop - 2
            var depth = 1
            while open >= 0, stop - open < 200 {
                if text[open] == 0x29 { depth += 1 }
                if text[open] == 0x28 {
                    depth -= 1
                    if depth == 0 { break }
                }
                open -= 1
            }
            guard open >= 1, depth == 0 else { return false }
            let name = text[open - 1]
            guard name >= 0x61 && name <= 0x7A || name >= 0x41 && name <= 0x5A || name >= 0x30 && name <= 0x39 || name == 0x5F else { return false }
        } else if text[stop - 1] != 0x3A {
            return false
        }
        let start = stop + 2
        var end = start
        while end < text.count, text[end] >= 0x61 && text[end] <= 0x7A || text[end] >= 0x30 && text[end] <= 0x39 || text[end] == 0x5F {
            end += 1
        }
        guard end - start >= 2, text[start] >= 0x61 && text[start] <= 0x7A else { return false }
        return end == text.count || [0x20, 0x2C, 0x2E, 0x28, 0x29, 0x3A, 0x3B, 0x3D].contains(text[end])
    }

    /// A lowercase Latin word (a name from code: `name, строка`, `import scheduler`, `curl -H …`)
    /// after a stop that ends a Cyrillic word, or a full stop that ends a word of at least four
    /// letters that is not all capitals («…from the scheduler module. import scheduler»): such a word cannot continue
    /// an abbreviation of its own script, and the abbreviation lists still decide for the long
    /// ones (`approx. two`, `incl. tax` go on).
    static func startsLatinWordAfterWord(_ text: UTF8Text, stop: Int) -> Bool {
        guard stop >= 1 else { return false }
        let before = text.scalar(before: stop).scalar.value
        if !(before >= 0x400 && before <= 0x4FF) {
            // A full stop only: `Yahoo! for ten years` keeps its brand name.
            guard text[stop] == 0x2E, endsLongWord(text, before: stop) else { return false }
        }
        let start = stop + 2
        var end = start
        while end < text.count, text[end] >= 0x61 && text[end] <= 0x7A || text[end] >= 0x30 && text[end] <= 0x39 || text[end] == 0x5F {
            end += 1
        }
        guard end - start >= 2, text[start] >= 0x61 && text[start] <= 0x7A else { return false }
        return end == text.count || [0x20, 0x2C, 0x2E, 0x28, 0x29, 0x3A, 0x3B].contains(text[end])
    }

    /// Whether the text before `index` ends in a word of at least four letters, not all of them
    /// capitals, that starts after a space, a bracket or a quote (not `p.m`, not `U.S.A`).
    static func endsLongWord(_ text: UTF8Text, before index: Int) -> Bool {
        var position = index
        var letters = 0
        var lowercase = false
        while position > 0 {
            let (scalar, start) = text.scalar(before: position)
            guard UTF8Text.isLetter(scalar) else {
                guard letters >= 4, lowercase else { return false }
                return scalar == " " || scalar == "(" || scalar == "«" || scalar == "\"" || scalar == "\n"
            }
            if UTF8Text.isLowercase(scalar) { lowercase = true }
            letters += 1
            position = start
        }
        return letters >= 4 && lowercase
    }

    /// A word at `index` that starts in lowercase and has a capital later (iPhone, eBay).
    static func startsCamelCaseWord(_ text: UTF8Text, at index: Int) -> Bool {
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
}
