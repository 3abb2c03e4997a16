import Foundation

/// Turns a bead's evidence into a calibrated confidence: the probability that the bead is right
/// (both its sides inside one pair of corresponding paragraphs), by logistic regression on the
/// posterior's log-odds and the bead's own evidence.
///
/// The posterior alone is too sure of itself where the model has nothing to go on — short beads
/// without a shared anchor next to a left-out sentence, merges — so those features move it. The
/// coefficients were fitted by `tools/align-eval/calibrate.py` on the paragraph-aligned
/// documentation sets and the press-release corpus (docs/ALIGNMENT.md, "Confidence").
public struct ConfidenceCalibration: Hashable, Sendable {
    public var intercept: Double
    public var posteriorLogOdds: Double
    public var matched: Double
    public var missing: Double
    public var length: Double
    public var besideOmission: Double
    public var merge: Double
    public var logCharacters: Double
    /// A bead beside a sentence left without a partner whose own matched anchor weight is below
    /// this is *unexplained*: nothing but the alignment model says on which side of it the
    /// omission falls (a sibling label, a menu item, a short step of similar length), so its
    /// confidence is at most the model's posterior — the regression's other features (length,
    /// size) describe the bead, not where the omission belongs. 0 turns the cap off.
    public var unexplainedSupport: Double

    public init(
        intercept: Double, posteriorLogOdds: Double, matched: Double, missing: Double, length: Double, besideOmission: Double,
        merge: Double, logCharacters: Double, unexplainedSupport: Double = 0
    ) {
        self.unexplainedSupport = unexplainedSupport
        self.intercept = intercept
        self.posteriorLogOdds = posteriorLogOdds
        self.matched = matched
        self.missing = missing
        self.length = length
        self.besideOmission = besideOmission
        self.merge = merge
        self.logCharacters = logCharacters
    }

    /// The posterior as it is (no calibration).
    public static let identity = ConfidenceCalibration(
        intercept: 0, posteriorLogOdds: 1, matched: 0, missing: 0, length: 0, besideOmission: 0, merge: 0, logCharacters: 0)

    /// The fitted calibration (see the type's summary): `calibrate.py` on 16,130 pairs of the two
    /// documentation sets (a paragraph per line, blank lines, running text; with and without 10% of
    /// the translation left out; 3 seeds), labelled right when both sides lie inside one pair of
    /// corresponding paragraphs.
    public static let fitted = ConfidenceCalibration(
        intercept: 1.9303, posteriorLogOdds: 0.6470, matched: 0.0379, missing: -1.4767, length: 0.1048, besideOmission: 0.5023,
        merge: 0.3132, logCharacters: 0.1008, unexplainedSupport: Self.defaultUnexplainedSupport)

    /// Less than one real anchor (a number weighs 3.0, a name or a technical token 2.5, a
    /// software term of the lexicon 1.0–2.0; a cognate 0.7 and the common words and punctuation
    /// below 1 do not count): see ``unexplainedSupport``. On the dev split's running text with
    /// omissions 1.0 kept 7 of 41 wrong pairs out of the memory for 0.4 points of stored recall;
    /// 2.0 kept 9 out for 0.9 points.
    public static let defaultUnexplainedSupport = 1.0

    /// The features of `evidence`, in the order of the coefficients after the intercept.
    public static func features(_ evidence: BeadEvidence) -> [Double] {
        let p = min(max(evidence.posterior, 1e-4), 1 - 1e-4)
        return [
            log(p / (1 - p)), min(evidence.matched, 8), min(evidence.missing, 6), max(evidence.length, -6),
            evidence.besideOmission ? 1 : 0, evidence.isMerge ? 1 : 0, log(Double(max(evidence.characters, 1))),
        ]
    }

    /// The probability that a bead with `evidence` is right.
    public func confidence(_ evidence: BeadEvidence) -> Double {
        let f = Self.features(evidence)
        let weights = [posteriorLogOdds, matched, missing, length, besideOmission, merge, logCharacters]
        var z = intercept
        for (w, x) in zip(weights, f) { z += w * x }
        let calibrated = 1 / (1 + exp(-z))
        return isUnexplained(evidence) ? min(calibrated, evidence.posterior) : calibrated
    }

    /// Whether the bead stands beside an omission without lexical evidence of its own
    /// (``unexplainedSupport``).
    public func isUnexplained(_ evidence: BeadEvidence) -> Bool {
        evidence.besideOmission && evidence.matched < unexplainedSupport
    }
}
