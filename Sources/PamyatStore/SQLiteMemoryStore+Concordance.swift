import Foundation
import GRDB
import PamyatCore
import PamyatText

extension SQLiteMemoryStore {
    /// Substring search through the FTS5 trigram index (case-insensitive, Unicode case folding).
    ///
    /// The index is brought up to date first (variants stored since the last query are indexed in
    /// one write transaction), so results are never stale. A read-only memory cannot be indexed: its
    /// not-yet-indexed variants are scanned instead. The trigram tokenizer needs at least three
    /// characters; shorter queries scan that language's variants, folded the same way.
    public func concordance(language: LanguageTag, text: String, limit: Int) throws -> [Int64] {
        let needle = Normalizer.canonical(text)
        guard !needle.isEmpty, limit > 0 else { return [] }
        if !isReadOnly { try updateConcordanceIndex() }
        let folded = Normalizer.foldCase(needle)
        let languageArguments: StatementArguments = [language.identifier, language.identifier + "-%"]
        return try reading { db in
            var result: [Int64] = []
            func collect(_ cursor: RowCursor) throws {
                while let row = try cursor.next(), result.count < limit {
                    let text: String = row[1]
                    let id: Int64 = row[0]
                    if result.last != id, Normalizer.foldCase(Normalizer.canonical(text)).contains(folded) { result.append(id) }
                }
            }
            let scalars = Array(folded.unicodeScalars)
            guard scalars.count >= 3 else {
                try collect(Row.fetchCursor(db, sql: """
                    SELECT unit_id, text FROM variants WHERE lang = ? OR lang LIKE ? ORDER BY unit_id DESC
                    """, arguments: languageArguments))
                return result
            }
            let indexed = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fts_indexed_through'") ?? 0
            // Newest first: the not-yet-indexed tail (only on read-only memories) comes before the index.
            try collect(Row.fetchCursor(db, sql: """
                SELECT unit_id, text FROM variants WHERE id > ? AND (lang = ? OR lang LIKE ?) ORDER BY unit_id DESC
                """, arguments: [indexed] + languageArguments))
            // Every trigram of the needle, each an FTS5 string (double quotes, inner quotes doubled),
            // ANDed: detail=none has no positions, so no phrase queries; the variants holding every
            // trigram are a superset that `collect` confirms against the text. Bound, never spliced.
            let trigrams = Set((0...(scalars.count - 3)).map { String(String.UnicodeScalarView(scalars[$0..<$0 + 3])) })
            let query = trigrams.sorted().map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND ")
            try collect(Row.fetchCursor(db, sql: """
                SELECT v.unit_id, v.text FROM variants_fts f JOIN variants v ON v.id = f.rowid
                WHERE variants_fts MATCH ? AND (v.lang = ? OR v.lang LIKE ?)
                ORDER BY v.unit_id DESC
                """, arguments: [query] + languageArguments))
            return result
        }
    }

    /// How many variants the concordance index has yet to take in.
    public func pendingConcordanceVariants() throws -> Int {
        try reading { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM variants WHERE id > (SELECT value FROM meta WHERE key = 'fts_indexed_through')
                """) ?? 0
        }
    }

    /// Indexes the variants stored since the last update, in one transaction.
    public func updateConcordanceIndex() throws {
        guard try pendingConcordanceVariants() > 0 else { return }
        do {
            try writer.write { db in
                // Re-read inside the transaction: another process may have done it meanwhile.
                let indexed = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fts_indexed_through'") ?? 0
                guard let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM variants"), latest > indexed else { return }
                try db.execute(sql: """
                    INSERT INTO variants_fts(rowid, text) SELECT id, text FROM variants WHERE id > ? ORDER BY id
                    """, arguments: [indexed])
                try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'fts_indexed_through'", arguments: [latest])
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: location)
        }
    }
}
