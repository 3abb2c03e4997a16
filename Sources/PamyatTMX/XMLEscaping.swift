/// XML 1.0 escaping on UTF-8 bytes, shared by the writer and by the reader's canonical markup.
///
/// Hand-written rather than through an XML library: it runs on every character exported (the
/// export target is 200,000 units/s) and must apply pamyat's policy for characters XML forbids.
enum XMLEscaping {
    /// Whether `scalar` may appear in an XML 1.0 document (the `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Where escaped text goes.
    enum Context {
        /// Element content: `& < >` and CR (which parsers would turn into LF) become references.
        case content
        /// An attribute value in double quotes: also `"`, tab and LF (which parsers would turn into spaces).
        case attribute
    }

    /// Appends `text` escaped for `context` to `output`. A character XML forbids is passed to
    /// `forbidden` (which may append a replacement, or nothing to drop it).
    /// Bytes that may need escaping (`true`), per context: everything else is copied as is.
    private static let contentSpecial: [Bool] = (0..<256).map { byte in
        byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xEF
    }
    private static let attributeSpecial: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xEF
    }

    static func append(
        _ text: String, to output: inout [UInt8], context: Context,
        forbidden: (Unicode.Scalar, inout [UInt8]) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            // Fast path: most text needs no escaping at all.
            let special = context == .content ? contentSpecial : attributeSpecial
            let clean = special.withUnsafeBufferPointer { table in !bytes.contains { table[Int($0)] } }
            if clean {
                output.append(contentsOf: bytes)
                return
            }
            var runStart = 0
            var index = 0
            @inline(__always) func flush(_ end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < count {
                let byte = bytes[index]
                var replacement: StaticString? = nil
                var forbiddenScalar: Unicode.Scalar? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case 0x0D: replacement = "&#xD;"
                case UInt8(ascii: "\"") where context == .attribute: replacement = "&quot;"
                case 0x09 where context == .attribute: replacement = "&#x9;"
                case 0x0A where context == .attribute: replacement = "&#xA;"
                case 0x09, 0x0A: break
                case 0x00..<0x20: forbiddenScalar = Unicode.Scalar(byte)
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    forbiddenScalar = Unicode.Scalar(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                    width = 3
                default: break
                }
                if let replacement {
                    flush(index)
                    replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                    index += 1
                    runStart = index
                } else if let scalar = forbiddenScalar {
                    flush(index)
                    forbidden(scalar, &output)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(count)
        }
    }

    /// Appends `text` escaped, dropping characters XML forbids; returns how many were dropped.
    @discardableResult
    static func appendDroppingForbidden(_ text: String, to output: inout [UInt8], context: Context) -> Int {
        var dropped = 0
        append(text, to: &output, context: context) { _, _ in dropped += 1 }
        return dropped
    }

    /// `text` escaped for `context` (forbidden characters dropped), as a String.
    static func escaped(_ text: String, context: Context) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        appendDroppingForbidden(text, to: &output, context: context)
        return String(decoding: output, as: UTF8.self)
    }
}
