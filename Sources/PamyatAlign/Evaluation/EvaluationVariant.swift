/// How the evaluation changes a hand-aligned document pair before aligning it, to stand for the
/// ways real translations and real files differ from the ideal.
public struct EvaluationVariant: Hashable, Sendable, CustomStringConvertible {
    /// Both sides as running text (one paragraph each) instead of a paragraph per line.
    public var runningText: Bool
    /// The share of the translation's paragraphs left out (at least one when above 0).
    public var omittedParagraphs: Double
    /// How many pairs of adjacent translation sentences are merged into one sentence.
    public var mergedSentences: Int
    /// How many pairs of adjacent translation sentences swap places.
    public var reorderedPairs: Int

    public init(runningText: Bool = false, omittedParagraphs: Double = 0, mergedSentences: Int = 0, reorderedPairs: Int = 0) {
        self.runningText = runningText
        self.omittedParagraphs = omittedParagraphs
        self.mergedSentences = mergedSentences
        self.reorderedPairs = reorderedPairs
    }

    /// The four variants of the quality target.
    public static let targets: [EvaluationVariant] = [
        EvaluationVariant(),
        EvaluationVariant(runningText: true),
        EvaluationVariant(omittedParagraphs: 0.1),
        EvaluationVariant(runningText: true, omittedParagraphs: 0.1),
    ]

    public var description: String {
        var parts = [runningText ? "running text" : "paragraph per line"]
        if omittedParagraphs > 0 { parts.append("\(Int(omittedParagraphs * 100))% paragraphs omitted") }
        if mergedSentences > 0 { parts.append("\(mergedSentences) merged") }
        if reorderedPairs > 0 { parts.append("\(reorderedPairs) reordered") }
        return parts.joined(separator: ", ")
    }
}

/// A small deterministic random generator (SplitMix64), so that evaluation runs repeat exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
