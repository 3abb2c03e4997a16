/// A text cut into tokens: the NFC text, its UTF-8 bytes and the tokens that cover it end to end.
public struct TokenizedText: Sendable {
    /// The text in NFC (the tokens' offsets refer to it).
    public let text: String
    /// `text`'s UTF-8 bytes.
    public let bytes: [UInt8]
    /// The tokens, in order, covering every byte of `text` (white space included).
    public let tokens: [Token]

    init(text: String, bytes: [UInt8], tokens: [Token]) {
        self.text = text
        self.bytes = bytes
        self.tokens = tokens
    }

    /// The text of token `index`, as written.
    public func surface(_ index: Int) -> String {
        let token = tokens[index]
        return String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// The text of `token`, as written.
    public func surface(of token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// The tokens that are not white space, each with whether white space came before it.
    public var contentTokens: [(token: Token, spaceBefore: Bool)] {
        var result: [(token: Token, spaceBefore: Bool)] = []
        result.reserveCapacity(tokens.count)
        var space = false
        for token in tokens {
            if token.kind == .whitespace {
                space = !result.isEmpty
            } else {
                result.append((token, space))
                space = false
            }
        }
        return result
    }
}
