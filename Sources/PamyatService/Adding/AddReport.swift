/// What adding one document did.
public struct AddReport: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        /// A new document: its units were stored.
        case added
        /// The same document pair (same content hash) was added before: nothing was stored.
        case alreadyPresent = "already-present"
        /// A new version of a document with the same id: its old units were removed, the new ones stored.
        case replaced
    }

    public var documentID: String
    public var status: Status
    /// Languages: the original's first.
    public var languages: [String]
    /// Units created.
    public var unitsAdded = 0
    /// Units whose content was already in the memory (or, for an already present document, all of them).
    public var unitsAlreadyPresent = 0
    /// Units of the previous version removed (for `replaced`).
    public var unitsRemoved = 0
    /// Beads with sentences on both sides but below the confidence threshold: reported, not stored.
    public var lowConfidenceBeads = 0
    /// Sentences without a partner (1-0, 0-1 beads): never stored.
    public var unmatchedSentences = 0
    /// The low-confidence beads, as `score<TAB>source<TAB>target` lines.
    public var lowConfidence: [String] = []
    /// The low-confidence pairs and unpaired sentences, for a review file (``ReviewFile``).
    public var reviewItems: [ReviewItem] = []
}
