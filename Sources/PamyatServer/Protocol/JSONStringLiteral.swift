/// Decoding and encoding of JSON string literals (RFC 8259 §7), the way arguments with spaces or
/// quotes travel in requests and every string travels in responses.
package enum JSONStringLiteral {
    /// Decodes the literal that starts with `"` at `position`; leaves `position` after the closing quote.
    static func decode(_ bytes: [UInt8], at position: inout Int) throws(ServerError) -> String {
        let start = position
        precondition(bytes[position] == UInt8(ascii: "\""))
        position += 1
        var output: [UInt8] = []
        output.reserveCapacity(64)
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(bytes, at: &position, literalStart: start)
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw ServerError(
                        .badRequest,
                        "'\\\(Character(Unicode.Scalar(escape)))' at byte \(position - 1) is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX.")
                }
            case 0x00..<0x20:
                throw ServerError(
                    .badRequest, "A JSON string cannot hold a control character (byte \(position + 1)); escape it, e.g. \\t or \\n.")
            default:
                output.append(byte)
                position += 1
            }
        }
        throw ServerError(.badRequest, "The JSON string that starts at byte \(start + 1) has no closing quote.")
    }

    /// Reads `XXXX` (and a following `\uXXXX` low surrogate when `XXXX` is a high one).
    private static func unicodeEscape(_ bytes: [UInt8], at position: inout Int, literalStart: Int) throws(ServerError) -> Unicode.Scalar {
        let first = try hex4(bytes, at: &position)
        if (0xD800..<0xDC00).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw ServerError(.badRequest, "The escape \\u\(hex(first)) at byte \(position - 5) is a lone high surrogate; follow it with its low surrogate.")
            }
            position += 2
            let second = try hex4(bytes, at: &position)
            guard (0xDC00..<0xE000).contains(second) else {
                throw ServerError(.badRequest, "The escape \\u\(hex(second)) at byte \(position - 5) is not a low surrogate after \\u\(hex(first)).")
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value)!
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw ServerError(.badRequest, "The escape \\u\(hex(first)) at byte \(position - 5) is a lone low surrogate.")
        }
        return scalar
    }

    private static func hex4(_ bytes: [UInt8], at position: inout Int) throws(ServerError) -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw ServerError(.badRequest, "A \\u escape at byte \(position - 1) needs four hex digits.")
        }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw ServerError(.badRequest, "A \\u escape at byte \(position - 1) needs four hex digits.")
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Appends `text` as a JSON string literal: `"`, `\` and control characters escaped (as
    /// `JSONEncoder` escapes them: `\b \t \n \f \r`, the others `\u00xx`), everything else as
    /// UTF-8 (so Cyrillic stays readable in `nc`).
    package static func encode(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied in one go.
        var text = text
        let plain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if plain {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            default:
                let digits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
