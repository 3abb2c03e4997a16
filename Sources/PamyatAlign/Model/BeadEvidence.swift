/// What a bead's confidence is computed from: the aligner's posterior probability of the bead and
/// the evidence of its own two sides.
public struct BeadEvidence: Hashable, Sendable, Codable {
    /// The posterior probability of the bead under the alignment model (forward–backward over the
    /// dynamic programme), times the confidence of its paragraph bead in paragraph mode.
    public var posterior: Double
    /// The length evidence, in nats: at most 1.39 (lengths fit exactly), negative when they do not.
    public var length: Double
    /// The weight of the anchors found on both sides (numbers, names, lexicon words, technical tokens…).
    public var matched: Double
    /// The penalty of the anchors found on one side only.
    public var missing: Double
    /// Whether the bead stands next to a sentence left without a partner (where shifts happen).
    public var besideOmission: Bool
    /// Whether the bead joins several sentences on a side (2-1, 1-2, 2-2, 3-1, 1-3).
    public var isMerge: Bool
    /// Characters on both sides.
    public var characters: Int

    public init(posterior: Double, length: Double, matched: Double, missing: Double, besideOmission: Bool, isMerge: Bool, characters: Int) {
        self.posterior = posterior
        self.length = length
        self.matched = matched
        self.missing = missing
        self.besideOmission = besideOmission
        self.isMerge = isMerge
        self.characters = characters
    }
}
