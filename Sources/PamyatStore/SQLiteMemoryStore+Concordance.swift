import Foundation
import GRDB
import PamyatCore
import PamyatText

extension SQLiteMemoryStore {
    /// Substring search through the FTS5 trigram index (case-insensitive, Unicode case folding).
    ///
    /// The trigram tokenizer needs at least three characters; shorter queries fall back to a scan of
    /// that language's variants, folded the same way (slower, but correct).
    public func concordance(language: LanguageTag, text: String, limit: Int) throws -> [Int64] {
        let needle = Normalizer.canonical(text)
        guard !needle.isEmpty, limit > 0 else { return [] }
        return try reading { db in
            if needle.count >= 3 {
                // An FTS5 string: a phrase in double quotes, inner quotes doubled. Bound, never spliced.
                let phrase = "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT v.unit_id FROM variants_fts f JOIN variants v ON v.id = f.rowid
                    WHERE variants_fts MATCH ? AND (v.lang = ? OR v.lang LIKE ?)
                    ORDER BY v.unit_id DESC LIMIT ?
                    """, arguments: [phrase, language.identifier, language.identifier + "-%", limit])
            }
            let folded = Normalizer.foldCase(needle)
            var result: [Int64] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT unit_id, text FROM variants WHERE lang = ? OR lang LIKE ? ORDER BY unit_id DESC
                """, arguments: [language.identifier, language.identifier + "-%"])
            while let row = try cursor.next(), result.count < limit {
                let text: String = row[1]
                let id: Int64 = row[0]
                if Normalizer.foldCase(text).contains(folded), result.last != id { result.append(id) }
            }
            return result
        }
    }
}
