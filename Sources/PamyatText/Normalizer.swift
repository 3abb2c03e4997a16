import CICUShim

/// Unicode normalisation and folding used everywhere text is compared.
public enum Normalizer {
    /// NFC of `text` (ICU). Text already in NFC is returned as is without copying.
    public static func nfc(_ text: String) -> String {
        if isSelfContainedNFC(text) { return text }
        return icuNFC(text)
    }

    /// NFC through ICU, for any text (``nfc(_:)`` first tries the check below, without ICU).
    static func icuNFC(_ text: String) -> String {
        let units = Array(text.utf16)
        var status: Int32 = 0
        let isNFC = units.withUnsafeBufferPointer { pmy_is_nfc($0.baseAddress, Int32($0.count), &status) }
        if isNFC == 1 && status <= 0 { return text }
        return (try? withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_nfc(input, length, output, capacity, &status)
        }) ?? text
    }

    /// Whether `text` is in NFC because every character in it is "self-contained" (always an NFC
    /// boundary before it, and NFC on its own: ``selfContained``), checked on its UTF-8 bytes for the
    /// Basic Multilingual Plane. `false` means "ask ICU", not "not NFC". Saves the UTF-16 copy and the
    /// ICU call for most text: Russian texts spent ~0.5 µs each there on import.
    static func isSelfContainedNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let table = selfContained
            let count = bytes.count
            var i = 0
            while i < count {
                let lead = bytes[i]
                let scalar: Int
                if lead < 0x80 {
                    i += 1
                    continue
                } else if lead & 0xE0 == 0xC0, i + 1 < count {
                    scalar = Int(lead & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead & 0xF0 == 0xE0, i + 2 < count {
                    scalar = Int(lead & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    return false
                }
                if table[scalar >> 6] & (1 << UInt64(scalar & 63)) == 0 { return false }
            }
            return true
        }
    }

    /// One bit per code point of the Basic Multilingual Plane: whether it is self-contained for NFC
    /// (`pmy_nfc_is_self_contained`). ICU's own data, asked once (65,536 calls, a few milliseconds).
    static let selfContained: [UInt64] = (0..<1024).map { word in
        var bits: UInt64 = 0
        for bit in 0..<64 where pmy_nfc_is_self_contained(Int32(word * 64 + bit)) == 1 { bits |= 1 << UInt64(bit) }
        return bits
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
}
