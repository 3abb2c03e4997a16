/// Precision and recall of sentence pairs (links): every source–target sentence pair inside a bead
/// with both sides is a link; a predicted link is right when the true alignment has it.
public struct AlignmentScore: Hashable, Sendable, CustomStringConvertible {
    public var correct: Int
    public var predicted: Int
    public var expected: Int

    public init(correct: Int = 0, predicted: Int = 0, expected: Int = 0) {
        self.correct = correct
        self.predicted = predicted
        self.expected = expected
    }

    /// Scores `predicted` beads against `expected` ones.
    public init(predicted: [Bead], expected: [Bead]) {
        let truth = Set(Self.links(expected))
        let guess = Self.links(predicted)
        correct = guess.filter { truth.contains($0) }.count
        self.predicted = guess.count
        self.expected = truth.count
    }

    /// The links of beads: (source sentence, target sentence) for every pair inside a bead.
    public static func links(_ beads: [Bead]) -> [Link] {
        beads.flatMap { bead in bead.source.flatMap { s in bead.target.map { Link(source: s, target: $0) } } }
    }

    public struct Link: Hashable, Sendable {
        public var source: Int
        public var target: Int
    }

    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    public var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }

    public static func + (lhs: AlignmentScore, rhs: AlignmentScore) -> AlignmentScore {
        AlignmentScore(correct: lhs.correct + rhs.correct, predicted: lhs.predicted + rhs.predicted, expected: lhs.expected + rhs.expected)
    }

    public var description: String {
        "P \(Self.format(precision)) R \(Self.format(recall)) (\(correct) of \(predicted) predicted, \(expected) expected)"
    }

    static func format(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
    }
}
