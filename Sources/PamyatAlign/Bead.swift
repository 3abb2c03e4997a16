/// One unit of an alignment: consecutive source sentences (or paragraphs) and the consecutive
/// target ones that translate them. A bead with an empty side is an omission (1-0 or 0-1).
public struct Bead: Hashable, Sendable, Codable {
    /// Indices into the source sentences (or paragraphs).
    public var source: Range<Int>
    /// Indices into the target sentences (or paragraphs).
    public var target: Range<Int>
    /// How sure the aligner is of this bead, in [0, 1]: the calibrated probability that it is right.
    public var confidence: Double
    /// What the confidence was computed from (beads with sentences on both sides, as aligned).
    public var evidence: BeadEvidence?

    public init(source: Range<Int>, target: Range<Int>, confidence: Double, evidence: BeadEvidence? = nil) {
        self.source = source
        self.target = target
        self.confidence = confidence
        self.evidence = evidence
    }

    /// `1-1`, `2-1`, `1-0`, …
    public var kind: String { "\(source.count)-\(target.count)" }

    /// Whether one side is empty (a sentence left out of the translation, or added to it).
    public var isOmission: Bool { source.isEmpty || target.isEmpty }
}
