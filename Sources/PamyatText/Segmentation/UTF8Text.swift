/// Read-only access to a paragraph's UTF-8 bytes with the character classes the segmenter's
/// rules need. The segmenter works on bytes (no `String` per character) because it runs over
/// megabytes of text; only the few places where a rule looks at a word build a `String`.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The scalar that starts at `index` and its length in bytes (the text is valid UTF-8).
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F); length = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F); length = 3
        } else {
            value = UInt32(lead & 0x07); length = 4
        }
        let end = min(index + length, bytes.count)
        for k in (index + 1)..<end { value = value << 6 | UInt32(bytes[k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the scalar that ends right before `index`.
    func scalarStart(before index: Int) -> Int {
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The scalar that ends right before `index`, and where it starts.
    func scalar(before index: Int) -> (scalar: Unicode.Scalar, start: Int) {
        let start = scalarStart(before: index)
        return (scalar(at: start).scalar, start)
    }

    /// The text of `range` as a `String`.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Character classes

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        if s.value >= 0x400 && s.value <= 0x4FF { return s.value < 0x482 || s.value > 0x489 }
        return s.properties.isAlphabetic
    }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        if s.value >= 0x400 && s.value <= 0x42F { return true }
        if s.value >= 0x430 && s.value <= 0x45F { return false }
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }

    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        if s.value >= 0x430 && s.value <= 0x45F { return true }
        if s.value >= 0x400 && s.value <= 0x42F { return false }
        return s.properties.isLowercase
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { isDigit(s) || isLetter(s) }

    /// Quotation marks and opening brackets that may open a sentence: « “ „ " ' ‘ ‚ ‹ ( [ {.
    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039: return true
        default: return false
        }
    }

    /// Quotation marks and closing brackets that may follow a sentence's last stop: » ” “ ’ " ' › ) ] }.
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201C, 0x201D, 0x203A: return true
        default: return false
        }
    }

    /// Hyphen-minus, figure dash, en dash, em dash, horizontal bar, minus sign.
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return true
        default: return false
        }
    }

    /// List bullets that start an item wherever they stand: • ‣ ⁃ ◦ ▪ ● ■ ·.
    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25CF, 0x25A0: return true
        default: return false
        }
    }

    // MARK: Helpers over byte arrays

    /// Whether the scalar that ends right before `index` in `bytes` is a letter or a digit.
    static func isWordByte(before index: Int, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let text = UTF8Text(bytes: buffer)
            return isLetterOrDigit(text.scalar(before: index).scalar)
        }
    }

    /// Lowercase form of UTF-8 bytes; ASCII and Russian letters without going through `String`.
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        appendLowercased(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lowercase form of UTF-8 `bytes` to `out`: ASCII and Cyrillic U+0400–U+045F
    /// byte by byte, anything else through Unicode's lowercase mapping one scalar at a time.
    static func appendLowercased(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                index += 1
                continue
            }
            if (byte == 0xD0 || byte == 0xD1) && index + 1 < bytes.endIndex {
                let next = bytes[index + 1]
                if byte == 0xD0 {
                    switch next {
                    case 0x90...0x9F: out.append(0xD0); out.append(next + 0x20)  // А–П → а–п
                    case 0xA0...0xAF: out.append(0xD1); out.append(next - 0x20)  // Р–Я → р–я
                    case 0x80...0x8F: out.append(0xD1); out.append(next + 0x10)  // Ѐ–Џ → ѐ–џ
                    default: out.append(byte); out.append(next)  // а–п
                    }
                    index += 2
                    continue
                }
                if next >= 0x80 && next <= 0x9F {  // р–я, ѐ–џ: already lowercase
                    out.append(byte); out.append(next)
                    index += 2
                    continue
                }
            }
            // Anything else: through Unicode's lowercase mapping, one scalar at a time.
            var end = index + 1
            while end < bytes.endIndex && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let scalarText = String(decoding: bytes[index..<end], as: UTF8.self)
            out += Array(scalarText.lowercased().utf8)
            index = end
        }
    }
}
