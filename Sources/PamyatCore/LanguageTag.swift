/// A BCP 47 language tag in canonical form (`ru`, `ru-RU`, `en-GB`, `sr-Latn`).
///
/// Values are created from already-canonical text with ``init(canonical:)``; parsing and
/// canonicalising user input (`en-us` → `en-US`) is done with ICU by `PamyatText`'s
/// `LanguageTag.parse(_:)`, which is the only way user input should become a tag.
public struct LanguageTag: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The canonical tag, e.g. `en-GB`.
    public let identifier: String

    /// Wraps a tag that is known to be canonical already (from the store or from `parse`).
    public init(canonical identifier: String) {
        self.identifier = identifier
    }

    /// The primary language subtag, lowercase: `en` for `en-GB`.
    public var language: String {
        if let dash = identifier.firstIndex(of: "-") { return String(identifier[..<dash]) }
        return identifier
    }

    /// Whether `other` has the same primary language (`en-GB` and `en-US` do).
    public func sharesLanguage(with other: LanguageTag) -> Bool { language == other.language }

    public var description: String { identifier }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.identifier < rhs.identifier }

    public init(from decoder: any Decoder) throws {
        identifier = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

/// A direction of translation: from `source` to `target`.
public struct LanguagePair: Hashable, Sendable, CustomStringConvertible {
    public let source: LanguageTag
    public let target: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        self.source = source
        self.target = target
    }

    /// `ru-en`.
    public var description: String { "\(source)-\(target)" }
}
