import PamyatCore
import PamyatText
import PostgresNIO

extension PostgresMemoryStore {
    /// Substring search, case-insensitive with the same folding as the SQLite store (NFC, white
    /// space folded, Unicode case folding), newest units first.
    ///
    /// The language's variants are read newest first in batches and compared here, so the answer
    /// does not depend on the server's locale; a memory of millions of units pays a scan for a rare
    /// word (an index on the server, e.g. pg_trgm, is future work: docs/SCALING.md).
    public func concordance(language: LanguageTag, text: String, limit: Int) throws -> [Int64] {
        let needle = Normalizer.canonical(text)
        guard !needle.isEmpty, limit > 0 else { return [] }
        let folded = Normalizer.foldCase(needle)
        var result: [Int64] = []
        // Newest first, from the memory's last unit (other memories' later units are not scanned).
        guard let (_, last) = try unitIDRange() else { return [] }
        var beforeUnit = last + 1, beforeOrdinal = Int32.min
        let batch = 5_000
        while result.count < limit {
            var query = QueryBuilder("SELECT unit_id, ordinal, text FROM pamyat_variants WHERE memory_id = \(memoryID)")
            let exact = query.bind(language.identifier), prefix = query.bind(language.identifier + "-%")
            query.append(" AND (lang = \(exact) OR lang LIKE \(prefix))")
            query.append(" AND (unit_id, ordinal) < (\(query.bind(beforeUnit)), \(query.bind(beforeOrdinal)))")
            query.append(" ORDER BY unit_id DESC, ordinal DESC LIMIT \(batch)")
            let rows = try read(query.query)
            for row in rows {
                let (id, ordinal, text) = try decode(row, as: (Int64, Int32, String).self)
                (beforeUnit, beforeOrdinal) = (id, ordinal)
                if result.count < limit, result.last != id, Normalizer.foldCase(Normalizer.canonical(text)).contains(folded) {
                    result.append(id)
                }
            }
            if rows.count < batch { break }
        }
        return result
    }

    public func stats() throws -> MemoryStats {
        let units = try decode(read("SELECT count(*) FROM pamyat_units WHERE memory_id = \(memoryID)").first!, as: Int64.self)
        var pairs: [String: Int] = [:]
        // A pair is the unit's source language and one of its other languages: `ru-en`.
        for row in try read("""
            SELECT u.source_lang, v.lang, count(DISTINCT u.id) FROM pamyat_units u
            JOIN pamyat_variants v ON v.unit_id = u.id AND v.lang <> u.source_lang
            WHERE u.memory_id = \(memoryID)
            GROUP BY u.source_lang, v.lang
            """) {
            let (source, target, count) = try decode(row, as: (String, String, Int64).self)
            pairs["\(source)-\(target)", default: 0] += Int(count)
        }
        var languages: [String: Int] = [:]
        for row in try read("SELECT lang, variants FROM pamyat_languages WHERE memory_id = \(memoryID) AND variants > 0") {
            let (language, count) = try decode(row, as: (String, Int64).self)
            languages[language] = Int(count)
        }
        let documents = try decode(read("SELECT count(*) FROM pamyat_documents WHERE memory_id = \(memoryID)").first!, as: Int64.self)
        return MemoryStats(units: Int(units), pairs: pairs, languages: languages, documents: Int(documents), fileSize: 0)
    }

    public func unitCountsByDocument() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try read("""
            SELECT doc_id, count(*) FROM pamyat_units WHERE memory_id = \(memoryID) AND doc_id IS NOT NULL GROUP BY doc_id
            """) {
            let (document, count) = try decode(row, as: (String, Int64).self)
            counts[document] = Int(count)
        }
        return counts
    }
}
