import Crypto
import Foundation
import NIOCore
import PamyatCore
import PamyatText
import PostgresNIO

/// The write operations of one transaction of a ``PostgresMemoryStore``; lives only inside
/// ``PostgresMemoryStore/write(_:)``, on its connection.
final class PostgresWriteSession: MemoryWriteSession {
    let store: PostgresMemoryStore
    let connection: PostgresConnection
    var memoryID: Int64 { store.memoryID }
    /// Whether the transaction wrote to the change log (then ``finish()`` notifies).
    var loggedChanges = false
    /// The batches' `COPY`s still on their way (``store(_:onDuplicate:)`` with a batch); made by the first.
    var pipeline: CopyPipeline?
    /// Inserted runs of consecutive unit ids the change log has not been given yet (written before
    /// the next statement of the transaction, in ``settle()``).
    var pendingRuns: [(first: Int64, last: Int64)] = []
    /// Unit ids taken from the id sequence and not used yet, ascending (``takeIDs(_:)``).
    var idPool: ArraySlice<Int64> = []
    /// The first 8 bytes of the digest of every unit this transaction stored: a batch asks the read
    /// connection (which does not see them) for stored duplicates, and asks the transaction only
    /// about units whose digest starts the same as one of these.
    var storedDigestPrefixes = Set<UInt64>()
    /// Whether this transaction deleted units: then the read connection, which still sees them, is
    /// not asked about duplicates.
    var deletedUnits = false
    /// Whether the memory held committed units when the first batch came (asked once; `nil` before).
    var committedUnitsAtStart: Bool?
    /// Variants this transaction stored, by language, not yet added to `pamyat_languages`
    /// (written before the transaction's next statement, in ``settle()``).
    var pendingLanguageCounts: [String: Int64] = [:]
    /// Units this transaction stored through batches' `COPY`s: after a large bulk write the store
    /// has the server analyse the tables (``PostgresMemoryStore/write(_:)``).
    var copiedUnits = 0

    init(store: PostgresMemoryStore, connection: PostgresConnection) {
        self.store = store
        self.connection = connection
    }

    /// Runs a statement in the transaction, after the batches sent before it (``settle()``).
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try settle()
        return try store.writer.run(query, on: connection)
    }

    /// Waits until the batches' `COPY`s sent so far are stored, and gives the change log their runs
    /// of ids: every statement of the transaction sees what was stored before it.
    func settle() throws {
        if let pipeline {
            do { try pipeline.drain() } catch { throw PostgresErrorMapping.storeError(error, location: store.location) }
        }
        if !pendingLanguageCounts.isEmpty {
            let (languages, counts) = (Array(pendingLanguageCounts.keys), Array(pendingLanguageCounts.values))
            pendingLanguageCounts = [:]
            try store.writer.run("""
                INSERT INTO pamyat_languages (memory_id, lang, variants)
                SELECT \(memoryID), lang, variants FROM unnest(\(languages)::text[], \(counts)::bigint[]) AS c(lang, variants)
                ON CONFLICT (memory_id, lang) DO UPDATE SET variants = pamyat_languages.variants + excluded.variants
                """, on: connection)
        }
        guard !pendingRuns.isEmpty else { return }
        let (firsts, lasts) = (pendingRuns.map(\.first), pendingRuns.map(\.last))
        pendingRuns = []
        try store.writer.run("""
            INSERT INTO pamyat_changes (memory_id, unit_id, last_unit_id, kind)
            SELECT \(memoryID), first, last, 'inserted' FROM unnest(\(firsts)::bigint[], \(lasts)::bigint[]) WITH ORDINALITY AS r(first, last, n)
            ORDER BY n
            """, on: connection)
        loggedChanges = true
    }

    /// Before a rollback: sends no more batches and waits for the one on its way.
    func abandon() {
        pipeline?.abandon()
    }

    /// Before the commit: when the transaction logged changes, `NOTIFY` the memory's channel with
    /// the log's newest sequence number (PostgreSQL delivers it at the commit, and not at all on a
    /// rollback), so that every node following the memory hears of it (``PostgresChangeFeed``).
    func finish() throws {
        try settle()
        guard loggedChanges else { return }
        let channel = PostgresChangeFeed.channel(memoryID: memoryID)
        try run("""
            SELECT pg_notify(\(channel), (SELECT coalesce(max(seq), 0) FROM pamyat_changes WHERE memory_id = \(memoryID))::text)
            """)
    }

    /// The unit with its content and its variants' normalised forms (NFC, white space folded; `nil`
    /// where the same as the text), as the SQLite store stores them.
    static func prepared(_ unit: TranslationUnit) -> PreparedUnit {
        PreparedUnit(unit, normalizedTexts: unit.variants.map { normalized($0.text) })
    }

    static func normalized(_ text: String) -> String? {
        let canonical = Normalizer.canonical(text)
        return canonical == text ? nil : canonical
    }

    /// SHA-256 of the unit's content key: what `UNIQUE (memory_id, content_digest)` compares.
    static func digest(_ content: UnitContent) -> ByteBuffer {
        // Over the key's own UTF-8 bytes and into the buffer in one copy (not through `Data`, nor
        // the digest's bytes one by one).
        var key = content.key
        let digest = key.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.withUnsafeBytes { ByteBuffer(bytes: $0) }
    }

    /// The first 8 bytes of a digest (``storedDigestPrefixes``).
    static func prefix(_ digest: ByteBuffer) -> UInt64 {
        digest.getInteger(at: digest.readerIndex, as: UInt64.self) ?? 0
    }

    func document(id: String) throws -> DocumentRecord? {
        try PostgresMemoryStore.fetchDocument(id: id, memoryID: memoryID) { try run($0) }
    }

    func store(_ unit: TranslationUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
        try store(Self.prepared(unit), onDuplicate: policy)
    }

    func store(_ prepared: PreparedUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
        try Self.check(prepared.unit)
        let digest = Self.digest(prepared.content)
        if let row = try run("SELECT id FROM pamyat_units WHERE memory_id = \(memoryID) AND content_digest = \(digest)").first {
            let existing = try row.decode(Int64.self)
            switch policy {
            case .keepExisting: return .unchanged(existing)
            case .mergeMetadata: return try merge(prepared.unit, into: existing)
            }
        }
        let unit = prepared.unit, p = unit.provenance
        let extra = try StoredExtra(properties: unit.properties, notes: unit.notes, attributes: unit.attributes).encoded()
        let id = try run("""
            INSERT INTO pamyat_units (memory_id, content_digest, content_hash, source_lang, origin, external_id, doc_id,
                doc_title, doc_date, position, confidence, context_prev, context_next, created_at, changed_at,
                created_by, changed_by, extra)
            VALUES (\(memoryID), \(digest), \(prepared.contentHash), \(unit.sourceLanguage.identifier), \(unit.origin.rawValue),
                \(unit.externalID), \(p.documentID), \(p.documentTitle), \(p.documentDate), \(p.position), \(p.confidence),
                \(p.contextPrevious), \(p.contextNext), \(unit.createdAt.storedSeconds), \(unit.changedAt.storedSeconds),
                \(unit.createdBy), \(unit.changedBy), \(extra))
            RETURNING id
            """).first!.decode(Int64.self)
        let normalized = prepared.normalizedTexts ?? unit.variants.map { Self.normalized($0.text) }
        for (ordinal, variant) in unit.variants.enumerated() {
            let variantExtra = try StoredExtra(properties: variant.properties, notes: variant.notes, attributes: variant.attributes).encoded()
            try run("""
                INSERT INTO pamyat_variants (unit_id, ordinal, memory_id, lang, text, markup, normalized, extra)
                VALUES (\(id), \(Int32(ordinal)), \(memoryID), \(variant.language.identifier), \(variant.text), \(variant.markup),
                    \(normalized[ordinal]), \(variantExtra))
                """)
        }
        try run("INSERT INTO pamyat_changes (memory_id, unit_id, kind) VALUES (\(memoryID), \(id), 'inserted')")
        loggedChanges = true
        storedDigestPrefixes.insert(Self.prefix(digest))
        countLanguages(of: unit)
        return .created(id)
    }

    /// Counts a stored unit's variants for `pamyat_languages` (written in ``settle()``).
    func countLanguages(of unit: TranslationUnit) {
        for variant in unit.variants { pendingLanguageCounts[variant.language.identifier, default: 0] += 1 }
    }

    /// A unit needs at least one variant (as in the SQLite store).
    static func check(_ unit: TranslationUnit) throws {
        guard !unit.variants.isEmpty else { throw StoreError(.database, "a translation unit needs at least one variant.") }
    }

    /// Merges a duplicate's metadata into the stored unit by the stores' one rule
    /// (``StoredMetadata/merging(_:)``), and logs the change when anything changed.
    func merge(_ unit: TranslationUnit, into id: Int64) throws -> StoreOutcome {
        guard let row = try run("""
            SELECT created_at, changed_at, created_by, changed_by, extra, external_id, doc_id, doc_title, doc_date,
                position, confidence, context_prev, context_next FROM pamyat_units WHERE id = \(id)
            """).first
        else { return .unchanged(id) }
        let (created, changed, createdBy, changedBy, extra, externalID, documentID, documentTitle, documentDate,
            position, confidence, contextPrevious, contextNext) = try row.decode(
                (Int64, Int64, String?, String?, String?, String?, String?, String?, String?, String?, Double?, String?, String?).self)
        let stored = StoredMetadata(
            createdAt: created, changedAt: changed, createdBy: createdBy, changedBy: changedBy, extra: StoredExtra.decode(extra),
            externalID: externalID, documentID: documentID, documentTitle: documentTitle, documentDate: documentDate,
            position: position, confidence: confidence, contextPrevious: contextPrevious, contextNext: contextNext)
        let m = stored.merging(unit)
        if m == stored { return .unchanged(id) }
        let encodedExtra = try m.extra.encoded()
        try run("""
            UPDATE pamyat_units SET created_at = \(m.createdAt), changed_at = \(m.changedAt), created_by = \(m.createdBy),
                changed_by = \(m.changedBy), extra = \(encodedExtra), external_id = \(m.externalID), doc_id = \(m.documentID),
                doc_title = \(m.documentTitle), doc_date = \(m.documentDate), position = \(m.position),
                confidence = \(m.confidence), context_prev = \(m.contextPrevious), context_next = \(m.contextNext)
            WHERE id = \(id)
            """)
        try run("INSERT INTO pamyat_changes (memory_id, unit_id, kind) VALUES (\(memoryID), \(id), 'updated')")
        loggedChanges = true
        return .updated(id)
    }

    func saveDocument(_ document: DocumentRecord) throws {
        let languages = document.languages.map(\.identifier).joined(separator: ",")
        try run("""
            INSERT INTO pamyat_documents (memory_id, external_id, title, date, source_lang, languages, content_hash, added_at)
            VALUES (\(memoryID), \(document.id), \(document.title), \(document.date), \(document.sourceLanguage.identifier),
                \(languages), \(document.contentHash), \(document.addedAt.storedSeconds))
            ON CONFLICT (memory_id, external_id) DO UPDATE SET title = excluded.title, date = excluded.date,
                source_lang = excluded.source_lang, languages = excluded.languages,
                content_hash = excluded.content_hash, added_at = excluded.added_at
            """)
    }

    func deleteUnits(ofDocument id: String) throws -> Int {
        let deleted = try run("""
            WITH deleted AS (DELETE FROM pamyat_units WHERE memory_id = \(memoryID) AND doc_id = \(id) RETURNING id),
            variants AS (DELETE FROM pamyat_variants WHERE unit_id IN (SELECT id FROM deleted) RETURNING lang),
            counted AS (
                UPDATE pamyat_languages l SET variants = l.variants - c.n
                FROM (SELECT lang, count(*) AS n FROM variants GROUP BY lang) c
                WHERE l.memory_id = \(memoryID) AND l.lang = c.lang)
            INSERT INTO pamyat_changes (memory_id, unit_id, kind) SELECT \(memoryID), id, 'deleted' FROM deleted ORDER BY id
            RETURNING unit_id
            """).count
        if deleted > 0 { loggedChanges = true; deletedUnits = true }
        return deleted
    }
}
