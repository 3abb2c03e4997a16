// Names for BreakDecider: initials after a surname, Roman numerals, acronyms.

extension BreakDecider {
    /// Whether the initials that end at this token come right after a surname: a capitalised
    /// word with an ending of `[surname-endings]` that does not itself follow a capitalised word
    /// («— Сидорова А.», «директор Иванов И. И.», but not «Совета Министров Р. А.»).
    func initialsFollowSurname(tokenStart: Int, sentenceStart: Int) -> Bool {
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
    func isInitialsToken(_ range: Range<Int>) -> Bool {
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

    /// A lone Latin I, V or X after a Cyrillic word (Пётр I., Фердинанда I.): a Roman numeral.
    func isRomanNumeralAfterCyrillic(_ letter: Unicode.Scalar, tokenStart: Int, wordStart: Int, sentenceStart: Int) -> Bool {
        guard letter == "I" || letter == "V" || letter == "X", wordStart == tokenStart,
            tokenStart > sentenceStart + 1, text[tokenStart - 1] == 0x20
        else { return false }
        let previous = text.scalar(before: tokenStart - 1).scalar
        return previous.value >= 0x400 && previous.value <= 0x4FF
    }

    /// Two or more letters, all capitals.
    func isAcronym(_ range: Range<Int>) -> Bool {
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
}
