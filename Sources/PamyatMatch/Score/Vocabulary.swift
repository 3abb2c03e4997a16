import PamyatText

/// The token forms of one language's index, interned as dense ids: surface forms (as written, NFC)
/// and keys (case folded). Ids are per kind-aware form, so `2023` the number and a word can never
/// share an id, and two surfaces share a key exactly when they differ only in case.
struct Vocabulary: Sendable {
    /// Per kind (``TokenKind/rawValue``): surface text → surface id.
    private var surfaceIDs: [[String: UInt32]] = Array(repeating: [:], count: TokenKind.allCases.count)
    /// Per kind: key text → key id.
    private var keyIDs: [[String: UInt32]] = Array(repeating: [:], count: TokenKind.allCases.count)
    /// By surface id: its text, key id and kind.
    private(set) var surfaces: [String] = []
    private(set) var surfaceKeys: [UInt32] = []
    private(set) var surfaceKinds: [TokenKind] = []
    /// By key id: its text and kind.
    private(set) var keys: [String] = []
    private(set) var keyKinds: [TokenKind] = []

    var surfaceCount: Int { surfaces.count }
    var keyCount: Int { keys.count }

    /// The id of `surface`, adding it (and its key) when new.
    mutating func intern(_ surface: String, kind: TokenKind) -> UInt32 {
        if let id = surfaceIDs[Int(kind.rawValue)][surface] { return id }
        let keyText = Self.key(of: surface)
        let key: UInt32
        if let known = keyIDs[Int(kind.rawValue)][keyText] {
            key = known
        } else {
            key = UInt32(keys.count)
            keys.append(keyText)
            keyKinds.append(kind)
            keyIDs[Int(kind.rawValue)][keyText] = key
        }
        let id = UInt32(surfaces.count)
        surfaces.append(surface)
        surfaceKeys.append(key)
        surfaceKinds.append(kind)
        surfaceIDs[Int(kind.rawValue)][surface] = id
        return id
    }

    /// Adds a surface with a known key id (when loading a saved index).
    mutating func restore(surface: String, kind: TokenKind, key: UInt32) {
        let id = UInt32(surfaces.count)
        surfaces.append(surface)
        surfaceKeys.append(key)
        surfaceKinds.append(kind)
        surfaceIDs[Int(kind.rawValue)][surface] = id
    }

    /// Adds a key (when loading a saved index).
    mutating func restore(key: String, kind: TokenKind) {
        keyIDs[Int(kind.rawValue)][key] = UInt32(keys.count)
        keys.append(key)
        keyKinds.append(kind)
    }

    /// Makes room for surfaces and keys of these kinds (raw values), before restoring them.
    mutating func reserve(surfaceKinds kinds: [UInt8], keyKinds: [UInt8]) {
        surfaces.reserveCapacity(kinds.count)
        surfaceKeys.reserveCapacity(kinds.count)
        surfaceKinds.reserveCapacity(kinds.count)
        keys.reserveCapacity(keyKinds.count)
        self.keyKinds.reserveCapacity(keyKinds.count)
        var surfaceCounts = [Int](repeating: 0, count: TokenKind.allCases.count)
        var keyCounts = [Int](repeating: 0, count: TokenKind.allCases.count)
        for kind in kinds where Int(kind) < surfaceCounts.count { surfaceCounts[Int(kind)] += 1 }
        for kind in keyKinds where Int(kind) < keyCounts.count { keyCounts[Int(kind)] += 1 }
        for kind in 0..<surfaceCounts.count {
            surfaceIDs[kind].reserveCapacity(surfaceCounts[kind])
            keyIDs[kind].reserveCapacity(keyCounts[kind])
        }
    }

    /// The surface id of `surface`, if known.
    func surfaceID(_ surface: String, kind: TokenKind) -> UInt32? {
        surfaceIDs[Int(kind.rawValue)][surface]
    }

    /// The key id of `key` (already folded), if known.
    func keyID(_ key: String, kind: TokenKind) -> UInt32? {
        keyIDs[Int(kind.rawValue)][key]
    }

    /// The key of a surface form: its full Unicode case folding.
    static func key(of surface: String) -> String {
        Normalizer.foldCase(surface)
    }
}
