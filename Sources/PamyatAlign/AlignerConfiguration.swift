import PamyatCore

/// Everything that tunes the aligner; the defaults are what docs/ALIGNMENT.md describes.
public struct AlignerConfiguration: Hashable, Sendable {
    /// The length model (calibrated per language pair by default).
    public var lengthModel: LengthModel
    /// Sentence-level bead priors.
    public var sentencePriors: BeadPriors = .sentences
    /// Paragraph-level bead priors.
    public var paragraphPriors: BeadPriors = .paragraphs
    /// Anchor weights.
    public var anchorWeights = AnchorWeights()
    /// How much the lexical evidence counts against the length evidence.
    public var lexicalScale: Double = 1.0
    /// What a sentence bead pays for each paragraph boundary it disagrees with (a paragraph that
    /// starts inside it, or at its start on one side only).
    public var paragraphBoundaryPenalty: Double = 0.8
    /// What a sentence bead pays for each paragraph that starts inside it on one side only (a
    /// heading or label glued to the next paragraph's sentence while the other side keeps them apart).
    public var oneSidedBoundaryPenalty: Double = 3.0
    /// The anchor weight each unit of a merge bead (2-1, 1-2, …) must share with the other side;
    /// the weakest unit's shortfall is added to the bead's cost, so that a sentence without
    /// evidence of its own becomes a 1-0 rather than part of a neighbour's pair.
    public var mergeSupport: Double = 2.0
    /// What a merge pays when it joins paragraphs on one side only and a unit of that side lacks
    /// `mergeSupport`: a paragraph (heading, label, list item) is merged with a neighbour only
    /// when the other side's sentence shows it covers both. The cost is prohibitive (a 1-0 and a
    /// 1-1 always win); 0 turns the rule off.
    public var unsupportedParagraphMerge: Double = 20
    /// Costs are read as `−temperature × log probability` when bead confidences are computed; above
    /// 1 the posteriors are less sure of themselves than the model.
    public var confidenceTemperature: Double = 1
    /// How a bead's evidence becomes its confidence.
    public var calibration: ConfidenceCalibration = .fitted
    /// Whether to use the built-in lexicon (when one is shipped for the pair).
    public var usesBuiltInLexicon = true
    /// Below this confidence a bead is "low confidence" (marked by `align`, not stored by `add`).
    public var lowConfidence: Double = Self.defaultLowConfidence
    /// The default threshold (`--min-confidence`): a calibrated score is the probability that the
    /// pair is right, and 0.9 is where the pairs kept are at least 0.99 precise on running text
    /// with omissions (docs/ALIGNMENT.md, "Confidence: how to pick a threshold"); 0.5 kept pairs
    /// that are right only half the time.
    public static let defaultLowConfidence = 0.9
    /// Inputs with at most this many cells (`n × m`) are aligned with a full matrix; larger ones with
    /// a band around the diagonal that widens until the best path stays clear of its edges.
    public var fullMatrixCells = 250_000
    /// The band's initial half-width in sentences (or paragraphs).
    public var initialBand = 24
    /// The most cells one run of the banded programme may have (about 5 bytes each, 100 MB at
    /// the default): the band stops widening there, and a band that would be wider from the start
    /// is narrowed to it (just wide enough for the diagonal's slope), so one enormous paragraph
    /// costs bounded memory; its alignment is then the best path within that band.
    public var maximumBandCells = 20_000_000

    /// The defaults for a language pair.
    public init(languages: LanguagePair) {
        lengthModel = LengthModel.calibrated(for: languages)
    }
}
