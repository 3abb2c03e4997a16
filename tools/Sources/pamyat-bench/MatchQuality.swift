import Foundation
import PamyatCore
import PamyatMatch

/// The match-quality benchmark: a seeded memory of English UI strings and Russian sentences, queries
/// made from stored sentences by typos, ending changes and words added, dropped or replaced until
/// their character similarity to the origin (1 − Levenshtein / longer length) is about 90, 80 or 70,
/// and unrelated queries. Reports, per band, how often the origin is in the top 5, and how many
/// unrelated queries get a match ≥ 70.
///
///   pamyat-bench match-quality [UNITS] [--seed S] [--minimum M] [--queries Q] [--check] [--misses N]
///
/// `--check` also runs every query exhaustively and counts results that differ from the index's.
/// `--misses N` prints the first N band queries whose origin is not in the top 5: the origin's
/// score and rank (looked up again with a limit of 200) and the texts that outranked it.
enum MatchQuality {
    static let entry = Benchmark(name: "match-quality", summary: "top-5 recall of typo/inflection queries by similarity band") { arguments in
        var size = 100_000
        var seed: UInt64 = 1
        var minimum = 50
        var queryCount = 1000
        var check = false
        var similar = false
        var misses = 0
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--seed": index += 1; seed = UInt64(arguments[index]) ?? 1
            case "--minimum": index += 1; minimum = Int(arguments[index]) ?? 50
            case "--queries": index += 1; queryCount = Int(arguments[index]) ?? 1000
            case "--check": check = true
            case "--similar-words": similar = true
            case "--misses": index += 1; misses = Int(arguments[index]) ?? 0
            default: size = Int(arguments[index]) ?? size
            }
            index += 1
        }
        print("match-quality: similar words \(similar ? "on" : "off (give --similar-words to turn them on)")")
        try run(size: size, seed: seed, minimum: minimum, queryCount: queryCount, check: check, similar: similar, misses: misses)
    }

    struct Query {
        var text: String
        var russian: Bool
        /// The origin's text, or `nil` for an unrelated query.
        var origin: String?
        var band: Int
        var similarity: Double
    }

    static func run(size: Int, seed: UInt64, minimum: Int, queryCount: Int, check: Bool, similar: Bool, misses: Int = 0) throws {
        let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en")
        var corpus = QualityCorpus(seed: seed)
        let index = FuzzyIndex()
        var sources: [Int64: String] = [:]
        var stored: [(String, Bool)] = []
        var seen = Set<String>()
        let start = Date()
        for unit in 1...Int64(size) {
            let russian = corpus.chance(50)
            var text = russian ? corpus.russian() : corpus.english()
            if !russian && corpus.chance(3) {
                let rule = corpus.pick(["-------", "*****", "=========", "# # #", "_____"])
                text = "\(rule) \(text.dropLast()) \(rule)"
            }
            sources[unit] = text
            if seen.insert(text).inserted { stored.append((text, russian)) }
            try index.add(unit: unit, variants: [
                FuzzyIndex.Text(language: russian ? ru : en, text: text),
                FuzzyIndex.Text(language: russian ? en : ru, text: "⟦\(unit)⟧"),
            ])
        }
        let buildSeconds = Date().timeIntervalSince(start)

        // Queries: a third of the band queries per band, then 150 unrelated ones.
        var maker = QualityCorpus(seed: seed &+ 1_000_003)
        var queries: [Query] = []
        let bands = [90, 80, 70]
        for number in 0..<queryCount {
            let band = bands[number % 3]
            while true {
                let (origin, russian) = stored[maker.below(stored.count)]
                var made: String?
                var similarity = 0.0
                for _ in 0..<20 {
                    var words = origin.split(separator: " ").map(String.init)
                    var text = origin
                    for _ in 0..<60 {
                        maker.edit(&words, russian: russian)
                        text = words.joined(separator: " ")
                        similarity = characterSimilarity(text, origin)
                        if similarity <= Double(band + 3) / 100 { break }
                    }
                    if similarity >= Double(band - 3) / 100 && similarity <= Double(band + 3) / 100 && !seen.contains(text) {
                        made = text
                        break
                    }
                }
                if let made {
                    queries.append(Query(text: made, russian: russian, origin: origin, band: band, similarity: similarity))
                    break
                }
            }
        }
        var unrelated = QualityCorpus(seed: seed &+ 7_777)
        let vocabulary = QualityCorpus.enNouns + QualityCorpus.enAdjectives + QualityCorpus.ruNouns.map { $0.0 + $0.2[0] }
            + QualityCorpus.ruAdjectives.map { $0 + "ый" } + QualityCorpus.ruVerbs
        for number in 0..<150 {
            var words = (0..<(3 + unrelated.below(10))).map { _ in unrelated.pick(vocabulary) }
            if number % 5 == 0 {
                let rule = unrelated.pick(["-------", "*****", "=========", "# # #", "_____"])
                words = [rule] + words.prefix(2) + [rule]
            }
            let text = words.joined(separator: " ").firstUppercased
            guard !seen.contains(text) else { continue }
            queries.append(Query(text: text, russian: unrelated.chance(50), origin: nil, band: 0, similarity: 0))
        }

        // Lookups.
        var found: [Int: Int] = [:]
        var total: [Int: Int] = [:]
        var unrelatedMatched = 0
        var unrelatedTotal = 0
        var differing = 0
        var missesShown = 0
        var missedRanks: [String: Int] = [:]
        var times: [Double] = []
        for query in queries {
            let from = query.russian ? ru : en, to = query.russian ? en : ru
            let begin = DispatchTime.now().uptimeNanoseconds
            let hits = try index.lookup(
                query.text, from: from, to: to, minimum: query.origin == nil ? 70 : minimum, limit: 5, similarWords: similar)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
            if check {
                let scanned = try index.lookup(
                    query.text, from: from, to: to, minimum: query.origin == nil ? 70 : minimum, limit: 5, exhaustive: true,
                    similarWords: similar)
                if scanned != hits { differing += 1 }
            }
            if let origin = query.origin {
                total[query.band, default: 0] += 1
                if hits.contains(where: { hit in hit.units.contains { sources[$0] == origin } }) {
                    found[query.band, default: 0] += 1
                } else if misses > 0 {
                    // Where the origin ranks, and what outranks it.
                    let wide = try index.lookup(query.text, from: from, to: to, minimum: 40, limit: 200, similarWords: similar)
                    let rank = wide.firstIndex { hit in hit.units.contains { sources[$0] == origin } }
                    let originScore = rank.map { wide[$0].score }
                    let tied = originScore.map { score in wide.filter { $0.score == score }.count } ?? 0
                    let kind = rank == nil ? "not in 200 at ≥ 40" : rank! < 5 ? "below the minimum" : wide[4].score > originScore! ? "outscored" : "tie lost"
                    missedRanks["~\(query.band) \(kind)", default: 0] += 1
                    // Would a ranking by characters (rapidfuzz's ratio) have found it? Not when five
                    // other texts among the 200 are at least as close to the query by characters.
                    let closer = wide.filter { hit in
                        guard let text = hit.units.first.flatMap({ sources[$0] }), text != origin else { return false }
                        return characterSimilarity(query.text, text) >= query.similarity
                    }.count
                    if closer >= 5 { missedRanks["~\(query.band) also missed by characters", default: 0] += 1 }
                    if missesShown < misses {
                        missesShown += 1
                        print("  miss ~\(query.band) (\(String(format: "%.2f", query.similarity))): origin score \(originScore.map(String.init) ?? "-") rank \(rank.map { String($0 + 1) } ?? "-") (\(tied) at that score)")
                        print("    query:  \(query.text)")
                        print("    origin: \(origin)")
                        for hit in wide.prefix(3) { print("    \(hit.score): \(sources[hit.units[0]] ?? "")") }
                    }
                }
            } else {
                unrelatedTotal += 1
                if !hits.isEmpty {
                    unrelatedMatched += 1
                    if unrelatedMatched <= 3 {
                        print("  unrelated \(hits[0].score): \(query.text)  ~  \(sources[hits[0].units[0]] ?? "")")
                    }
                }
            }
        }
        print(String(format: "match-quality: %d units (seed %llu), index built in %.1f s; %d band queries, top 5 at minimum %d",
                     size, seed, buildSeconds, queries.count - unrelatedTotal, minimum))
        for band in bands {
            let hit = found[band, default: 0], all = total[band, default: 0]
            print(String(format: "match-quality: band ~%d: origin in top 5 for %d of %d = %.3f", band, hit, all, Double(hit) / Double(max(all, 1))))
        }
        print("match-quality: unrelated queries with a match ≥ 70: \(unrelatedMatched) of \(unrelatedTotal)")
        if misses > 0 {
            print("match-quality: misses by kind: " + missedRanks.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        let sorted = times.sorted()
        print(String(format: "match-quality: lookup median %.3f ms, p99 %.3f ms", MatchBenchmark.percentile(sorted, 50), MatchBenchmark.percentile(sorted, 99)))
        if check { print("match-quality: indexed results differing from the exhaustive scan: \(differing) of \(queries.count)") }
    }
}
