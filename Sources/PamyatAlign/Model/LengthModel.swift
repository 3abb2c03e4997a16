import Foundation
import PamyatCore

/// Gale and Church's length model: the length of a translation in characters is the original's
/// length times `ratio`, with a variance that grows with the length (`variance` per character).
///
/// A bead's length evidence is the log-likelihood ratio of its normalised length difference
/// `δ = (l₂ − c·l₁) / √(s²·l̄)` under the model (a standard normal) against what unrelated
/// sentences give (a normal `randomSpread` times wider).
public struct LengthModel: Hashable, Sendable {
    /// Expected target characters per source character (`c`).
    public var ratio: Double
    /// Variance of the length difference per character (`s²`).
    public var variance: Double
    /// How much wider δ spreads for unrelated sentences than for translations.
    public var randomSpread: Double = 4

    public init(ratio: Double, variance: Double) {
        self.ratio = ratio
        self.variance = variance
    }

    /// The calibrated model for a language pair, in the direction original → translation.
    ///
    /// ru→en: c = 1.04 as measured on 134 hand-aligned 1-1 beads (`pamyat-bench align calibrate`);
    /// s² = 4.0 rather than the measured 1.5, because those pairs are more literal than press-office
    /// translations and an underestimated variance makes the length model overconfident.
    /// ru→be: c = 0.98 measured on the sample (29 beads), s² = 2.0 (measured 0.16, floored likewise).
    /// ru→uk c = 0.98 and ru→kk c = 1.05 are priors, not measured. Other pairs fall back to Gale
    /// and Church's c = 1, s² = 6.8; reverse directions use 1/c. The aligner re-estimates c from
    /// its own confident beads when a document disagrees with these (see ``Aligner``).
    public static func calibrated(for languages: LanguagePair) -> LengthModel {
        let table: [String: (Double, Double)] = [
            "ru-en": (1.04, 4.0), "ru-be": (0.98, 2.0), "ru-uk": (0.98, 3.0), "ru-kk": (1.05, 5.0),
        ]
        let forward = "\(languages.source.language)-\(languages.target.language)"
        let backward = "\(languages.target.language)-\(languages.source.language)"
        if let (ratio, variance) = table[forward] { return LengthModel(ratio: ratio, variance: variance) }
        if let (ratio, variance) = table[backward] { return LengthModel(ratio: 1 / ratio, variance: variance / ratio) }
        return LengthModel(ratio: 1, variance: 6.8)
    }

    /// The normalised length difference δ of a bead with `source` and `target` characters.
    @inline(__always)
    func delta(source: Double, target: Double) -> Double {
        let mean = (source + target / ratio) / 2
        guard mean > 0 else { return 0 }
        return (target - ratio * source) / (variance * mean).squareRoot()
    }

    /// The length evidence of a bead: positive when the lengths fit, negative when they do not.
    func evidence(source: Double, target: Double) -> Double {
        Evidence(self)(source: source, target: target)
    }

    /// The highest length evidence any bead can have (δ = 0).
    var bestEvidence: Double { log(randomSpread) }

    /// ``evidence(source:target:)`` with the model's constants (a logarithm among them) worked out
    /// once, for scoring the millions of beads of a long document.
    struct Evidence {
        let model: LengthModel
        /// ``LengthModel/bestEvidence``.
        let best: Double
        private let shrink: Double

        init(_ model: LengthModel) {
            self.model = model
            best = model.bestEvidence
            shrink = 0.5 - 0.5 / (model.randomSpread * model.randomSpread)
        }

        @inline(__always)
        func callAsFunction(source: Double, target: Double) -> Double {
            let d = model.delta(source: source, target: target)
            return max(-14, best - shrink * d * d)
        }
    }

    /// How far the documents' total lengths are from what translations would have: 1 is exactly
    /// the expected ratio, 2 is twice as long as expected, 0.5 half.
    public func plausibility(sourceCharacters: Int, targetCharacters: Int) -> Double {
        guard sourceCharacters > 0 else { return targetCharacters > 0 ? .infinity : 1 }
        return Double(targetCharacters) / (ratio * Double(sourceCharacters))
    }
}
