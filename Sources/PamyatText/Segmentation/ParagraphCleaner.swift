/// Brings one paragraph into the form the segmenter works on: every run of white space (ASCII,
/// NBSP, the Unicode spaces, line and paragraph separators, zero-width space) folded into one
/// U+0020, no space at either end, byte order marks dropped, and the text in NFC.
///
/// Hand-written over bytes rather than `Normalizer.canonical` because it runs on every paragraph
/// of every document: a scan that finds nothing to change costs one pass and no copy of the text's
/// characters, and ICU's NFC is only called when a scalar outside the blocks known to be NFC-stable
/// (ASCII, Latin-1, Latin Extended, Cyrillic, general punctuation) is present.
enum ParagraphCleaner {
    /// The cleaned bytes of `input`.
    static func clean(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        clean(input, into: &out)
        return out
    }

    /// Cleans `input` into `out` (emptied first; its capacity is reused).
    static func clean(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(input.count)
        var pendingSpace = false
        var needsNFC = false
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            let length = spaceLength(input, at: index)
            if length > 0 {
                pendingSpace = !out.isEmpty
                index += length
                continue
            }
            if byte == 0xEF && index + 2 < count && input[index + 1] == 0xBB && input[index + 2] == 0xBF {
                index += 3  // U+FEFF, a byte order mark inside the text
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if byte < 0x80 {
                out.append(byte)
                index += 1
                continue
            }
            let scalarLength = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if !needsNFC && !isNFCStable(input, at: index, lead: byte) { needsNFC = true }
            let end = min(index + scalarLength, count)
            for k in index..<end { out.append(input[k]) }
            index = end
        }
        guard needsNFC else { return }
        let text = String(decoding: out, as: UTF8.self)
        out = Array(Normalizer.nfc(text).utf8)
    }

    /// The length of the white-space scalar at `index`, or 0.
    @inline(__always)
    static func spaceLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = input[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2:
            guard index + 1 < input.count else { return 0 }
            let next = input[index + 1]
            return next == 0xA0 || next == 0x85 ? 2 : 0  // NBSP, NEL
        case 0xE1:
            guard index + 2 < input.count else { return 0 }
            return input[index + 1] == 0x9A && input[index + 2] == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            guard index + 2 < input.count else { return 0 }
            let b1 = input[index + 1], b2 = input[index + 2]
            if b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }  // U+2000–200B, 2028, 2029, 202F
            if b1 == 0x81 && b2 == 0x9F { return 3 }  // U+205F
            return 0
        case 0xE3:
            guard index + 2 < input.count else { return 0 }
            return input[index + 1] == 0x80 && input[index + 2] == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    /// Whether the scalar at `index` is in a block where every character is NFC-stable.
    @inline(__always)
    private static func isNFCStable(_ input: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> Bool {
        switch lead {
        case 0xC2...0xCB: return true  // U+0080–U+02FF: Latin-1, Latin Extended, spacing modifiers
        case 0xD0...0xD4: return true  // U+0400–U+052F: Cyrillic, Cyrillic Supplement
        case 0xE2:
            guard index + 1 < input.count else { return false }
            let next = input[index + 1]
            // U+2000–U+20BF: general punctuation, super/subscripts, currency signs; U+2116 №.
            return next == 0x80 || next == 0x81 || next == 0x82
                || (next == 0x84 && index + 2 < input.count && input[index + 2] == 0x96)
        default: return false
        }
    }
}
