import Foundation

/// How a unit came into a memory.
public enum Origin: String, Sendable, Codable, CaseIterable {
    /// Produced by aligning a document pair (`pamyat add`).
    case aligned
    /// Read from a TMX file (`pamyat import`).
    case imported
    /// Added one by one (the `ADD` protocol verb).
    case added
}

/// A free property (TMX `<prop type="…">`), kept so that a TMX round trip loses nothing.
public struct Property: Hashable, Sendable, Codable {
    /// The property type, e.g. `x-document` or a tool's own `x-…` name.
    public var type: String
    public var value: String
    /// `xml:lang` of the prop element, if it had one.
    public var language: String?
    /// `o-encoding` of the prop element, if it had one.
    public var encoding: String?

    public init(type: String, value: String, language: String? = nil, encoding: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
        self.encoding = encoding
    }
}

/// A note (TMX `<note>`).
public struct Note: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?
    public var encoding: String?

    public init(text: String, language: String? = nil, encoding: String? = nil) {
        self.text = text
        self.language = language
        self.encoding = encoding
    }
}

/// One language's side of a translation unit.
public struct Variant: Hashable, Sendable, Codable {
    public var language: LanguageTag
    /// The text as a reader sees it, without inline markup.
    public var text: String
    /// The TMX `<seg>` content with its inline elements (`bpt`, `ept`, `ph`, `it`, `hi`, `sub`),
    /// exactly as read, when the segment had markup; `nil` for plain text.
    public var markup: String?
    /// Per-variant properties and notes (TMX `<tuv><prop>`, `<tuv><note>`).
    public var properties: [Property]
    public var notes: [Note]
    /// TMX `tuv` attributes kept for the round trip (`creationdate`, `creationid`, …), by name.
    public var attributes: [String: String]

    public init(
        language: LanguageTag, text: String, markup: String? = nil, properties: [Property] = [],
        notes: [Note] = [], attributes: [String: String] = [:]
    ) {
        self.language = language
        self.text = text
        self.markup = markup
        self.properties = properties
        self.notes = notes
        self.attributes = attributes
    }

    /// Whether `text` is blank: empty, or only white space (and the invisible U+200B ZERO WIDTH SPACE
    /// and U+FEFF BOM, which the index ignores too). The one rule for every way text gets into a
    /// memory: ADD and ``Variant``s read from TMX alike; a blank segment is never stored.
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { !($0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}") }
    }
}

/// Where a unit came from: the document it was aligned from, and its place there.
public struct Provenance: Hashable, Sendable, Codable {
    /// The document's id as the user gave it (`--doc-id`), or derived from the file name.
    public var documentID: String?
    public var documentTitle: String?
    /// The document's date as given (`--date`), ISO 8601 `YYYY-MM-DD` when known.
    public var documentDate: String?
    /// Sentence positions in the original, e.g. `12` or `12-13` for a 2-1 bead.
    public var position: String?
    /// Alignment confidence in [0, 1] for aligned units.
    public var confidence: Double?
    /// The previous and next source sentences, for context (101) matches.
    public var contextPrevious: String?
    public var contextNext: String?

    public init(
        documentID: String? = nil, documentTitle: String? = nil, documentDate: String? = nil,
        position: String? = nil, confidence: Double? = nil, contextPrevious: String? = nil,
        contextNext: String? = nil
    ) {
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.documentDate = documentDate
        self.position = position
        self.confidence = confidence
        self.contextPrevious = contextPrevious
        self.contextNext = contextNext
    }
}

/// A translation unit: the same content in two or more languages, with where it came from.
public struct TranslationUnit: Hashable, Sendable, Codable, Identifiable {
    /// The store's id; `nil` for a unit not stored yet.
    public var id: Int64?
    /// The source language of the unit (the original's language for aligned units; TMX `srclang`).
    public var sourceLanguage: LanguageTag
    public var variants: [Variant]
    public var origin: Origin
    public var provenance: Provenance
    /// The TMX `tuid` this unit was imported with, if any.
    public var externalID: String?
    public var createdAt: Date
    public var changedAt: Date
    public var createdBy: String?
    public var changedBy: String?
    public var properties: [Property]
    public var notes: [Note]
    /// TMX `tu` attributes kept for the round trip (`usagecount`, `datatype`, …), by name.
    public var attributes: [String: String]

    public init(
        id: Int64? = nil, sourceLanguage: LanguageTag, variants: [Variant], origin: Origin,
        provenance: Provenance = Provenance(), externalID: String? = nil, createdAt: Date = Date(),
        changedAt: Date? = nil, createdBy: String? = nil, changedBy: String? = nil,
        properties: [Property] = [], notes: [Note] = [], attributes: [String: String] = [:]
    ) {
        self.id = id
        self.sourceLanguage = sourceLanguage
        self.variants = variants
        self.origin = origin
        self.provenance = provenance
        self.externalID = externalID
        self.createdAt = createdAt
        self.changedAt = changedAt ?? createdAt
        self.createdBy = createdBy
        self.changedBy = changedBy
        self.properties = properties
        self.notes = notes
        self.attributes = attributes
    }

    /// The first variant in `language`, or one sharing its primary language when none matches exactly.
    public func variant(in language: LanguageTag) -> Variant? {
        variants.first { $0.language == language } ?? variants.first { $0.language.sharesLanguage(with: language) }
    }

    /// The languages the unit has, in variant order.
    public var languages: [LanguageTag] { variants.map(\.language) }
}
