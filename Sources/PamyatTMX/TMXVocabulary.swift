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
