/// A stored unit's metadata as the stores keep it (the columns besides its texts), and the one rule
/// by which a duplicate's metadata is merged into it — shared by the stores so that a TMX imported
/// twice, into SQLite or PostgreSQL, ends the same.
package struct StoredMetadata: Equatable, Sendable {
    package var createdAt: Int64
    package var changedAt: Int64
    package var createdBy: String?
    package var changedBy: String?
    package var extra: StoredExtra
    package var externalID: String?
    package var documentID: String?
    package var documentTitle: String?
    package var documentDate: String?
    package var position: String?
    package var confidence: Double?
    package var contextPrevious: String?
    package var contextNext: String?

    package init(
        createdAt: Int64, changedAt: Int64, createdBy: String?, changedBy: String?, extra: StoredExtra, externalID: String?,
        documentID: String?, documentTitle: String?, documentDate: String?, position: String?, confidence: Double?,
        contextPrevious: String?, contextNext: String?
    ) {
        self.createdAt = createdAt
        self.changedAt = changedAt
        self.createdBy = createdBy
        self.changedBy = changedBy
        self.extra = extra
        self.externalID = externalID
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.documentDate = documentDate
        self.position = position
        self.confidence = confidence
        self.contextPrevious = contextPrevious
        self.contextNext = contextNext
    }

    /// This metadata with a duplicate `unit`'s merged in: the earliest creation and the latest change
    /// (each with its user, or the other's when it has none), the union of properties and notes,
    /// attributes and provenance filled where the stored unit had none.
    package func merging(_ unit: TranslationUnit) -> StoredMetadata {
        var merged = self
        var properties = extra.properties ?? []
        for property in unit.properties where !properties.contains(property) { properties.append(property) }
        var notes = extra.notes ?? []
        for note in unit.notes where !notes.contains(note) { notes.append(note) }
        var attributes = extra.attributes ?? [:]
        for (key, value) in unit.attributes where attributes[key] == nil { attributes[key] = value }
        merged.extra = StoredExtra(properties: properties, notes: notes, attributes: attributes)
        merged.createdAt = min(createdAt, unit.createdAt.storedSeconds)
        merged.changedAt = max(changedAt, unit.changedAt.storedSeconds)
        merged.createdBy = merged.createdAt == createdAt ? (createdBy ?? unit.createdBy) : (unit.createdBy ?? createdBy)
        merged.changedBy = merged.changedAt == changedAt ? (changedBy ?? unit.changedBy) : (unit.changedBy ?? changedBy)
        let p = unit.provenance
        merged.externalID = externalID ?? unit.externalID
        merged.documentID = documentID ?? p.documentID
        merged.documentTitle = documentTitle ?? p.documentTitle
        merged.documentDate = documentDate ?? p.documentDate
        merged.position = position ?? p.position
        merged.confidence = confidence ?? p.confidence
        merged.contextPrevious = contextPrevious ?? p.contextPrevious
        merged.contextNext = contextNext ?? p.contextNext
        return merged
    }
}
