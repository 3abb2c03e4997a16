/// One step of the explanation of a score: how a token of the stored source becomes the query's.
///
/// Each side's text carries the white space before the token (one space, as in the canonical form),
/// so joining the `source` sides of all operations gives the stored source and joining the `query`
/// sides gives the query.
public struct TokenOperation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The token is the same on both sides.
        case kept
        /// The source's token is replaced by the query's (a different word, or the same word in
        /// another case, another number, other punctuation, other spacing).
        case replaced
        /// The query has a token the source lacks.
        case inserted
        /// The source has a token the query lacks.
        case deleted
    }

    /// JSON `op`.
    public var kind: Kind
    /// The stored source's token (with the space before it), absent for ``Kind/inserted``.
    public var source: String?
    /// The query's token (with the space before it), absent for ``Kind/deleted``.
    public var query: String?
    /// What the operation costs in tenths of a word (see ``MatchWeights``).
    public var cost: Int

    public init(kind: Kind, source: String?, query: String?, cost: Int) {
        self.kind = kind
        self.source = source
        self.query = query
        self.cost = cost
    }

    enum CodingKeys: String, CodingKey {
        case kind = "op"
        case source, query, cost
    }
}
