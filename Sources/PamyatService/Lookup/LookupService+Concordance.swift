import PamyatCore
import PamyatMatch
import PamyatText

extension LookupService {
    /// The longest concordance search text, in UTF-8 bytes.
    public static let maximumConcordanceBytes = 1_000

    /// Every unit (up to `limit`) whose text in `request.language` contains `request.text`, case
    /// insensitive (a word, a phrase or part of a word), newest first, memory by memory; through each
    /// store's own substring index (SQLite FTS5 with the trigram tokenizer).
    public func concordance(_ request: ConcordanceRequest) throws -> [ConcordanceHit] {
        let needle = Normalizer.canonical(request.text)
        guard !needle.isEmpty else { throw LookupError(.badText, "The text to search for is empty.") }
        guard needle.utf8.count <= Self.maximumConcordanceBytes else {
            throw LookupError(.badText, "The text to search for is \(needle.utf8.count) bytes long; the most is \(Self.maximumConcordanceBytes).")
        }
        guard request.limit >= 1 else { throw LookupError(.badOption, "The limit must be at least 1, not \(request.limit).") }
        if let to = request.to, to.sharesLanguage(with: request.language) {
            throw LookupError(.sameLanguage, "Give a translation language other than '\(to.language)', the language searched.")
        }
        var hits: [ConcordanceHit] = []
        for (_, memory) in try selected(request.memory) {
            guard hits.count < request.limit else { break }
            let store = memory.memory.store
            // With --to, units without that language are skipped: ask for more than needed.
            let wanted = request.limit - hits.count
            let ids = try store.concordance(language: request.language, text: needle, limit: request.to == nil ? wanted : wanted * 5 + 20)
            for unit in try store.units(ids: ids) {
                guard hits.count < request.limit, let variant = unit.variant(in: request.language) else { continue }
                let translations = unit.variants.filter { variant in
                    guard !variant.language.sharesLanguage(with: request.language) else { return false }
                    return request.to.map { variant.language.sharesLanguage(with: $0) } ?? true
                }
                guard request.to == nil || !translations.isEmpty else { continue }
                let text = Normalizer.canonical(variant.text)
                hits.append(ConcordanceHit(
                    unit: unit.id ?? 0, memory: memory.memory.name, document: unit.provenance.documentID,
                    date: unit.provenance.documentDate ?? Self.day(unit.changedAt), language: variant.language, text: text,
                    highlights: Highlighter.ranges(of: needle, in: text),
                    translations: translations.map { ConcordanceHit.Translation(language: $0.language, text: $0.text) }))
            }
        }
        return hits
    }
}
