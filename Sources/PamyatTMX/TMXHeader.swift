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
