import PamyatText

extension Vocabulary {
    /// The tokens of `text` for the index, adding new forms to the vocabulary.
    mutating func internTokens(_ text: TokenizedText) -> [MatchToken] {
        var result: [MatchToken] = []
        result.reserveCapacity(text.tokens.count)
        text.bytes.withUnsafeBufferPointer { bytes in
            for (token, space) in Self.pieces(text) {
                let surface = intern(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), kind: token.kind)
                result.append(
                    MatchToken(
                        surface: surface, key: surfaceKeys[Int(surface)], kind: token.kind, spaceBefore: space,
                        decoration: surfaceDecorations[Int(surface)]))
            }
        }
        return result
    }

    /// The tokens the score sees: the text's content tokens (white space only marks the space before
    /// the next one), with each run of two or more decoration marks (`-------`, `***`, `====`,
    /// `...`, `# # #`, `_____`: together or apart by white space only) as one punctuation token.
    /// ICU cuts a run of underscores as a word (`_` joins words); such a "word" made of decoration
    /// marks only is a decoration run too.
    static func pieces(_ text: TokenizedText) -> [(token: Token, spaceBefore: Bool)] {
        var result: [(token: Token, spaceBefore: Bool)] = []
        result.reserveCapacity(text.tokens.count)
        var space = false
        var previousIsDecoration = false
        for var token in text.tokens {
            if token.kind == .whitespace {
                space = !result.isEmpty
                continue
            }
            var decoration = token.kind == .punctuation && isDecoration(text.bytes, token.start..<token.end)
            if token.kind == .word,
                text.bytes.withUnsafeBufferPointer({ isDecorationRun(UnsafeBufferPointer(rebasing: $0[token.start..<token.end])) })
            {
                token.kind = .punctuation
                decoration = true
            }
            if decoration, previousIsDecoration, !result.isEmpty {
                result[result.count - 1].token.end = token.end
            } else {
                result.append((token, space))
            }
            previousIsDecoration = decoration
            space = false
        }
        return result
    }

    /// The marks that draw lines and rules rather than punctuate.
    static let decorationMarks: Set<UInt32> = Set("-‐‑‒–—―*=_#~+.·•/\\|^°".unicodeScalars.map(\.value))

    /// Whether `range` of `bytes` is one decoration mark.
    static func isDecoration(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        if range.count == 1 { return decorationMarks.contains(UInt32(bytes[range.lowerBound])) }
        let scalars = String(decoding: bytes[range], as: UTF8.self).unicodeScalars
        return scalars.count == 1 && decorationMarks.contains(scalars.first!.value)
    }

    /// The tokens of a query. Forms the vocabulary does not know get fresh ids above every known
    /// one, so they equal no stored token; a new surface whose key is known (a known word in a new
    /// case) keeps that key.
    func queryTokens(_ text: TokenizedText) -> [MatchToken] { queryTokensAndKeys(text).tokens }

    /// ``queryTokens(_:)`` with the key text of each new word key (not in the vocabulary).
    func queryTokensAndKeys(_ text: TokenizedText) -> (tokens: [MatchToken], newKeys: [UInt32: String]) {
        var result: [MatchToken] = []
        result.reserveCapacity(text.tokens.count)
        var newSurfaces: [String: UInt32] = [:]
        var newKeys: [String: UInt32] = [:]
        var newKeyTexts: [UInt32: String] = [:]
        for (token, space) in Self.pieces(text) {
            let surface: UInt32
            let key: UInt32
            let found = text.bytes.withUnsafeBufferPointer { surfaceID(UnsafeBufferPointer(rebasing: $0[token.start..<token.end]), kind: token.kind) }
            if let known = found {
                surface = known
                key = surfaceKeys[Int(known)]
            } else {
                let form = text.surface(of: token)
                let fresh = UInt32(surfaceCount + newSurfaces.count)
                surface = newSurfaces[form, default: fresh]
                newSurfaces[form] = surface
                let keyText = Vocabulary.key(of: form)
                if let knownKey = keyID(keyText, kind: token.kind) {
                    key = knownKey
                } else {
                    let freshKey = UInt32(keyCount + newKeys.count)
                    key = newKeys[keyText + "\u{1F}\(token.kind.rawValue)", default: freshKey]
                    newKeys[keyText + "\u{1F}\(token.kind.rawValue)"] = key
                    newKeyTexts[key] = keyText
                }
            }
            let decoration = token.kind == .punctuation
                && text.bytes.withUnsafeBufferPointer { Self.isDecorationRun(UnsafeBufferPointer(rebasing: $0[token.start..<token.end])) }
            result.append(MatchToken(surface: surface, key: key, kind: token.kind, spaceBefore: space, decoration: decoration))
        }
        return (result, newKeyTexts)
    }
}
