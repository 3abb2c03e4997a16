/// A document pair with its true alignment, as written by hand in the `*.aligned.tsv` format: one
/// bead per line (`source<TAB>target`, sentences of one side separated by ` || `), a blank line
/// between paragraphs, `#` comment lines.
public struct AlignedDocument: Hashable, Sendable {
    public var name: String
    /// Sentences, paragraph by paragraph.
    public var sourceParagraphs: [[String]]
    public var targetParagraphs: [[String]]
    /// The true beads (sentence indices over all paragraphs).
    public var beads: [Bead]

    public init(name: String, sourceParagraphs: [[String]], targetParagraphs: [[String]], beads: [Bead]) {
        self.name = name
        self.sourceParagraphs = sourceParagraphs
        self.targetParagraphs = targetParagraphs
        self.beads = beads
    }

    /// Parses the `*.aligned.tsv` format.
    public init(alignedTSV text: String, name: String) throws(AlignError) {
        self.name = name
        sourceParagraphs = []
        targetParagraphs = []
        beads = []
        var sourceParagraph: [String] = []
        var targetParagraph: [String] = []
        var sourceCount = 0, targetCount = 0
        func closeParagraph() {
            if !sourceParagraph.isEmpty { sourceParagraphs.append(sourceParagraph) }
            if !targetParagraph.isEmpty { targetParagraphs.append(targetParagraph) }
            sourceParagraph = []
            targetParagraph = []
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { continue }
            if line.allSatisfy(\.isWhitespace) {
                closeParagraph()
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 2 else {
                throw AlignError(.lexicon, "an aligned line needs exactly two cells separated by a tab.", location: "\(name):\(number + 1)")
            }
            func sentences(_ cell: Substring) -> [String] {
                cell.components(separatedBy: " || ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let s = sentences(cells[0]), t = sentences(cells[1])
            beads.append(Bead(source: sourceCount..<(sourceCount + s.count), target: targetCount..<(targetCount + t.count), confidence: 1))
            sourceParagraph += s
            targetParagraph += t
            sourceCount += s.count
            targetCount += t.count
        }
        closeParagraph()
    }

    /// All source sentences.
    public var sourceSentences: [String] { sourceParagraphs.flatMap { $0 } }
    /// All target sentences.
    public var targetSentences: [String] { targetParagraphs.flatMap { $0 } }
}
