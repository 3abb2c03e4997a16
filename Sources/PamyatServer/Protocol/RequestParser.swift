import PamyatCore

/// Parses a request line into a ``Request``.
///
/// The grammar (docs/PROTOCOL.md): words separated by spaces or tabs; the first is the verb
/// (ASCII letters, case-insensitive); each further word is a bare word (no space, tab or `"`), a
/// JSON string literal (`"Вызовов много.\n"`, JSON escapes), or an option `name=value` whose value
/// is a bare word or a JSON string literal. A bare word whose text before the first `=` is an option
/// name (a letter, then letters, digits, `-` or `_`) is an option; to send such text as an argument,
/// quote it.
///
/// Hand-written rather than built on JSONDecoder: a JSON string literal here is one token inside a
/// larger line, and the tokenizer needs to know where it ends.
enum RequestParser {
    static func parse(_ line: String) throws(ServerError) -> Request {
        var bytes = Array(line.utf8)
        return try parse(bytes: &bytes)
    }

    static func parse(bytes: inout [UInt8]) throws(ServerError) -> Request {
        var position = 0
        skipSeparators(bytes, &position)
        guard position < bytes.count else {
            throw ServerError(.badRequest, "The request is empty; send a verb such as PING or HELLO.")
        }
        let verbStart = position
        while position < bytes.count, !isSeparator(bytes[position]) { position += 1 }
        let verbBytes = bytes[verbStart..<position]
        guard verbBytes.allSatisfy(isASCIILetter) else {
            throw ServerError(
                .badRequest, "The verb '\(TextExcerpt.short(String(decoding: verbBytes, as: UTF8.self), limit: 40))' is not a word of letters; a request starts with a verb such as LOOKUP.")
        }
        var request = Request(verb: String(decoding: verbBytes, as: UTF8.self).uppercased())

        while true {
            skipSeparators(bytes, &position)
            guard position < bytes.count else { break }
            if bytes[position] == quote {
                request.arguments.append(try JSONStringLiteral.decode(bytes, at: &position))
                try expectEndOfWord(bytes, position)
                continue
            }
            let start = position
            while position < bytes.count, !isSeparator(bytes[position]), bytes[position] != quote { position += 1 }
            let word = bytes[start..<position]
            let name = optionName(in: word)
            if position < bytes.count, bytes[position] == quote {
                // `name="…"`: an option with a JSON string value. Anything else with a quote is malformed.
                guard let name, word.last == equals else {
                    throw ServerError(
                        .badRequest,
                        "A bare word cannot contain '\"' (at byte \(position + 1)); quote the whole argument as a JSON string.")
                }
                let value = try JSONStringLiteral.decode(bytes, at: &position)
                try expectEndOfWord(bytes, position)
                try add(option: name, value: value, to: &request)
            } else if let name, let equalsIndex = word.firstIndex(of: equals) {
                try add(option: name, value: String(decoding: word[(equalsIndex + 1)...], as: UTF8.self), to: &request)
            } else {
                request.arguments.append(String(decoding: word, as: UTF8.self))
            }
        }
        return request
    }

    private static let quote = UInt8(ascii: "\"")
    private static let equals = UInt8(ascii: "=")

    private static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func skipSeparators(_ bytes: [UInt8], _ position: inout Int) {
        while position < bytes.count, isSeparator(bytes[position]) { position += 1 }
    }

    /// The lowercased option name if `word` is `name=…` with a well-formed name.
    private static func optionName(in word: ArraySlice<UInt8>) -> String? {
        guard let equalsIndex = word.firstIndex(of: equals), equalsIndex > word.startIndex,
            isASCIILetter(word[word.startIndex])
        else { return nil }
        let name = word[word.startIndex..<equalsIndex]
        let isNameByte: (UInt8) -> Bool = { byte in
            isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard name.allSatisfy(isNameByte) else { return nil }
        return String(decoding: name, as: UTF8.self).lowercased()
    }

    private static func add(option name: String, value: String, to request: inout Request) throws(ServerError) {
        guard request.options[name] == nil else {
            throw ServerError(.badRequest, "The option '\(TextExcerpt.short(name, limit: 40))' is given twice; give it once.")
        }
        request.options[name] = value
    }

    private static func expectEndOfWord(_ bytes: [UInt8], _ position: Int) throws(ServerError) {
        guard position == bytes.count || isSeparator(bytes[position]) else {
            throw ServerError(
                .badRequest, "A JSON string must be followed by a space or the end of the line (at byte \(position + 1)).")
        }
    }
}
