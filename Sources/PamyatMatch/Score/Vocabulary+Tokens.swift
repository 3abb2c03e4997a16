import PamyatText

extension Vocabulary {
    /// The tokens of `text` for the index, adding new forms to the vocabulary.
    mutating func internTokens(_ text: TokenizedText) -> [MatchToken] {
        var result: [MatchToken] = []
        result.reserveCapacity(text.tokens.count)
        var space = false
        text.bytes.withUnsafeBufferPointer { bytes in
            for token in text.tokens {
                if token.kind == .whitespace {
                    space = !result.isEmpty
                    continue
                }
                let surface = intern(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), kind: token.kind)
                result.append(MatchToken(surface: surface, key: surfaceKeys[Int(surface)], kind: token.kind, spaceBefore: space))
                space = false
            }
        }
        return result
    }

    /// The tokens of a query. Forms the vocabulary does not know get fresh ids above every known
    /// one, so they equal no stored token; a new surface whose key is known (a known word in a new
    /// case) keeps that key.
    func queryTokens(_ text: TokenizedText) -> [MatchToken] {
        var result: [MatchToken] = []
        result.reserveCapacity(text.tokens.count)
        var newSurfaces: [String: UInt32] = [:]
        var newKeys: [String: UInt32] = [:]
        var space = false
        for token in text.tokens {
            if token.kind == .whitespace {
                space = !result.isEmpty
                continue
            }
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
                }
            }
            result.append(MatchToken(surface: surface, key: key, kind: token.kind, spaceBefore: space))
            space = false
        }
        return result
    }
}
