import Foundation
import PamyatCore

/// The bands an analysis sorts sentences into, as CAT tools report them: context matches (101),
/// repetitions, then score ranges from the thresholds (`100,95,85,75,50` gives 100 %, 95–99,
/// 85–94, 75–84, 50–74) and no match below the lowest.
public struct MatchBands: Hashable, Sendable {
    /// One band of an analysis.
    public enum Band: Hashable, Sendable {
        /// An exact match stored after the same previous sentence (score 101).
        case context
        /// A sentence seen earlier in the same batch of documents.
        case repetition
        /// The best match scores `lowest...highest`.
        case scores(lowest: Int, highest: Int)
        /// No match reaches the lowest threshold.
        case noMatch

        /// The band's name in reports: `101`, `repetitions`, `100`, `95-99`, `no-match`.
        public var name: String {
            switch self {
            case .context: "101"
            case .repetition: "repetitions"
            case .scores(let lowest, let highest): lowest == highest ? "\(lowest)" : "\(lowest)-\(highest)"
            case .noMatch: "no-match"
            }
        }
    }

    /// The least score of each score band, highest first.
    public let thresholds: [Int]

    /// The usual bands: 100, 95–99, 85–94, 75–84, 50–74.
    public static let standard = MatchBands(checked: [100, 95, 85, 75, 50])

    private init(checked thresholds: [Int]) { self.thresholds = thresholds }

    /// Bands from a list such as `100,95,85,75,50`: whole numbers from 1 to 100, strictly falling,
    /// the first 100 (the exact matches' band).
    public init(parsing text: String) throws(AnalysisError) {
        var values: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Int(trimmed), (1...100).contains(value) else {
                throw AnalysisError(.badBands, "the bands '\(TextExcerpt.short(text, limit: 40))' are not whole numbers from 1 to 100 separated by commas (e.g. 100,95,85,75,50).")
            }
            values.append(value)
        }
        guard values.first == 100 else {
            throw AnalysisError(.badBands, "the bands '\(TextExcerpt.short(text, limit: 40))' must start with 100, the exact matches' band (e.g. 100,95,85,75,50).")
        }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw AnalysisError(.badBands, "the bands '\(TextExcerpt.short(text, limit: 40))' must fall from one to the next (e.g. 100,95,85,75,50).")
        }
        thresholds = values
    }

    /// Every band, in report order: 101, repetitions, the score bands from the highest, no match.
    public var all: [Band] {
        var bands: [Band] = [.context, .repetition]
        for (index, lowest) in thresholds.enumerated() {
            bands.append(.scores(lowest: lowest, highest: index == 0 ? 100 : thresholds[index - 1] - 1))
        }
        bands.append(.noMatch)
        return bands
    }

    /// The least score a match needs to land in a score band.
    public var minimum: Int { thresholds.last ?? 100 }

    /// The minimums to look a sentence up at, in turn, until one finds a match: the second-lowest
    /// band's first, then the lowest. A lookup at a low minimum reads far more of the index than
    /// one at a higher minimum (docs/PERFORMANCE.md, "Analysis of a new release"), and a best match
    /// at or above the higher minimum is the same match either way, so only the sentences with
    /// nothing there pay for the low one.
    var lookupMinimums: [Int] {
        thresholds.count >= 2 ? [thresholds[thresholds.count - 2], minimum] : [minimum]
    }

    /// The band of a best match scoring `score` (nil: no match at all).
    public func band(score: Int?) -> Band {
        guard let score else { return .noMatch }
        if score > 100 { return .context }
        for (index, lowest) in thresholds.enumerated() where score >= lowest {
            return .scores(lowest: lowest, highest: index == 0 ? 100 : thresholds[index - 1] - 1)
        }
        return .noMatch
    }
}
