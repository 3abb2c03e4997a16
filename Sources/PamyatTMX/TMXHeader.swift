import Foundation
import PamyatCore

/// A TMX file's `header`: what the writer writes and what the reader read.
public struct TMXHeader: Hashable, Sendable {
    /// The header's `srclang`: one language, or `*all*` (any variant may be the source).
    public enum SourceLanguage: Hashable, Sendable, CustomStringConvertible {
        case language(LanguageTag)
        case all

        public var description: String {
            switch self {
            case .language(let tag): tag.identifier
            case .all: "*all*"
            }
        }
    }

    /// `tmx@version` as read (`1.4`); the writer always writes `1.4` (the DTD's fixed value for 1.4b).
    public var version: String
    public var creationTool: String
    public var creationToolVersion: String
    /// `segtype`: `block`, `paragraph`, `sentence` or `phrase`.
    public var segmentType: String
    /// `o-tmf`: the tool's own TM format.
    public var originalFormat: String
    /// `adminlang`: the language of notes and props meant for people.
    public var adminLanguage: String
    public var sourceLanguage: SourceLanguage
    /// `datatype`: `plaintext`, `html`, `xml`, …
    public var dataType: String
    public var creationDate: Date?
    public var creationID: String?
    public var changeDate: Date?
    public var changeID: String?
    /// `o-encoding`, if given.
    public var originalEncoding: String?
    public var properties: [Property]
    public var notes: [Note]

    public init(
        version: String = "1.4", creationTool: String = "pamyat", creationToolVersion: String,
        segmentType: String = "sentence", originalFormat: String = "pamyat", adminLanguage: String = "en",
        sourceLanguage: SourceLanguage, dataType: String = "plaintext", creationDate: Date? = Date(),
        creationID: String? = nil, changeDate: Date? = nil, changeID: String? = nil,
        originalEncoding: String? = nil, properties: [Property] = [], notes: [Note] = []
    ) {
        self.version = version
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.segmentType = segmentType
        self.originalFormat = originalFormat
        self.adminLanguage = adminLanguage
        self.sourceLanguage = sourceLanguage
        self.dataType = dataType
        self.creationDate = creationDate
        self.creationID = creationID
        self.changeDate = changeDate
        self.changeID = changeID
        self.originalEncoding = originalEncoding
        self.properties = properties
        self.notes = notes
    }
}

/// The TMX vocabulary pamyat reads and writes: attribute lists from the TMX 1.4b DTD and the
/// `prop` types that carry a unit's provenance.
enum TMXVocabulary {
    /// `tu` attributes the DTD allows.
    static let unitAttributes: Set<String> = [
        "tuid", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion",
        "creationdate", "creationid", "changedate", "segtype", "changeid", "o-tmf", "srclang",
    ]
    /// `tu` attributes that map to fields of `TranslationUnit`; the others are kept in `attributes`.
    static let mappedUnitAttributes: Set<String> = ["tuid", "creationdate", "creationid", "changedate", "changeid", "srclang"]
    /// `tuv` attributes the DTD allows besides `xml:lang` and `lang`.
    static let variantAttributes: Set<String> = [
        "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool", "creationtoolversion",
        "creationdate", "creationid", "changedate", "o-tmf", "changeid",
    ]
    static let segmentTypes: Set<String> = ["block", "paragraph", "sentence", "phrase"]
    /// TMX versions the reader accepts.
    static let versions: Set<String> = ["1.1", "1.2", "1.3", "1.4", "1.4a", "1.4b"]

    /// Inline elements allowed directly in `seg`, `hi` and `sub`.
    static let inlineElements: Set<String> = ["bpt", "ept", "ph", "it", "hi", "ut"]
    /// Inline elements whose content is native code (may hold text and `sub` only).
    static let codeElements: Set<String> = ["bpt", "ept", "ph", "it", "ut"]
    /// Required attributes of inline elements (DTD).
    static let requiredInlineAttributes: [String: String] = ["bpt": "i", "ept": "i", "it": "pos"]
    /// Attributes each inline element may have (DTD).
    static let inlineAttributes: [String: Set<String>] = [
        "bpt": ["i", "x", "type"], "ept": ["i"], "sub": ["datatype", "type"], "it": ["pos", "x", "type"],
        "ph": ["x", "assoc", "type"], "hi": ["x", "type"], "ut": ["x"],
    ]
}

/// The `prop` types pamyat writes for a unit's provenance, and reads back into ``Provenance`` and
/// ``Origin``.
public enum ProvenanceProperty {
    public static let document = "x-document"
    public static let documentTitle = "x-document-title"
    public static let documentDate = "x-document-date"
    public static let position = "x-position"
    public static let alignmentConfidence = "x-alignment-confidence"
    public static let origin = "x-origin"
    public static let contextPrevious = "x-context-prev"
    public static let contextNext = "x-context-next"

    /// The properties that stand for `unit`'s provenance and origin, in the order written.
    static func properties(of unit: TranslationUnit) -> [(type: String, value: String)] {
        let p = unit.provenance
        var result: [(type: String, value: String)] = []
        if let value = p.documentID { result.append((document, value)) }
        if let value = p.documentTitle { result.append((documentTitle, value)) }
        if let value = p.documentDate { result.append((documentDate, value)) }
        if let value = p.position { result.append((position, value)) }
        if let value = p.confidence { result.append((alignmentConfidence, "\(value)")) }
        result.append((origin, unit.origin.rawValue))
        if let value = p.contextPrevious { result.append((contextPrevious, value)) }
        if let value = p.contextNext { result.append((contextNext, value)) }
        return result
    }

    /// Applies `property` to `unit` when it is a provenance property not yet set and its value
    /// parses; returns `false` when it is to be kept as an ordinary property.
    static func apply(_ property: Property, to unit: inout TranslationUnit, originSet: inout Bool) -> Bool {
        guard property.language == nil, property.encoding == nil else { return false }
        let value = property.value
        switch property.type {
        case document where unit.provenance.documentID == nil: unit.provenance.documentID = value
        case documentTitle where unit.provenance.documentTitle == nil: unit.provenance.documentTitle = value
        case documentDate where unit.provenance.documentDate == nil: unit.provenance.documentDate = value
        case position where unit.provenance.position == nil: unit.provenance.position = value
        case alignmentConfidence where unit.provenance.confidence == nil:
            guard let number = Double(value), number.isFinite else { return false }
            unit.provenance.confidence = number
        case origin where !originSet:
            guard let parsed = Origin(rawValue: value) else { return false }
            unit.origin = parsed
            originSet = true
        case contextPrevious where unit.provenance.contextPrevious == nil: unit.provenance.contextPrevious = value
        case contextNext where unit.provenance.contextNext == nil: unit.provenance.contextNext = value
        default: return false
        }
        return true
    }
}
