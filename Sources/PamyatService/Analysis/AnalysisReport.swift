/// Segments, words and characters counted in one band (or in all).
public struct AnalysisCount: Hashable, Sendable, Codable {
    public var segments = 0
    public var words = 0
    /// Characters other than white space.
    public var characters = 0

    public init(segments: Int = 0, words: Int = 0, characters: Int = 0) {
        self.segments = segments
        self.words = words
        self.characters = characters
    }

    static func += (left: inout AnalysisCount, right: AnalysisCount) {
        left.segments += right.segments
        left.words += right.words
        left.characters += right.characters
    }
}

/// The counts of one document (or of all), band by band.
public struct AnalysisTable: Hashable, Sendable {
    /// The document's path as given, or nil for the total.
    public var document: String?
    /// The counts of each band; a band with nothing in it is absent (``count(_:)`` gives zero).
    public var counts: [MatchBands.Band: AnalysisCount] = [:]

    public init(document: String?) { self.document = document }

    /// The counts of `band`.
    public func count(_ band: MatchBands.Band) -> AnalysisCount { counts[band] ?? AnalysisCount() }

    /// All bands together.
    public var total: AnalysisCount {
        var sum = AnalysisCount()
        for count in counts.values { sum += count }
        return sum
    }

    mutating func add(_ count: AnalysisCount, to band: MatchBands.Band) {
        counts[band, default: AnalysisCount()] += count
    }
}

/// What `pamyat analyze` reports: the bands, each document's counts and the total.
public struct AnalysisReport: Hashable, Sendable {
    public var bands: MatchBands
    public var documents: [AnalysisTable]

    /// All documents together.
    public var total: AnalysisTable {
        var sum = AnalysisTable(document: nil)
        for document in documents {
            for (band, count) in document.counts { sum.add(count, to: band) }
        }
        return sum
    }
}

/// The JSON of `pamyat analyze --json` and of the server's `ANALYZE`:
/// `{"bands":["101","repetitions","100",…,"no-match"],"documents":[{"document":…,"bands":{"101":
/// {"segments":…,"words":…,"characters":…},…},"total":{…}}],"total":{"bands":{…},"total":{…}}}`.
extension AnalysisReport: Encodable {
    private enum Keys: String, CodingKey { case bands, documents, total }

    private struct Table: Encodable {
        var document: String?
        var bands: [String: AnalysisCount]
        var total: AnalysisCount
    }

    private func encodable(_ table: AnalysisTable) -> Table {
        Table(
            document: table.document,
            bands: Dictionary(uniqueKeysWithValues: bands.all.map { ($0.name, table.count($0)) }), total: table.total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(bands.all.map(\.name), forKey: .bands)
        try container.encode(documents.map(encodable), forKey: .documents)
        try container.encode(encodable(total), forKey: .total)
    }
}
