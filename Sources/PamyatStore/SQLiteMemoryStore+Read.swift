import Foundation
import GRDB
import PamyatCore

extension SQLiteMemoryStore {
    public func unit(id: Int64) throws -> TranslationUnit? {
        try units(ids: [id]).first
    }

    public func units(ids: [Int64]) throws -> [TranslationUnit] {
        if ids.isEmpty { return [] }
        // A few ids (a lookup's matches): one cached statement per table, stepped per id. An
        // `IN (?,?,…)` list is new SQL for every count and was compiled on every lookup. In one
        // read transaction: SQLite then takes its WAL read lock (fcntl calls) once, not per statement.
        if ids.count <= 16, let unitReader { return try unitReader.units(ids: ids) }
        if ids.count <= 16 {
            return try reading { db in
                return try ids.compactMap { id in
                    guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(UnitColumn.selectList) FROM units WHERE id = ?"), arguments: [id])
                    else { return nil }
                    let variants = try Row.fetchAll(
                        db.cachedStatement(sql: "SELECT \(VariantColumn.selectList) FROM variants WHERE unit_id = ? ORDER BY ordinal"),
                        arguments: [id]
                    ).map { UnitRowDecoder.variant(from: $0) }
                    return UnitRowDecoder.unit(from: row, variants: variants)
                }
            }
        }
        return try reading { db in
            var byID: [Int64: TranslationUnit] = [:]
            // Chunks keep each statement under SQLite's bound-parameter limit.
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let found = try Self.fetchUnits(
                    db, sql: "SELECT \(UnitColumn.selectList) FROM units WHERE id IN (\(marks))",
                    arguments: StatementArguments(chunk))
                for unit in found { byID[unit.id!] = unit }
            }
            return ids.compactMap { byID[$0] }
        }
    }

    public func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws {
        var conditions = ["id > ?"]
        var arguments: [DatabaseValueConvertible?] = []
        if let since = filter.changedSince {
            conditions.append("changed_at >= ?")
            arguments.append(since.storedSeconds)
        }
        if let document = filter.documentID {
            conditions.append("doc_id = ?")
            arguments.append(document)
        }
        for language in filter.languages {
            conditions.append("EXISTS (SELECT 1 FROM variants v WHERE v.unit_id = units.id AND (v.lang = ? OR v.lang LIKE ?))")
            arguments.append(language.identifier)
            arguments.append(language.identifier + "-%")
        }
        let sql = "SELECT \(UnitColumn.selectList) FROM units WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT ?"
        var last: Int64 = 0
        while true {
            // Keyset pagination: each batch is its own short read, so memory stays constant and a
            // long export never holds a read transaction open against writers for its whole length.
            let batch = try reading { db in
                try Self.fetchUnits(db, sql: sql, arguments: StatementArguments([last] + arguments + [max(1, batchSize)]))
            }
            if batch.isEmpty { return }
            try body(batch)
            last = batch.last!.id!
            if batch.count < batchSize { return }
        }
    }

    public func forEachVariant(in language: LanguageTag?, _ body: (IndexedVariant) throws -> Void) throws {
        try reading { db in
            let cursor: RowCursor
            if let language {
                cursor = try Row.fetchCursor(
                    db, sql: "SELECT unit_id, lang, text FROM variants WHERE lang = ? OR lang LIKE ? ORDER BY unit_id",
                    arguments: [language.identifier, language.identifier + "-%"])
            } else {
                cursor = try Row.fetchCursor(db, sql: "SELECT unit_id, lang, text FROM variants ORDER BY unit_id")
            }
            var tags: [String: LanguageTag] = [:]
            while let row = try cursor.next() {
                let lang: String = row[1]
                let tag = tags[lang] ?? LanguageTag(canonical: lang)
                tags[lang] = tag
                try body(IndexedVariant(unitID: row[0], language: tag, text: row[2]))
            }
        }
    }

    public func document(id: String) throws -> DocumentRecord? {
        try reading { db in try Self.fetchDocument(db, id: id) }
    }

    public func forEachDocument(_ body: (DocumentRecord) throws -> Void) throws {
        var last = ""
        while true {
            // Pages of 1,000 by id: each page is a short read, so memory stays bounded.
            let page = try reading { db in
                try String.fetchAll(db, sql: "SELECT external_id FROM documents WHERE external_id > ? ORDER BY external_id LIMIT 1000", arguments: [last])
                    .compactMap { try Self.fetchDocument(db, id: $0) }
            }
            for document in page { try body(document) }
            guard page.count == 1000, let next = page.last?.id else { return }
            last = next
        }
    }

    /// The document record with this id, read on `db` (a read, or a write session's transaction).
    static func fetchDocument(_ db: Database, id: String) throws -> DocumentRecord? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT external_id, title, date, source_lang, languages, content_hash, added_at
            FROM documents WHERE external_id = ?
            """, arguments: [id])
        else { return nil }
        let languages: String = row[4]
        return DocumentRecord(
            id: row[0], title: row[1], date: row[2], sourceLanguage: LanguageTag(canonical: row[3]),
            languages: languages.split(separator: ",").map { LanguageTag(canonical: String($0)) },
            contentHash: row[5], addedAt: Date(storedSeconds: row[6]))
    }

    public func changes(after sequence: Int64) throws -> (changes: [UnitChange], latest: Int64) {
        try reading { db in
            // A row with `last_unit_id` stands for a run of inserted units (unit_id...last_unit_id),
            // each reported with the row's sequence number.
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT seq, unit_id, kind, last_unit_id FROM changes WHERE seq > ? ORDER BY seq"),
                arguments: [sequence])
            var changes: [UnitChange] = []
            while let row = try rows.next() {
                let seq: Int64 = row[0], first: Int64 = row[1]
                let kind = UnitChange.Kind(rawValue: row[2]) ?? .updated
                let last: Int64 = row[3] ?? first
                for id in first...max(first, last) { changes.append(UnitChange(sequence: seq, unitID: id, kind: kind)) }
            }
            let latest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(seq), 0) FROM changes")) ?? 0
            return (changes, max(latest, changes.last?.sequence ?? 0))
        }
    }

    public func languages() throws -> [LanguageTag] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT lang FROM variants ORDER BY lang").map(LanguageTag.init(canonical:))
        }
    }

    /// Reads units (rows in ``UnitColumn`` order) with their variants, in the rows' order.
    static func fetchUnits(_ db: Database, sql: String, arguments: StatementArguments) throws -> [TranslationUnit] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        if rows.isEmpty { return [] }
        let ids: [Int64] = rows.map { $0.integer(UnitColumn.id.rawValue) }
        var variants: [Int64: [Variant]] = [:]
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let variantRows = try Row.fetchCursor(
            db, sql: "SELECT \(VariantColumn.selectList) FROM variants WHERE unit_id IN (\(marks)) ORDER BY unit_id, ordinal",
            arguments: StatementArguments(ids))
        while let row = try variantRows.next() {
            variants[row.integer(VariantColumn.unitID.rawValue), default: []].append(UnitRowDecoder.variant(from: row))
        }
        return rows.map { row in UnitRowDecoder.unit(from: row, variants: variants[row.integer(UnitColumn.id.rawValue)] ?? []) }
    }
}
