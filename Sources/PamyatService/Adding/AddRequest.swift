import PamyatCore
import PamyatText

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
    /// How the lines of plain-text files make paragraphs (`--wrapped`, `--no-wrap`).
    public var layout: TextLayout

    public init(
        original: String, translations: [String], sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
        documentID: String? = nil, title: String? = nil, date: String? = nil, minimumConfidence: Double = DocumentAdder.defaultMinimumConfidence,
        force: Bool = false, layout: TextLayout = .auto
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
        self.layout = layout
    }
}
