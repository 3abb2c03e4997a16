import PamyatCore

/// Cuts text into word, number, punctuation, white-space and tag tokens with ICU word boundaries.
///
/// The text is first put in NFC. Inline tags written as XML (`<b>`, `</b>`, `<x id="1"/>`) become
/// single ``TokenKind/tag`` tokens; everything between them goes through ICU's word break iterator,
/// whose rule status tells numbers and letters from the rest. Segments ICU calls "none" are split
/// further into white-space runs (the same characters ``Normalizer/foldWhitespace(_:)`` folds) and
/// single punctuation characters, so that white space is classified exactly as the canonical form
/// of a text sees it.
///
/// Stateful (it owns an ICU iterator): use one per task, never share.
public final class WordTokenizer {
    private let iterator: BreakIterator
    /// The language the tokenizer was opened for.
    public let language: LanguageTag

    /// Opens a tokenizer for `language` (ICU's word rules for its locale).
    public init(language: LanguageTag) throws(TextError) {
        self.language = language
        iterator = try BreakIterator(.word, locale: language.identifier)
    }

    /// The tokens of `text` (put in NFC first).
    public func tokenize(_ text: String) -> TokenizedText {
        let normalized = Normalizer.nfc(text)
        let bytes = Array(normalized.utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 3 + 4)
        var position = 0
        while position < bytes.count {
            // Find the next tag; cut the text before it with ICU.
            let tag = Self.nextTag(in: bytes, from: position)
            let plainEnd = tag?.lowerBound ?? bytes.count
            if plainEnd > position {
                appendICUTokens(bytes: bytes, range: position..<plainEnd, to: &tokens)
            }
            guard let tag else { break }
            tokens.append(Token(kind: .tag, start: tag.lowerBound, end: tag.upperBound))
            position = tag.upperBound
        }
        return TokenizedText(text: normalized, bytes: bytes, tokens: tokens)
    }

    private func appendICUTokens(bytes: [UInt8], range: Range<Int>, to tokens: inout [Token]) {
        let piece = String(decoding: bytes[range], as: UTF8.self)
        let base = range.lowerBound
        var previous = 0
        iterator.forEachBoundary(in: piece) { boundary in
            let start = previous
            let end = boundary.offset
            previous = end
            guard end > start else { return }
            switch boundary.status {
            case 100..<200:
                Self.appendSplittingSpaces(.number, bytes: bytes, range: (base + start)..<(base + end), to: &tokens)
            case 200..<500:
                Self.appendSplittingSpaces(.word, bytes: bytes, range: (base + start)..<(base + end), to: &tokens)
            default:
                Self.splitNone(bytes: bytes, range: (base + start)..<(base + end), into: &tokens)
            }
        }
    }

    /// Appends a word or number segment; should ICU have kept white space inside it (U+200B, which
    /// ICU ignores inside words, is white space for the canonical form), the spaces are cut out.
    private static func appendSplittingSpaces(_ kind: TokenKind, bytes: [UInt8], range: Range<Int>, to tokens: inout [Token]) {
        var mayHoldSpace = false
        for index in range {
            let byte = bytes[index]
            if byte <= 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                mayHoldSpace = true
                break
            }
        }
        guard mayHoldSpace else {
            tokens.append(Token(kind: kind, start: range.lowerBound, end: range.upperBound))
            return
        }
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            let (scalar, length) = decodeScalar(bytes, at: index)
            let end = min(index + length, range.upperBound)
            if isSpace(scalar) {
                if runStart < index { tokens.append(Token(kind: kind, start: runStart, end: index)) }
                if let last = tokens.last, last.kind == .whitespace, last.end == index {
                    tokens[tokens.count - 1].end = end
                } else {
                    tokens.append(Token(kind: .whitespace, start: index, end: end))
                }
                runStart = end
            }
            index = end
        }
        if runStart < range.upperBound { tokens.append(Token(kind: kind, start: runStart, end: range.upperBound)) }
    }

    /// Splits a segment ICU gave status "none" into white-space runs and single characters.
    private static func splitNone(bytes: [UInt8], range: Range<Int>, into tokens: inout [Token]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = decodeScalar(bytes, at: index)
            let end = min(index + length, range.upperBound)
            if isSpace(scalar) {
                if let last = tokens.last, last.kind == .whitespace, last.end == index {
                    tokens[tokens.count - 1].end = end
                } else {
                    tokens.append(Token(kind: .whitespace, start: index, end: end))
                }
                index = end
            } else {
                // One punctuation character with the combining marks and joiners that follow it.
                var stop = end
                while stop < range.upperBound {
                    let (next, nextLength) = decodeScalar(bytes, at: stop)
                    guard isExtending(next) else { break }
                    stop += nextLength
                }
                tokens.append(Token(kind: .punctuation, start: index, end: min(stop, range.upperBound)))
                index = min(stop, range.upperBound)
            }
        }
    }

    /// White space as ``Normalizer/foldWhitespace(_:)`` sees it.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    private static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        if scalar == "\u{200D}" || (0xFE00...0xFE0F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Decodes the scalar at `index` of valid UTF-8.
    static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where index + k < bytes.count {
            value = value << 6 | (UInt32(bytes[index + k]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
