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

    public init(
        intercept: Double, posteriorLogOdds: Double, matched: Double, missing: Double, length: Double, besideOmission: Double,
        merge: Double, logCharacters: Double
    ) {
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
        merge: 0.3132, logCharacters: 0.1008)

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
        return 1 / (1 + exp(-z))
    }
}
