import Foundation
import GRDB
import PamyatCore

extension SQLiteMemoryStore {
    public func stats() throws -> MemoryStats {
        let (units, pairs, languages, documents) = try reading { db in
            let units = try Int.fetchOne(db, sql: "SELECT count(*) FROM units") ?? 0
            var pairs: [String: Int] = [:]
            // A pair is the unit's source language and one of its other languages: `ru-en`.
            for row in try Row.fetchAll(db, sql: """
                SELECT u.source_lang, v.lang, count(DISTINCT u.id) FROM units u
                JOIN variants v ON v.unit_id = u.id AND v.lang != u.source_lang
                GROUP BY u.source_lang, v.lang
                """) {
                pairs["\(row[0] as String)-\(row[1] as String)", default: 0] += row[2]
            }
            var languages: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT lang, count(*) FROM variants GROUP BY lang") {
                languages[row[0]] = row[1]
            }
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            return (units, pairs, languages, documents)
        }
        var size: Int64 = 0
        if location != ":memory:" {
            for suffix in ["", "-wal", "-shm"] {
                let attributes = try? FileManager.default.attributesOfItem(atPath: location + suffix)
                size += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return MemoryStats(units: units, pairs: pairs, languages: languages, documents: documents, fileSize: size)
    }

    public func unitCountsByDocument() throws -> [String: Int] {
        try reading { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT doc_id, count(*) FROM units WHERE doc_id IS NOT NULL GROUP BY doc_id") {
                counts[row[0] as String] = row[1]
            }
            return counts
        }
    }

    /// Runs SQLite's `PRAGMA integrity_check`; returns `["ok"]` for a sound file.
    public func integrityCheck() throws -> [String] {
        try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
