/// A 64-bit FNV-1a hash of a word's lowercase UTF-8 bytes, computed straight from the text
/// without building a `String`: the segmenter asks "is this word in a list?" at every stop, and
/// nearly always the answer is no. Only ASCII and Russian letters (and already-lowercase
/// Cyrillic) are lowercased here; for a word with any other letter it returns nil and the caller
/// takes the `String` path.
enum WordHash {
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                mix(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                index += 1
                continue
            }
            guard index + 1 < end else { return nil }
            let next = bytes[index + 1]
            if byte == 0xD0 {
                switch next {
                case 0x90...0x9F: mix(0xD0); mix(next + 0x20)  // А–П → а–п
                case 0xA0...0xAF: mix(0xD1); mix(next - 0x20)  // Р–Я → р–я
                case 0x80...0x8F: mix(0xD1); mix(next + 0x10)  // Ѐ–Џ → ѐ–џ
                default: mix(byte); mix(next)  // а–п
                }
            } else if byte == 0xD1 && next >= 0x80 && next <= 0x9F {
                mix(byte); mix(next)  // р–я, ѐ–џ
            } else {
                return nil
            }
            index += 2
        }
        return hash
    }

    /// The hash of a word that is already lowercase (from a rule file), or nil when
    /// ``lowercased(_:_:)`` could not have produced it.
    static func of(_ lowercaseWord: String) -> UInt64? {
        var word = lowercaseWord
        return word.withUTF8 { lowercased($0, 0..<$0.count) }
    }
}
