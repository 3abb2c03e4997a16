import Foundation
import GRDB
import GRDBSQLite
import PamyatCore

/// The columns of `units` a unit is read from. The SELECT list is made from this enum
/// (``selectList``) and every reader decodes by its positions, so the list and the positions cannot
/// disagree; `UnitRowDecoderTests` checks the names against the real schema.
enum UnitColumn: Int32, CaseIterable {
    case id, sourceLanguage, origin, externalID, documentID, documentTitle, documentDate, position, confidence
    case contextPrevious, contextNext, createdAt, changedAt, createdBy, changedBy, extra

    /// The column's name in the `units` table.
    var name: String {
        switch self {
        case .id: "id"
        case .sourceLanguage: "source_lang"
        case .origin: "origin"
        case .externalID: "external_id"
        case .documentID: "doc_id"
        case .documentTitle: "doc_title"
        case .documentDate: "doc_date"
        case .position: "position"
        case .confidence: "confidence"
        case .contextPrevious: "context_prev"
        case .contextNext: "context_next"
        case .createdAt: "created_at"
        case .changedAt: "changed_at"
        case .createdBy: "created_by"
        case .changedBy: "changed_by"
        case .extra: "extra"
        }
    }

    /// `id, source_lang, …`: what a reader SELECTs, in this enum's order.
    static let selectList = allCases.map(\.name).joined(separator: ", ")
}

/// The columns of `variants` a variant is read from, in the order of ``selectList``.
enum VariantColumn: Int32, CaseIterable {
    case unitID, language, text, markup, extra

    /// The column's name in the `variants` table.
    var name: String {
        switch self {
        case .unitID: "unit_id"
        case .language: "lang"
        case .text: "text"
        case .markup: "markup"
        case .extra: "extra"
        }
    }

    static let selectList = allCases.map(\.name).joined(separator: ", ")
}

/// One result row, however it was read (a GRDB `Row`, a statement of SQLite's C API), by position.
protocol ResultColumns {
    func text(_ position: Int32) -> String?
    func integer(_ position: Int32) -> Int64
    func real(_ position: Int32) -> Double?
}

/// Builds units and variants from rows selected with ``UnitColumn/selectList`` and
/// ``VariantColumn/selectList``: the one decoder of both readers. Generic, not existential, so each
/// reader gets its own specialised copy (no dynamic dispatch per column).
enum UnitRowDecoder {
    static func variant<Row: ResultColumns>(from row: Row) -> Variant {
        let extra = StoredExtra.decode(row.text(VariantColumn.extra.rawValue))
        return Variant(
            language: LanguageTag(canonical: row.text(VariantColumn.language.rawValue) ?? ""),
            text: row.text(VariantColumn.text.rawValue) ?? "", markup: row.text(VariantColumn.markup.rawValue),
            properties: extra.properties ?? [], notes: extra.notes ?? [], attributes: extra.attributes ?? [:])
    }

    static func unit<Row: ResultColumns>(from row: Row, variants: [Variant]) -> TranslationUnit {
        func text(_ column: UnitColumn) -> String? { row.text(column.rawValue) }
        let extra = StoredExtra.decode(text(.extra))
        return TranslationUnit(
            id: row.integer(UnitColumn.id.rawValue), sourceLanguage: LanguageTag(canonical: text(.sourceLanguage) ?? ""),
            variants: variants, origin: Origin(rawValue: text(.origin) ?? "") ?? .imported,
            provenance: Provenance(
                documentID: text(.documentID), documentTitle: text(.documentTitle), documentDate: text(.documentDate),
                position: text(.position), confidence: row.real(UnitColumn.confidence.rawValue),
                contextPrevious: text(.contextPrevious), contextNext: text(.contextNext)),
            externalID: text(.externalID), createdAt: Date(storedSeconds: row.integer(UnitColumn.createdAt.rawValue)),
            changedAt: Date(storedSeconds: row.integer(UnitColumn.changedAt.rawValue)), createdBy: text(.createdBy),
            changedBy: text(.changedBy), properties: extra.properties ?? [], notes: extra.notes ?? [],
            attributes: extra.attributes ?? [:])
    }
}

extension Row: ResultColumns {
    func text(_ position: Int32) -> String? { self[Int(position)] }
    func integer(_ position: Int32) -> Int64 { self[Int(position)] }
    func real(_ position: Int32) -> Double? { self[Int(position)] }
}

/// The current row of a stepped statement of SQLite's C API.
struct StatementColumns: ResultColumns {
    let statement: OpaquePointer

    /// Column `position` as text (SQLite converts numbers), `nil` for NULL.
    func text(_ position: Int32) -> String? {
        guard sqlite3_column_type(statement, position) != SQLITE_NULL, let bytes = sqlite3_column_text(statement, position) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, position))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func integer(_ position: Int32) -> Int64 { sqlite3_column_int64(statement, position) }

    func real(_ position: Int32) -> Double? {
        sqlite3_column_type(statement, position) == SQLITE_NULL ? nil : sqlite3_column_double(statement, position)
    }
}
