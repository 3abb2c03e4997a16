import PamyatCore

/// What `pamyat add` was asked to add: one original and its translations.
public struct AddRequest: Sendable {
    /// The original document's path.
    public var original: String
    /// The translations' paths (one or more).
    public var translations: [String]
    /// The original's language (`--from`); from the file name or script when nil.
    public var sourceLanguage: LanguageTag?
    /// The translations' language (`--to`, for a single translation); from the file names or
    /// script when nil.
    public var targetLanguage: LanguageTag?
    /// `--doc-id`; derived from the original's file name when nil (`press-release.ru.txt` →
    /// `press-release`).
    public var documentID: String?
    public var title: String?
    /// ISO 8601 date (`YYYY-MM-DD`).
    public var date: String?
    /// Beads below this confidence are reported, not stored.
    public var minimumConfidence: Double
    /// Align even when the lengths look implausible.
    public var force: Bool

    public init(
        original: String, translations: [String], sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
        documentID: String? = nil, title: String? = nil, date: String? = nil, minimumConfidence: Double = DocumentAdder.defaultMinimumConfidence,
        force: Bool = false
    ) {
        self.original = original
        self.translations = translations
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.documentID = documentID
        self.title = title
        self.date = date
        self.minimumConfidence = minimumConfidence
        self.force = force
    }
}

/// What adding one document did.
public struct AddReport: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// A new document: its units were stored.
        case added
        /// The same document pair (same content hash) was added before: nothing was stored.
        case alreadyPresent = "already-present"
        /// A new version of a document with the same id: its old units were removed, the new ones stored.
        case replaced
    }

    public var documentID: String
    public var status: Status
    /// Languages: the original's first.
    public var languages: [String]
    /// Units created.
    public var unitsAdded = 0
    /// Units whose content was already in the memory (or, for an already present document, all of them).
    public var unitsAlreadyPresent = 0
    /// Units of the previous version removed (for `replaced`).
    public var unitsRemoved = 0
    /// Beads with sentences on both sides but below the confidence threshold: reported, not stored.
    public var lowConfidenceBeads = 0
    /// Sentences without a partner (1-0, 0-1 beads): never stored.
    public var unmatchedSentences = 0
    /// The low-confidence beads, as `score<TAB>source<TAB>target` lines.
    public var lowConfidence: [String] = []
}
