/// The identity of a unit's content: its variants' languages and texts (with markup), in a
/// canonical order. Two units with equal content are the same unit for de-duplication, whatever
/// their provenance or dates.
public struct UnitContent: Hashable, Sendable {
    /// Canonical serialisation: `lang \u{1F} text \u{1E}` per variant, sorted by language then text.
    public let key: String

    public init(_ unit: TranslationUnit) {
        self.init(variants: unit.variants.map { ($0.language.identifier, $0.markup ?? $0.text) })
    }

    /// The content of variants given as (language tag, markup or text) pairs, e.g. read from a store.
    public init(variants: [(language: String, content: String)]) {
        key = variants.map { "\($0.language)\u{1F}\($0.content)" }.sorted().joined(separator: "\u{1E}")
    }

    /// A 64-bit FNV-1a hash of ``key`` (as a signed integer, the way SQLite stores it). Used as an
    /// index only: the store compares the full content on a hash hit, so a collision can never merge
    /// two different units.
    public var hash: Int64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var key = key
        // Over the contiguous UTF-8 bytes: iterating `key.utf8` decodes its way through the string.
        key.withUTF8 { bytes in
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01b3
            }
        }
        return Int64(bitPattern: value)
    }
}
