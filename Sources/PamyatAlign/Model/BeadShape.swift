/// A kind of bead the dynamic programme may use: `source`-`target` sentences (or paragraphs) and
/// the penalty for using it (−log of its prior relative to 1-1).
struct BeadShape: Hashable, Sendable {
    var source: Int
    var target: Int
    var penalty: Double
    /// A 2-2 bead whose sentences cross: the first source sentence translates the second target
    /// sentence and the second the first (a translator swapped two sentences).
    var crossed = false

    var isOmission: Bool { source == 0 || target == 0 }
}

/// Priors of the bead kinds, as penalties (−log prior relative to 1-1).
public struct BeadPriors: Hashable, Sendable {
    /// 1-0 and 0-1, per sentence left without a partner.
    public var omission: Double
    /// 2-1 and 1-2.
    public var merge: Double
    /// 2-2 (straight). Higher than Gale and Church's 4.4: a straight 2-2 bead can swallow an
    /// added sentence next to an omitted one, which costs about as much.
    public var twoTwo: Double
    /// A crossed 2-2 bead (two swapped sentences).
    public var crossed: Double = 5.5
    /// 3-1 and 1-3.
    public var threeOne: Double
    /// Each further sentence of a run of omissions (k-0, 0-k beads): omissions come in runs (a
    /// paragraph left out), so a run costs less than as many separate omissions.
    public var omissionRun: Double
    /// The longest run of omissions taken as one bead.
    public var longestRun: Int

    public init(omission: Double, merge: Double, twoTwo: Double, threeOne: Double, omissionRun: Double, longestRun: Int) {
        self.omission = omission
        self.merge = merge
        self.twoTwo = twoTwo
        self.threeOne = threeOne
        self.omissionRun = omissionRun
        self.longestRun = longestRun
    }

    /// Sentence level: Gale and Church's priors (1-1 .89, 1-0 .0099, 2-1 .089, 2-2 .011) as
    /// penalties, the omission penalty lowered (tuned) because omissions come in runs.
    public static let sentences = BeadPriors(omission: 3.2, merge: 2.3, twoTwo: 6.0, threeOne: 4.6, omissionRun: 1.2, longestRun: 8)
    /// Paragraph level: translators omit whole paragraphs and re-paragraph, so both are cheaper.
    public static let paragraphs = BeadPriors(omission: 3.0, merge: 2.0, twoTwo: 4.0, threeOne: 3.5, omissionRun: 1.5, longestRun: 3)

    func shapes(twoTwo: Bool, threeOne: Bool) -> [BeadShape] {
        var shapes = [
            BeadShape(source: 1, target: 1, penalty: 0),
            BeadShape(source: 1, target: 0, penalty: omission),
            BeadShape(source: 0, target: 1, penalty: omission),
            BeadShape(source: 2, target: 1, penalty: merge),
            BeadShape(source: 1, target: 2, penalty: merge),
        ]
        if twoTwo {
            shapes.append(BeadShape(source: 2, target: 2, penalty: self.twoTwo))
            shapes.append(BeadShape(source: 2, target: 2, penalty: crossed, crossed: true))
        }
        if threeOne {
            shapes.append(BeadShape(source: 3, target: 1, penalty: self.threeOne))
            shapes.append(BeadShape(source: 1, target: 3, penalty: self.threeOne))
        }
        if longestRun >= 2 {
            for k in 2...longestRun {
                let penalty = omission + Double(k - 1) * omissionRun
                shapes.append(BeadShape(source: k, target: 0, penalty: penalty))
                shapes.append(BeadShape(source: 0, target: k, penalty: penalty))
            }
        }
        return shapes
    }
}
