import PamyatCore

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
