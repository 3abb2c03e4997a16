import Foundation
import GRDB
import PamyatCore
import PamyatText

/// The write operations of one transaction. Lives only inside ``SQLiteMemoryStore/write(_:)``, which
/// calls ``finish()`` before committing.
final class WriteSession: MemoryWriteSession {
    let db: Database
    /// Units inserted by this session whose change-log row is not written yet: a run of consecutive
    /// ids, logged as one row when the run ends (see the "v2-change-log-insert-runs" migration).
    private var unloggedInserts: ClosedRange<Int64>?

    init(db: Database) {
        self.db = db
    }

    /// Writes what the session still holds back (the last run of inserts' log row).
    func finish() throws {
        try logInserts()
    }

    func document(id: String) throws -> DocumentRecord? {
        try SQLiteMemoryStore.fetchDocument(db, id: id)
    }

    func store(_ unit: TranslationUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
        try store(SQLiteMemoryStore.prepared(unit), onDuplicate: policy)
    }

    func store(_ prepared: PreparedUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
        let unit = prepared.unit
        guard unit.variants.count >= 1 else {
            throw StoreError(.database, "a translation unit needs at least one variant.")
        }
        if let existing = try findUnit(hash: prepared.contentHash, key: prepared.content.key) {
            switch policy {
            case .keepExisting: return .unchanged(existing)
            case .mergeMetadata: return try merge(unit, into: existing)
            }
        }
        let normalized = prepared.normalizedTexts ?? unit.variants.map { Self.normalized($0.text) }
        return .created(try insert(unit, hash: prepared.contentHash, normalized: normalized))
    }

    // The insert path's statements, held for the session: GRDB's statement cache is keyed by the SQL
    // text, which costs a hash of the text on every use.
    private var lookupStatement: FastStatement?
    private var insertUnitStatement: FastStatement?
    private var insertVariantStatement: FastStatement?

    private func held(_ statement: inout FastStatement?, _ sql: String) throws -> FastStatement {
        if let statement { return statement }
        let prepared = try FastStatement(db, sql: sql)
        statement = prepared
        return prepared
    }

    /// The id of the stored unit with this content: candidates by hash, confirmed by full content.
    private func findUnit(hash: Int64, key: String) throws -> Int64? {
        let lookup = try held(&lookupStatement, "SELECT id FROM units WHERE content_hash = ?")
        lookup.bind(1, hash)
        for id in try lookup.integers(db) {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT lang, coalesce(markup, text) FROM variants WHERE unit_id = ?"),
                arguments: [id])
            let stored = UnitContent(variants: rows.map { (language: $0[0] as String, content: $0[1] as String) })
            if stored.key == key { return id }
        }
        return nil
    }

    /// Inserts the unit (`normalized`: each variant's normalised text, see ``normalized(_:)``).
    private func insert(_ unit: TranslationUnit, hash: Int64, normalized: [String?]) throws -> Int64 {
        let p = unit.provenance
        let insertUnit = try held(&insertUnitStatement, """
            INSERT INTO units (content_hash, source_lang, origin, external_id, doc_id, doc_title, doc_date,
                position, confidence, context_prev, context_next, created_at, changed_at, created_by, changed_by, extra)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertUnit.bind(1, hash)
        insertUnit.bind(2, unit.sourceLanguage.identifier)
        insertUnit.bind(3, unit.origin.rawValue)
        insertUnit.bind(4, unit.externalID)
        insertUnit.bind(5, p.documentID)
        insertUnit.bind(6, p.documentTitle)
        insertUnit.bind(7, p.documentDate)
        insertUnit.bind(8, p.position)
        insertUnit.bind(9, p.confidence)
        insertUnit.bind(10, p.contextPrevious)
        insertUnit.bind(11, p.contextNext)
        insertUnit.bind(12, unit.createdAt.storedSeconds)
        insertUnit.bind(13, unit.changedAt.storedSeconds)
        insertUnit.bind(14, unit.createdBy)
        insertUnit.bind(15, unit.changedBy)
        insertUnit.bind(16, try StoredExtra(properties: unit.properties, notes: unit.notes, attributes: unit.attributes).encoded())
        try insertUnit.run(db)
        let id = db.lastInsertedRowID
        // The change log is written here rather than by a trigger (a trigger makes SQLite open a
        // statement journal for every insert, which doubled the cost of a bulk import), one row per
        // run of consecutive ids.
        if let run = unloggedInserts, id == run.upperBound + 1 {
            unloggedInserts = run.lowerBound...id
        } else {
            try logInserts()
            unloggedInserts = id...id
        }
        let insertVariant = try held(&insertVariantStatement, """
            INSERT INTO variants (unit_id, ordinal, lang, text, markup, normalized, extra) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (ordinal, variant) in unit.variants.enumerated() {
            insertVariant.bind(1, id)
            insertVariant.bind(2, Int64(ordinal))
            insertVariant.bind(3, variant.language.identifier)
            insertVariant.bind(4, variant.text)
            insertVariant.bind(5, variant.markup)
            insertVariant.bind(6, normalized[ordinal])
            insertVariant.bind(7, try StoredExtra(
                properties: variant.properties, notes: variant.notes, attributes: variant.attributes
            ).encoded())
            try insertVariant.run(db)
        }
        return id
    }

    /// Writes the change-log row of the pending run of inserts. Called before anything else is
    /// logged (the triggers log updates and deletes), so that the log stays in the order of the writes.
    private func logInserts() throws {
        guard let run = unloggedInserts else { return }
        unloggedInserts = nil
        let log = try FastStatement(db, sql: "INSERT INTO changes(unit_id, kind, last_unit_id) VALUES (?, 'inserted', ?)")
        log.bind(1, run.lowerBound)
        log.bind(2, run.upperBound)
        try log.run(db)
    }

    /// Merges a duplicate's metadata into the stored unit by the stores' one rule
    /// (``StoredMetadata/merging(_:)``), and logs the change when anything changed.
    private func merge(_ unit: TranslationUnit, into id: Int64) throws -> StoreOutcome {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT created_at, changed_at, created_by, changed_by, extra, external_id, doc_id, doc_title, doc_date,
                position, confidence, context_prev, context_next FROM units WHERE id = ?
            """, arguments: [id])
        else { return .unchanged(id) }
        let stored = StoredMetadata(
            createdAt: row[0], changedAt: row[1], createdBy: row[2], changedBy: row[3], extra: StoredExtra.decode(row[4]),
            externalID: row[5], documentID: row[6], documentTitle: row[7], documentDate: row[8], position: row[9],
            confidence: row[10], contextPrevious: row[11], contextNext: row[12])
        let m = stored.merging(unit)
        if m == stored { return .unchanged(id) }
        try logInserts()
        try db.execute(sql: """
            UPDATE units SET created_at = ?, changed_at = ?, created_by = ?, changed_by = ?, extra = ?,
                external_id = ?, doc_id = ?, doc_title = ?, doc_date = ?, position = ?, confidence = ?,
                context_prev = ?, context_next = ?
            WHERE id = ?
            """,
            arguments: [
                m.createdAt, m.changedAt, m.createdBy, m.changedBy, try m.extra.encoded(), m.externalID, m.documentID,
                m.documentTitle, m.documentDate, m.position, m.confidence, m.contextPrevious, m.contextNext, id,
            ])
        return .updated(id)
    }

    /// The variant's normalised form (NFC, white space folded), stored only when it differs from the
    /// text as given (NULL means "the same"), which saves the space of a second copy of every text.
    static func normalized(_ text: String) -> String? {
        let canonical = Normalizer.canonical(text)
        return canonical == text ? nil : canonical
    }

    func saveDocument(_ document: DocumentRecord) throws {
        try db.execute(sql: """
            INSERT INTO documents (external_id, title, date, source_lang, languages, content_hash, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(external_id) DO UPDATE SET title = excluded.title, date = excluded.date,
                source_lang = excluded.source_lang, languages = excluded.languages,
                content_hash = excluded.content_hash, added_at = excluded.added_at
            """, arguments: [
                document.id, document.title, document.date, document.sourceLanguage.identifier,
                document.languages.map(\.identifier).joined(separator: ","), document.contentHash,
                document.addedAt.storedSeconds,
            ])
    }

    func deleteUnits(ofDocument id: String) throws -> Int {
        try logInserts()
        try db.execute(sql: "DELETE FROM units WHERE doc_id = ?", arguments: [id])
        return db.changesCount
    }
}
