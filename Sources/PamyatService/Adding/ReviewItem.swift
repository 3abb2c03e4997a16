import PamyatAlign
import PamyatCore

/// Something `pamyat add` did not store and a person may want to: a low-confidence pair, or a
/// sentence without a partner. A row of the review file (``ReviewFile``).
public struct ReviewItem: Hashable, Sendable, Codable {
    /// Why the item was not stored.
    public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
        /// A pair whose confidence was below `--min-confidence`.
        case lowConfidence = "low-confidence"
        /// An original sentence the translation has no partner for.
        case noTranslation = "no-translation"
        /// A translation sentence without a partner in the original.
        case noOriginal = "no-original"
    }

    /// `keep` or `drop`: what to do with the item when the file is added back (`--reviewed`).
    public var keep: Bool
    public var documentID: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// 1-based sentence positions in the original (`12`, `12-13`), empty when there are none.
    public var sourcePositions: String
    /// 1-based sentence positions in the translation.
    public var targetPositions: String
    /// The aligner's confidence (0 for a sentence without a partner).
    public var score: Double
    public var reason: Reason
    /// The original's text (empty when the translation sentence has no partner).
    public var source: String
    /// The translation's text (empty when the original sentence has no partner).
    public var target: String
    public var title: String?
    public var date: String?

    public init(
        keep: Bool, documentID: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, sourcePositions: String,
        targetPositions: String, score: Double, reason: Reason, source: String, target: String, title: String? = nil, date: String? = nil
    ) {
        self.keep = keep
        self.documentID = documentID
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.sourcePositions = sourcePositions
        self.targetPositions = targetPositions
        self.score = score
        self.reason = reason
        self.source = source
        self.target = target
        self.title = title
        self.date = date
    }

    /// The review items of one alignment: its low-confidence pairs and its unpaired sentences,
    /// all marked `drop`.
    static func items(
        of alignment: Alignment, minimumConfidence: Double, documentID: String, title: String?, date: String?
    ) -> [ReviewItem] {
        alignment.beads.compactMap { bead in
            let reason: Reason
            if bead.source.isEmpty { reason = .noOriginal }
            else if bead.target.isEmpty { reason = .noTranslation }
            else if bead.confidence < minimumConfidence { reason = .lowConfidence }
            else { return nil }
            return ReviewItem(
                keep: false, documentID: documentID, sourceLanguage: alignment.languages.source,
                targetLanguage: alignment.languages.target, sourcePositions: positions(bead.source),
                targetPositions: positions(bead.target), score: bead.isOmission ? 0 : bead.confidence, reason: reason,
                source: alignment.sourceText(of: bead), target: alignment.targetText(of: bead), title: title, date: date)
        }
    }

    /// `12`, `12-13`, or empty.
    static func positions(_ range: Range<Int>) -> String {
        switch range.count {
        case 0: ""
        case 1: "\(range.lowerBound + 1)"
        default: "\(range.lowerBound + 1)-\(range.upperBound)"
        }
    }
}
