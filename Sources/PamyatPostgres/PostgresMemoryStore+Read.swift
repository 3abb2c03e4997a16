import Foundation
import NIOCore
import PamyatCore
import PostgresNIO

extension PostgresMemoryStore {
    /// The columns a unit is read from, in the order ``decodeUnit(_:)`` decodes them.
    static let unitColumns = """
        id, source_lang, origin, external_id, doc_id, doc_title, doc_date, position, confidence, context_prev,
        context_next, created_at, changed_at, created_by, changed_by, extra
        """

    public func unit(id: Int64) throws -> TranslationUnit? {
        try units(ids: [id]).first
    }

    /// The units with these ids, in the order asked (ids not stored are left out).
    ///
    /// The units' query and their variants' are both handed to the connection before waiting for
    /// either: the second goes to the server as soon as the first is answered, without a trip
    /// through this thread (a lookup reads its matches this way). One query joining the two cost
    /// the server more (a nested loop and a sort: 0.43–0.54 ms of server CPU per read of 5 units
    /// against 0.34–0.42 ms for the two, `pgbench -M extended` on a 1M memory).
    public func units(ids: [Int64]) throws -> [TranslationUnit] {
        if ids.isEmpty { return [] }
        let unitsAsked = startRead("""
            SELECT \(unescaped: Self.unitColumns) FROM pamyat_units WHERE memory_id = \(memoryID) AND id = ANY(\(ids))
            """)
        let variantsAsked = startRead(variantsQuery(ids))
        let units = try decodeUnits(finishRead(unitsAsked))
        let found = try attach(finishRead(variantsAsked), to: units, ids: units.map { $0.id! })
        let byID = Dictionary(found.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    public func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws {
        let limit = max(1, batchSize)
        // Keyset pagination: each page is one short query, so memory stays bounded by the page and
        // no transaction stays open against writers for a long export. The next page and this
        // page's variants are asked for before this page is decoded, so the server and the
        // connection's thread work while this thread decodes (an export's pages back to back).
        func page(after last: Int64) -> PostgresQuery {
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
            return query.query
        }
        var next: (query: PostgresQuery, rows: EventLoopFuture<PostgresQueryResult>?)? = startRead(page(after: 0))
        while let asked = next {
            let rows = try finishRead(asked)
            if rows.isEmpty { return }
            let ids = try rows.map { row in try decode(row, as: Int64.self) }
            let variants = startRead(variantsQuery(ids))
            next = rows.count == limit ? startRead(page(after: ids.last!)) : nil
            let units = try decodeUnits(rows)
            try body(attach(try finishRead(variants), to: units, ids: ids))
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
                var cells = row.makeIterator()
                let unitID: Int64, ordinal: Int32, lang: String, text: String
                do {
                    (unitID, ordinal) = (try cells.next()!.decode(Int64.self), try cells.next()!.decode(Int32.self))
                    (lang, text) = (try cells.next()!.decode(String.self), try cells.next()!.decode(String.self))
                } catch {
                    throw PostgresErrorMapping.storeError(error, location: location)
                }
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

    /// The query for the variants of the units with these ids, in unit and ordinal order. Ids close
    /// together (a page of an export): one range scan of the variants' primary key rather than a
    /// probe per id; the few variants of units between them not asked for are skipped by ``attach``.
    func variantsQuery(_ ids: [Int64]) -> PostgresQuery {
        let (first, last) = (ids.min()!, ids.max()!)
        return last - first < 2 * Int64(ids.count)
            ? """
                SELECT unit_id, lang, text, markup, extra FROM pamyat_variants
                WHERE unit_id BETWEEN \(first) AND \(last) AND memory_id = \(memoryID) ORDER BY unit_id, ordinal
                """
            : """
                SELECT unit_id, lang, text, markup, extra FROM pamyat_variants WHERE unit_id = ANY(\(ids)) ORDER BY unit_id, ordinal
                """
    }

    /// Units (without variants) from rows in ``unitColumns`` order.
    func decodeUnits(_ rows: PostgresQueryResult) throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        units.reserveCapacity(rows.count)
        do {
            for row in rows {
                var cells = row.makeIterator()
                units.append(try Self.decodeUnit(&cells))
            }
        } catch {
            throw PostgresErrorMapping.storeError(error, location: location)
        }
        return units
    }

    /// A unit (without variants) from the next cells, in ``unitColumns`` order.
    ///
    /// Column by column with concrete types: postgres-nio's decoding of a whole row as a tuple of
    /// 16 types instantiated generic metadata per row, half of an export's CPU.
    static func decodeUnit(_ cells: inout PostgresRow.Iterator) throws -> TranslationUnit {
        func next<T: PostgresDecodable>(_ type: T.Type) throws -> T { try cells.next()!.decode(T.self) }
        let id = try next(Int64.self), source = try next(String.self), origin = try next(String.self)
        let externalID = try next(String?.self), documentID = try next(String?.self), documentTitle = try next(String?.self)
        let documentDate = try next(String?.self), position = try next(String?.self), confidence = try next(Double?.self)
        let contextPrevious = try next(String?.self), contextNext = try next(String?.self)
        let created = try next(Int64.self), changed = try next(Int64.self)
        let createdBy = try next(String?.self), changedBy = try next(String?.self), extraText = try next(String?.self)
        let extra = StoredExtra.decode(extraText)
        return TranslationUnit(
            id: id, sourceLanguage: LanguageTag(canonical: source), variants: [],
            origin: Origin(rawValue: origin) ?? .imported,
            provenance: Provenance(
                documentID: documentID, documentTitle: documentTitle, documentDate: documentDate, position: position,
                confidence: confidence, contextPrevious: contextPrevious, contextNext: contextNext),
            externalID: externalID, createdAt: Date(storedSeconds: created), changedAt: Date(storedSeconds: changed),
            createdBy: createdBy, changedBy: changedBy, properties: extra.properties ?? [], notes: extra.notes ?? [],
            attributes: extra.attributes ?? [:])
    }

    /// A variant from the next cells: language, text, markup, extra (`languages` keeps the tags made).
    static func decodeVariant(_ cells: inout PostgresRow.Iterator, languages: inout [String: LanguageTag]) throws -> Variant {
        let lang = try cells.next()!.decode(String.self), text = try cells.next()!.decode(String.self)
        let markup = try cells.next()!.decode(String?.self), extraText = try cells.next()!.decode(String?.self)
        let extra = StoredExtra.decode(extraText)
        let language = languages[lang] ?? LanguageTag(canonical: lang)
        languages[lang] = language
        return Variant(
            language: language, text: text, markup: markup, properties: extra.properties ?? [],
            notes: extra.notes ?? [], attributes: extra.attributes ?? [:])
    }

    /// `units` (whose ids are `ids`) with their variants from `variantRows` (``variantsQuery(_:)``).
    func attach(_ variantRows: PostgresQueryResult, to units: [TranslationUnit], ids: [Int64]) throws -> [TranslationUnit] {
        var position: [Int64: Int] = [:]
        position.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() { position[id] = index }
        var units = units
        var languages: [String: LanguageTag] = [:]
        do {
            for row in variantRows {
                var cells = row.makeIterator()
                let unitID = try cells.next()!.decode(Int64.self)
                guard let index = position[unitID] else { continue }
                units[index].variants.append(try Self.decodeVariant(&cells, languages: &languages))
            }
        } catch {
            throw PostgresErrorMapping.storeError(error, location: location)
        }
        return units
    }

    /// A query sent on the read connection without waiting for its rows (``finishRead(_:)`` waits);
    /// `nil` future when the connection could not be had (``finishRead(_:)`` then reads anew).
    func startRead(_ query: PostgresQuery) -> (query: PostgresQuery, rows: EventLoopFuture<PostgresQueryResult>?) {
        (query, try? reader.connection().query(query, logger: Self.logger))
    }

    /// The rows of a query ``startRead(_:)`` sent; when its connection was lost, the query is run
    /// again as ``read(_:)`` does (on a new connection).
    func finishRead(_ started: (query: PostgresQuery, rows: EventLoopFuture<PostgresQueryResult>?)) throws -> PostgresQueryResult {
        guard let rows = started.rows else { return try read(started.query) }
        do {
            return try BlockingBridge.wait(rows)
        } catch let error as PSQLError where ConnectionSlot.isConnectionLost(error) {
            return try read(started.query)
        } catch {
            throw PostgresErrorMapping.storeError(error, location: location)
        }
    }
}
