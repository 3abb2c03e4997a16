// Tokens for BreakDecider: space-delimited tokens, numbers and list markers.

extension BreakDecider {
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

    /// A section number at `index` — one to three digits, maybe more such parts after stops, a
    /// final stop — then a space and a capital: `1. Общие`, `1.1. Настоящее`.
    func startsSectionNumber(at index: Int) -> Bool {
        var position = index
        var digits = 0
        var parts = 0
        while position < text.count && position - index < 16 {
            let byte = text[position]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 3 else { return false }
            } else if byte == 0x2E {
                guard digits > 0 else { return false }
                parts += 1
                digits = 0
            } else if byte == 0x20 && digits > 0 && position + 1 < text.count && text[position + 1] == 0x2E {
                position += 1  // «1.1 . Настоящее», in text stored as spaced-out tokens
                continue
            } else {
                break
            }
            position += 1
        }
        guard parts > 0, digits == 0, position + 1 < text.count, text[position] == 0x20 else { return false }
        return UTF8Text.isUppercase(text.scalar(at: position + 1).scalar)
    }

    /// Digits with inner stops (1, 1.2), one letter (а, b), or a Roman numeral (IV).
    func isMarkerText(_ range: Range<Int>) -> Bool {
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
