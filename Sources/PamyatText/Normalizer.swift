import CICUShim

/// Unicode normalisation and folding used everywhere text is compared.
public enum Normalizer {
    /// NFC of `text` (ICU). Text already in NFC is returned as is without copying.
    public static func nfc(_ text: String) -> String {
        if isSurelyNFC(text) { return text }
        let units = Array(text.utf16)
        var status: Int32 = 0
        let isNFC = units.withUnsafeBufferPointer { pmy_is_nfc($0.baseAddress, Int32($0.count), &status) }
        if isNFC == 1 && status <= 0 { return text }
        return (try? withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_nfc(input, length, output, capacity, &status)
        }) ?? text
    }

    /// Full Unicode case folding (ICU `u_strFoldCase`): `Ё` → `ё`, `ß` → `ss`.
    public static func foldCase(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return (try? withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_fold_case(input, length, output, capacity, &status)
        }) ?? text.lowercased()
    }

    /// Folds every run of white space (ASCII, NBSP, the U+2000 spaces, ideographic space, line and
    /// paragraph separators, zero-width space) into one U+0020 and trims both ends.
    ///
    /// Works on UTF-8 bytes and returns the input unchanged when there is nothing to fold: it runs on
    /// every stored variant and every query.
    public static func foldWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            if !needsWhitespaceFolding(bytes) { return nil }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let width = whitespaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = !output.isEmpty
                    i += width
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The byte length of the white-space character at `i`, or 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 { return 2 }
        guard i + 2 < n else { return 0 }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        switch b {
        case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            if b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }  // U+2000–200B, 2028, 2029, 202F
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0  // U+205F
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    private static func needsWhitespaceFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previousSpace = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 {
                if previousSpace || i == 0 { return true }
                previousSpace = true
            } else if (b >= 0x09 && b <= 0x0D) || (b >= 0xC2 && whitespaceWidth(bytes, at: i) > 0) {
                return true
            } else {
                previousSpace = false
            }
            i += 1
        }
        return previousSpace
    }

    /// NFC and white-space folding: the form in which two texts are "the same" for an exact match.
    public static func canonical(_ text: String) -> String { foldWhitespace(nfc(text)) }

    /// Whether every scalar of `text` is in a block whose characters are all NFC-stable (ASCII,
    /// Latin-1 and Latin Extended, Cyrillic, general punctuation): then the text is NFC and ICU's
    /// check, which needs a UTF-16 copy, is skipped. Most Russian and English text passes.
    static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                guard byte >= 0xC0, isNFCStable(bytes, at: index, lead: byte) else { return false }
                index += byte < 0xE0 ? 2 : 3
            }
            return true
        }
    }

    /// Whether the scalar at `index` is in a block where every character is NFC-stable.
    @inline(__always)
    static func isNFCStable(_ input: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> Bool {
        switch lead {
        case 0xC2...0xCB: return true  // U+0080–U+02FF: Latin-1, Latin Extended, spacing modifiers
        case 0xD0...0xD4: return true  // U+0400–U+052F: Cyrillic, Cyrillic Supplement
        case 0xE2:
            guard index + 1 < input.count else { return false }
            let next = input[index + 1]
            // U+2002–U+20BF: general punctuation, super/subscripts, currency signs; U+2116 №.
            // Not U+2000 and U+2001, whose NFC is U+2002 and U+2003 (the segmenter folds them to
            // a space before it asks).
            if next == 0x80 { return index + 2 < input.count && input[index + 2] >= 0x82 }
            return next == 0x81 || next == 0x82
                || (next == 0x84 && index + 2 < input.count && input[index + 2] == 0x96)
        default: return false
        }
    }
}
