import Foundation
import GRDB
import PamyatCore
@testable import PamyatStore
import Testing

/// The one decoder of unit and variant rows, checked against the real schema of a new memory.
@Suite struct UnitRowDecoderTests {
    /// The columns of `table` in a memory created by the migrations.
    static func columns(of table: String) throws -> Set<String> {
        let folder = try TemporaryFolder()
        _ = try SQLiteMemoryStore(path: folder.path("m.sqlite"))
        return try DatabaseQueue(path: folder.path("m.sqlite")).read { db in
            Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String })
        }
    }

    @Test func everyUnitColumnIsInTheSchemaAndEveryStoredColumnIsDecoded() throws {
        let schema = try Self.columns(of: "units")
        let decoded = Set(UnitColumn.allCases.map(\.name))
        #expect(decoded.subtracting(schema).isEmpty, "the decoder reads columns the table lacks: \(decoded.subtracting(schema))")
        #expect(schema.subtracting(decoded) == ["content_hash"], "a column the decoder ignores: \(schema.subtracting(decoded))")
        #expect(UnitColumn.allCases.map(\.rawValue) == Array(0..<Int32(UnitColumn.allCases.count)), "positions are the SELECT list's")
    }

    @Test func everyVariantColumnIsInTheSchema() throws {
        let schema = try Self.columns(of: "variants")
        let decoded = Set(VariantColumn.allCases.map(\.name))
        #expect(decoded.subtracting(schema).isEmpty, "\(decoded.subtracting(schema))")
        #expect(schema.subtracting(decoded) == ["id", "ordinal", "normalized"], "\(schema.subtracting(decoded))")
    }

    @Test func rowsAreDecodedByNameNotByTheTablesOrder() throws {
        // The SELECT list is the enum's; the table's own column order does not matter. A row read
        // with the list, then its values looked up by name, must give what the decoder gives.
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE units (extra TEXT, changed_by TEXT, created_by TEXT, changed_at INTEGER, created_at INTEGER,
                    context_next TEXT, context_prev TEXT, confidence REAL, position TEXT, doc_date TEXT, doc_title TEXT,
                    doc_id TEXT, external_id TEXT, origin TEXT, source_lang TEXT, id INTEGER PRIMARY KEY);
                INSERT INTO units VALUES (NULL, 'boris', 'anna', 1700000100, 1700000000, 'После.', 'До.', 0.75, '3-4',
                    '2024-02-10', 'Заголовок', 'doc', 'tu-1', 'aligned', 'ru', 7);
                """)
        }
        let unit = try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT \(UnitColumn.selectList) FROM units"))
            return UnitRowDecoder.unit(from: row, variants: [])
        }
        #expect(unit.id == 7 && unit.sourceLanguage.identifier == "ru" && unit.origin == .aligned && unit.externalID == "tu-1")
        #expect(unit.provenance == Provenance(
            documentID: "doc", documentTitle: "Заголовок", documentDate: "2024-02-10", position: "3-4", confidence: 0.75,
            contextPrevious: "До.", contextNext: "После."))
        #expect(unit.createdBy == "anna" && unit.changedBy == "boris")
        #expect(unit.createdAt == Date(timeIntervalSince1970: 1_700_000_000) && unit.changedAt == Date(timeIntervalSince1970: 1_700_000_100))
    }
}
