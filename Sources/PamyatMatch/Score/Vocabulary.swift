import PamyatText

/// The token forms of one language's index, interned as dense ids: surface forms (as written, NFC)
/// and keys (case folded). Ids are per kind-aware form, so `2023` the number and a word can never
/// share an id, and two surfaces share a key exactly when they differ only in case.
struct Vocabulary: Sendable {
    /// Surface texts (with their kinds) → surface ids.
    private(set) var surfaces = ByteInterner()
    /// Key texts (with their kinds) → key ids.
    private(set) var keys = ByteInterner()
    /// By surface id: its key id and kind.
    private(set) var surfaceKeys: [UInt32] = []
    private(set) var surfaceKinds: [TokenKind] = []
    /// By surface id: whether it is a run of decoration marks.
    private(set) var surfaceDecorations: [Bool] = []

    var surfaceCount: Int { surfaces.count }
    var keyCount: Int { keys.count }

    init() {}

    /// A vocabulary from saved parts; `nil` when they do not fit together.
    init?(surfaces: ByteInterner, keys: ByteInterner, surfaceKeys: [UInt32]) {
        guard surfaceKeys.count == surfaces.count, surfaceKeys.allSatisfy({ Int($0) < keys.count }) else { return nil }
        var kinds: [TokenKind] = []
        kinds.reserveCapacity(surfaces.count)
        for raw in surfaces.kinds {
            guard let kind = TokenKind(rawValue: raw) else { return nil }
            kinds.append(kind)
        }
        self.surfaces = surfaces
        self.keys = keys
        self.surfaceKeys = surfaceKeys
        surfaceKinds = kinds
        surfaceDecorations = surfaces.bytes.withUnsafeBufferPointer { bytes in
            (0..<surfaces.count).map { id in
                kinds[id] == .punctuation
                    && Self.isDecorationRun(UnsafeBufferPointer(rebasing: bytes[Int(surfaces.offsets[id])..<Int(surfaces.offsets[id + 1])]))
            }
        }
    }

    /// The id of the surface `text`, adding it (and its key) when new.
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> UInt32 {
        let (id, isNew) = surfaces.intern(text, kind: kind.rawValue)
        guard isNew else { return id }
        let keyText = Self.key(of: String(decoding: text, as: UTF8.self))
        let key = keyText.utf8.withContiguousStorageIfAvailable { keys.intern($0, kind: kind.rawValue).id }
            ?? Array(keyText.utf8).withUnsafeBufferPointer { keys.intern($0, kind: kind.rawValue).id }
        surfaceKeys.append(key)
        surfaceKinds.append(kind)
        surfaceDecorations.append(kind == .punctuation && Self.isDecorationRun(text))
        return id
    }

    /// The surface id of `text`, if known.
    func surfaceID(_ text: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> UInt32? {
        surfaces.find(text, kind: kind.rawValue)
    }

    /// The key id of `key` (already folded), if known.
    func keyID(_ key: String, kind: TokenKind) -> UInt32? {
        Array(key.utf8).withUnsafeBufferPointer { keys.find($0, kind: kind.rawValue) }
    }

    /// Whether a punctuation token's text is a run of two or more decoration marks (white space
    /// between them allowed): what ``pieces(_:)`` makes of such runs.
    static func isDecorationRun(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var marks = 0
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if decorationMarks.contains(scalar.value) { marks += 1 } else if !scalar.properties.isWhitespace { return false }
        }
        return marks >= 2
    }

    /// The key of a surface form: its full Unicode case folding.
    static func key(of surface: String) -> String {
        Normalizer.foldCase(surface)
    }
}
