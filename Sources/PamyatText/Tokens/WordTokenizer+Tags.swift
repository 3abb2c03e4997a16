extension WordTokenizer {
    /// The next inline tag at or after `start`: `<name …>`, `</name>` or `<name …/>`, where the name
    /// starts with an ASCII letter and holds ASCII letters, digits, `_`, `:`, `.` or `-`, and the
    /// attributes hold no `<` or `>`. `a < b > c` has no tag (a space follows the `<`).
    ///
    /// Hand-written rather than a regular expression: it runs on every text at index build, and the
    /// grammar is three states.
    static func nextTag(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        var index = start
        let count = bytes.count
        while index < count {
            guard let open = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index) else { return nil }
            if let end = tagEnd(in: bytes, openingAt: open) { return open..<end }
            index = open + 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The end (one past `>`) of a tag whose `<` is at `open`, or `nil` when there is no tag there.
    private static func tagEnd(in bytes: [UInt8], openingAt open: Int) -> Int? {
        var index = open + 1
        let count = bytes.count
        if index < count && bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < count, isASCIILetter(bytes[index]) else { return nil }
        index += 1
        while index < count, isNameByte(bytes[index]) { index += 1 }
        guard index < count else { return nil }
        let next = bytes[index]
        if next == UInt8(ascii: ">") { return index + 1 }
        if next == UInt8(ascii: "/") {
            return index + 1 < count && bytes[index + 1] == UInt8(ascii: ">") ? index + 2 : nil
        }
        // Attributes: must start with white space; run to the first `>`, refusing a `<` or a line end.
        guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") else { return nil }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\n") { return nil }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
