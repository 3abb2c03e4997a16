import Foundation
import PamyatCore
import PamyatMatch
import PamyatText

extension LookupService {
    /// The stored translations of the sources most similar to `request.text`, best first.
    ///
    /// Order: score (after each memory's penalty; 101 for an exact match in the same context), then
    /// earlier memory, then newer unit. Several stored translations of one source are all returned
    /// together, newest first, flagged `several-translations`; `limit` counts distinct sources.
    public func lookup(_ request: LookupRequest) throws -> [LookupMatch] {
        try FuzzyIndex.validate(query: request.text, minimum: request.minimum, limit: request.limit)
        guard !request.from.sharesLanguage(with: request.to) else {
            throw LookupError(.sameLanguage, "Look up from one language to another: both are '\(request.from.language)'.")
        }
        let memories = try selected(request.memory)
        for (_, memory) in memories { try memory.catchUp.beforeLookup(index: memory.index, store: memory.memory.store) }
        guard try memories.contains(where: { try $0.opened.index.holdsPair(request.from, request.to) }) else {
            let held = Set(try memories.flatMap { try $0.opened.index.pairs.keys }).sorted()
            throw LookupError(
                .unknownPair,
                "No memory holds \(request.from.language)→\(request.to.language) units"
                    + (held.isEmpty ? " (the memory is empty)." : "; they hold \(held.joined(separator: ", ")).")
                    + " Look up in a pair a memory holds.")
        }
        var groups: [Group] = []
        for (order, memory) in memories {
            let penalty = memory.memory.penalty
            guard request.minimum + penalty <= 101 else { continue }
            let (hits, querySide, sourceSides) = try memory.index.lookupExplained(
                request.text, from: request.from, to: request.to, minimum: min(100, request.minimum + penalty),
                limit: request.limit, exhaustive: request.exhaustive, similarWords: request.similarWords)
            guard !hits.isEmpty else { continue }
            let units = try memory.memory.store.units(ids: hits.flatMap(\.units))
            let byID = Dictionary(units.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
            for (rank, hit) in hits.enumerated() {
                let sides = querySide.map { (query: $0, source: sourceSides[rank]) }
                let matches = try hit.units.compactMap { byID[$0] }.compactMap { unit in
                    try match(unit, score: hit.score, request: request, memory: memory.memory, sides: sides)
                }
                let group = Group(matches: Self.ordered(matches), order: order, rank: rank)
                if !group.matches.isEmpty, group.best >= request.minimum { groups.append(group) }
            }
        }
        groups.sort { a, b in
            if a.best != b.best { return a.best > b.best }
            if a.order != b.order { return a.order < b.order }
            return a.rank < b.rank
        }
        return groups.prefix(request.limit).flatMap(\.matches).filter { $0.score >= request.minimum }
    }

    /// The matches of one source text in one memory.
    struct Group {
        var matches: [LookupMatch]
        var order: Int
        var rank: Int
        var best: Int { matches.first?.score ?? 0 }
    }

    /// One unit as a match: the explanation, the context bonus, number placeables, the penalty.
    /// `sides` are the query and the matched source as the index holds them; they explain the match
    /// when the unit has one variant in the source language (the one the index holds).
    private func match(
        _ unit: TranslationUnit, score: Int, request: LookupRequest, memory: Memory,
        sides: (query: TokenizedSide, source: TokenizedSide)?
    ) throws -> LookupMatch? {
        guard let source = unit.variant(in: request.from), let target = unit.variant(in: request.to) else { return nil }
        let comparison =
            if let sides, unit.variants.count(where: { $0.language.sharesLanguage(with: request.from) }) == 1 {
                explainer.compare(query: sides.query, source: sides.source)
            } else {
                try explainer.compare(query: request.text, source: source.text, language: request.from, similarWords: request.similarWords)
            }
        var raw = score
        var flags: [String] = []
        if score == 100, let previous = request.previous, let stored = unit.provenance.contextPrevious,
            !Normalizer.canonical(previous).isEmpty, Normalizer.canonical(previous) == Normalizer.canonical(stored)
        {
            raw = 101
            flags.append("context")
        }
        var text = target.text
        var adapted = false
        if let changes = comparison.numberChanges, !changes.isEmpty,
            let replaced = try explainer.adapt(target: target.text, language: request.to, changes: changes)
        {
            text = replaced
            adapted = true
            flags.append("adapted")
        }
        let final = max(0, raw - memory.penalty)
        if memory.penalty > 0 { flags.append("penalty") }
        return LookupMatch(
            score: final, source: source.text, target: text, unit: unit.id ?? 0, memory: memory.name,
            document: unit.provenance.documentID, date: unit.provenance.documentDate ?? Self.day(unit.changedAt),
            adapted: adapted, diff: comparison.operations, flags: flags, from: request.from, to: request.to,
            translations: 1, storedTarget: adapted ? target.text : nil, penalty: memory.penalty)
    }

    /// A group's matches: the context match first, then newest; one per distinct translation, all
    /// flagged when there are several.
    static func ordered(_ matches: [LookupMatch]) -> [LookupMatch] {
        // Most sources are held by one unit: nothing to order or flag.
        guard matches.count > 1 else { return matches }
        var seen = Set<String>()
        var result = matches.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
            return a.unit > b.unit
        }.filter { seen.insert($0.storedTarget ?? $0.target).inserted }
        if result.count > 1 {
            for index in result.indices {
                result[index].translations = result.count
                result[index].flags.append("several-translations")
            }
        }
        return result
    }

    /// `YYYY-MM-DD` of a date, in UTC.
    ///
    /// By arithmetic (days since 1970 to a civil date, Howard Hinnant's algorithm) rather than a
    /// `Calendar`: building a Gregorian calendar and time zone for every match cost more than the
    /// rest of the match on the server's hot path.
    static func day(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        // Not String(format:), which parses its format on every call.
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
