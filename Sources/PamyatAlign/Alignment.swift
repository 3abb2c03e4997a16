import PamyatCore

/// The result of aligning a document pair: both sides' sentences and the beads that pair them.
public struct Alignment: Hashable, Sendable {
    /// How the alignment was reached.
    public enum Mode: String, Sendable, Codable {
        /// Paragraphs first, then sentences inside aligned paragraph groups.
        case paragraphs
        /// Sentences over the whole document (one side has no usable paragraph structure).
        case sentences
    }

    public var languages: LanguagePair
    public var sourceSentences: [String]
    public var targetSentences: [String]
    /// The paragraph index of each source sentence.
    public var sourceParagraphs: [Int]
    /// The paragraph index of each target sentence.
    public var targetParagraphs: [Int]
    /// Sentence beads in document order, omissions (1-0, 0-1) included.
    public var beads: [Bead]
    /// Paragraph beads (indices are paragraph numbers); empty in ``Mode/sentences`` mode.
    public var paragraphBeads: [Bead]
    public var mode: Mode

    /// The beads with sentences on both sides: what `align` prints and `add` may store.
    public var pairs: [Bead] { beads.filter { !$0.isOmission } }

    /// The source text of a bead: its sentences joined by a space.
    public func sourceText(of bead: Bead) -> String { bead.source.map { sourceSentences[$0] }.joined(separator: " ") }

    /// The target text of a bead: its sentences joined by a space.
    public func targetText(of bead: Bead) -> String { bead.target.map { targetSentences[$0] }.joined(separator: " ") }
}
