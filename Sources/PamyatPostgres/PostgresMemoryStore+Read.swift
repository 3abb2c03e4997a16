import Foundation
import PamyatCore
import PostgresNIO

extension PostgresMemoryStore {
    /// The columns a unit is read from, in the order ``decodeUnit(_:variants:)`` decodes them.
    static let unitColumns = """
        id, source_lang, origin, external_id, doc_id, doc_title, doc_date, position, confidence, context_prev,
        context_next, created_at, changed_at, created_by, changed_by, extra
        """

    public func unit(id: Int64) throws -> TranslationUnit? {
        try units(ids: [id]).first
    }

    public func units(ids: [Int64]) throws -> [TranslationUnit] {
        if ids.isEmpty { return [] }
        let found = try fetchUnits(read("""
            SELECT \(unescaped: Self.unitColumns) FROM pamyat_units WHERE memory_id = \(memoryID) AND id = ANY(\(ids))
            """))
        let byID = Dictionary(found.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    public func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws {
        var last: Int64 = 0
        let limit = max(1, batchSize)
        while true {
            // Keyset pagination: each batch is one short query, so memory stays bounded by the batch
            // and no transaction stays open against writers for a long export.
            var query = QueryBuilder("SELECT \(Self.unitColumns) FROM pamyat_units WHERE memory_id = \(memoryID)")
            query.append(" AND id > \(query.bind(last))")
            if let since = filter.changedSince { query.append(" AND changed_at >= \(query.bind(since.storedSeconds))") }
            if let document = filter.documentID { query.append(" AND doc_id = \(query.bind(document))") }
            for language in filter.languages {
                let exact = query.bind(language.identifier), prefix = query.bind(language.identifier + "-%")
                query.append("""
                     AND EXISTS (SELECT 1 FROM pamyat_variants v WHERE v.unit_id = pamyat_units.id \
                    AND (v.lang = \(exact) OR v.lang LIKE \(prefix)))
                    """)
            }
            query.append(" ORDER BY id LIMIT \(limit)")
            let batch = try fetchUnits(read(query.query))
            if batch.isEmpty { return }
            try body(batch)
            last = batch.last!.id!
            if batch.count < limit { return }
        }
    }

    public func forEachVariant(in language: LanguageTag?, _ body: (IndexedVariant) throws -> Void) throws {
        // Pages in the variants' primary-key order, from the memory's first unit (other memories'
        // units before it are not scanned).
        guard let (first, _) = try unitIDRange() else { return }
        var lastUnit: Int64 = first - 1, lastOrdinal: Int32 = -1
        var tags: [String: LanguageTag] = [:]
        let limit = 20_000
        while true {
            var query = QueryBuilder("SELECT unit_id, ordinal, lang, text FROM pamyat_variants WHERE memory_id = \(memoryID)")
            query.append(" AND (unit_id, ordinal) > (\(query.bind(lastUnit)), \(query.bind(lastOrdinal)))")
            if let language {
                let exact = query.bind(language.identifier), prefix = query.bind(language.identifier + "-%")
                query.append(" AND (lang = \(exact) OR lang LIKE \(prefix))")
            }
            query.append(" ORDER BY unit_id, ordinal LIMIT \(limit)")
            let rows = try read(query.query)
            for row in rows {
                let (unitID, ordinal, lang, text) = try decode(row, as: (Int64, Int32, String, String).self)
                let tag = tags[lang] ?? LanguageTag(canonical: lang)
                tags[lang] = tag
                try body(IndexedVariant(unitID: unitID, language: tag, text: text))
                (lastUnit, lastOrdinal) = (unitID, ordinal)
            }
            if rows.count < limit { return }
        }
    }

    /// The memory's lowest and highest unit ids (`pamyat_units_memory`), `nil` when it has no unit.
    func unitIDRange() throws -> (first: Int64, last: Int64)? {
        let (first, last) = try decode(
            read("SELECT min(id), max(id) FROM pamyat_units WHERE memory_id = \(memoryID)").first!, as: (Int64?, Int64?).self)
        guard let first, let last else { return nil }
        return (first, last)
    }

    public func document(id: String) throws -> DocumentRecord? {
        try Self.fetchDocument(id: id, memoryID: memoryID) { try read($0) }
    }

    public func forEachDocument(_ body: (DocumentRecord) throws -> Void) throws {
        var last = ""
        while true {
            // Pages of 1,000 by id (keyset), each one query.
            let ids = try read("""
                SELECT external_id FROM pamyat_documents WHERE memory_id = \(memoryID) AND external_id > \(last)
                ORDER BY external_id LIMIT 1000
                """).map { try decode($0, as: String.self) }
            for id in ids { if let document = try document(id: id) { try body(document) } }
            guard ids.count == 1000, let next = ids.last else { return }
            last = next
        }
    }

    /// The document record with this id, read through `run` (the read connection, or a write
    /// session's transaction).
    static func fetchDocument(id: String, memoryID: Int64, _ run: (PostgresQuery) throws -> PostgresQueryResult) throws -> DocumentRecord? {
        guard let row = try run("""
            SELECT external_id, title, date, source_lang, languages, content_hash, added_at
            FROM pamyat_documents WHERE memory_id = \(memoryID) AND external_id = \(id)
            """).first
        else { return nil }
        let (external, title, date, source, languages, hash, added) = try row.decode(
            (String, String?, String?, String, String, String, Int64).self)
        return DocumentRecord(
            id: external, title: title, date: date, sourceLanguage: LanguageTag(canonical: source),
            languages: languages.split(separator: ",").map { LanguageTag(canonical: String($0)) },
            contentHash: hash, addedAt: Date(storedSeconds: added))
    }

    public func changes(after sequence: Int64) throws -> (changes: [UnitChange], latest: Int64) {
        // A row with `last_unit_id` stands for a run of inserted units, each reported with its sequence.
        var changes: [UnitChange] = []
        for row in try read("""
            SELECT seq, unit_id, kind, last_unit_id FROM pamyat_changes WHERE memory_id = \(memoryID) AND seq > \(sequence) ORDER BY seq
            """) {
            let (seq, first, kind, last) = try decode(row, as: (Int64, Int64, String, Int64?).self)
            let change = UnitChange.Kind(rawValue: kind) ?? .updated
            for id in first...max(first, last ?? first) { changes.append(UnitChange(sequence: seq, unitID: id, kind: change)) }
        }
        let latest = try decode(read("SELECT coalesce(max(seq), 0) FROM pamyat_changes WHERE memory_id = \(memoryID)").first!, as: Int64.self)
        return (changes, max(latest, changes.last?.sequence ?? 0))
    }

    public func languages() throws -> [LanguageTag] {
        try read("SELECT lang FROM pamyat_languages WHERE memory_id = \(memoryID) AND variants > 0 ORDER BY lang")
            .map { LanguageTag(canonical: try decode($0, as: String.self)) }
    }

    /// Decodes a row, a failure as ``StoreError``.
    func decode<T: PostgresDecodable>(_ row: PostgresRow, as type: T.Type) throws -> T {
        do { return try row.decode(T.self) } catch { throw PostgresErrorMapping.storeError(error, location: location) }
    }

    func decode<each T: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each T).Type) throws -> (repeat each T) {
        do { return try row.decode(type) } catch { throw PostgresErrorMapping.storeError(error, location: location) }
    }

    /// Units from rows in ``unitColumns`` order, with their variants (one more query), in the rows' order.
    func fetchUnits(_ rows: PostgresQueryResult) throws -> [TranslationUnit] {
        if rows.isEmpty { return [] }
        var ids: [Int64] = []
        var decoded: [(Int64, String, String, String?, String?, String?, String?, String?, Double?, String?, String?, Int64, Int64, String?, String?, String?)] = []
        for row in rows {
            let values = try decode(row, as: (Int64, String, String, String?, String?, String?, String?, String?, Double?, String?, String?, Int64, Int64, String?, String?, String?).self)
            ids.append(values.0)
            decoded.append(values)
        }
        var variants: [Int64: [Variant]] = [:]
        // Ids close together (a page of an export): one range scan of the variants' primary key
        // rather than a probe per id; the few variants of units between them not asked for are skipped.
        let (first, last) = (ids.min()!, ids.max()!)
        let variantRows = try last - first < 2 * Int64(ids.count)
            ? read("""
                SELECT unit_id, lang, text, markup, extra FROM pamyat_variants
                WHERE unit_id BETWEEN \(first) AND \(last) AND memory_id = \(memoryID) ORDER BY unit_id, ordinal
                """)
            : read("""
                SELECT unit_id, lang, text, markup, extra FROM pamyat_variants WHERE unit_id = ANY(\(ids)) ORDER BY unit_id, ordinal
                """)
        let wanted = Set(ids)
        for row in variantRows {
            let (unitID, lang, text, markup, extraText) = try decode(row, as: (Int64, String, String, String?, String?).self)
            guard wanted.contains(unitID) else { continue }
            let extra = StoredExtra.decode(extraText)
            variants[unitID, default: []].append(Variant(
                language: LanguageTag(canonical: lang), text: text, markup: markup, properties: extra.properties ?? [],
                notes: extra.notes ?? [], attributes: extra.attributes ?? [:]))
        }
        return decoded.map { v in
            let extra = StoredExtra.decode(v.15)
            return TranslationUnit(
                id: v.0, sourceLanguage: LanguageTag(canonical: v.1), variants: variants[v.0] ?? [],
                origin: Origin(rawValue: v.2) ?? .imported,
                provenance: Provenance(
                    documentID: v.4, documentTitle: v.5, documentDate: v.6, position: v.7, confidence: v.8,
                    contextPrevious: v.9, contextNext: v.10),
                externalID: v.3, createdAt: Date(storedSeconds: v.11), changedAt: Date(storedSeconds: v.12),
                createdBy: v.13, changedBy: v.14, properties: extra.properties ?? [], notes: extra.notes ?? [],
                attributes: extra.attributes ?? [:])
        }
    }
}
