/// `%XX` escapes decoded over UTF-8 bytes, for query parameters and path segments.
///
/// Hand-written: Foundation's `removingPercentEncoding` goes through NSString, which cost the
/// server more than the rest of a tmserver request's parsing (perf under tools/http-bench.sh).
enum PercentDecoding {
    /// `encoded` with its `%XX` escapes decoded (and `+` as a space when `plusIsSpace`, as forms
    /// encode queries); nil when an escape is malformed or the bytes decoded are not UTF-8.
    static func decode(_ encoded: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> String? {
        guard encoded.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(validating: encoded, as: UTF8.self)
        }
        var malformed = false
        let decoded = [UInt8](unsafeUninitializedCapacity: encoded.count) { output, count in
            var index = 0
            while index < encoded.count {
                var byte = encoded[index]
                index += 1
                if plusIsSpace, byte == UInt8(ascii: "+") {
                    byte = UInt8(ascii: " ")
                } else if byte == UInt8(ascii: "%") {
                    guard index + 1 < encoded.count, let high = hexValue(encoded[index]), let low = hexValue(encoded[index + 1]) else {
                        malformed = true
                        break
                    }
                    byte = high << 4 | low
                    index += 2
                }
                output[count] = byte
                count += 1
            }
        }
        return malformed ? nil : String(validating: decoded, as: UTF8.self)
    }

    /// `text` with its `%XX` escapes decoded; nil when one is malformed or the result is not UTF-8.
    static func decode(_ text: some StringProtocol, plusIsSpace: Bool) -> String? {
        var text = String(text)
        return text.withUTF8 { decode($0, plusIsSpace: plusIsSpace) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
