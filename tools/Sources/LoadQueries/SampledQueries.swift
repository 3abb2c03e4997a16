import PamyatCore
import PamyatStore

/// The LOOKUP texts of the server benchmarks, shared by `pamyat-load --sample-from` (over the
/// network) and `pamyat-bench match-run --server-mix` (in one process), so both time the same
/// queries: up to `count` Russian variants of the memory, chosen by reservoir sampling with a fixed
/// seed, every other one with its last word dropped (half the lookups exact, half fuzzy).
public func sampledQueries(from store: SQLiteMemoryStore, count: Int = 2000) throws -> [String] {
    var sample: [String] = []
    var seen = 0
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    try store.forEachVariant(in: LanguageTag(canonical: "ru")) { variant in
        seen += 1
        if sample.count < count {
            sample.append(variant.text)
        } else {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let slot = Int(state % UInt64(seen))
            if slot < count { sample[slot] = variant.text }
        }
    }
    return sample.enumerated().map { index, text in
        guard index % 2 == 1 else { return text }
        let words = text.split(separator: " ")
        return words.count > 3 ? words.dropLast().joined(separator: " ") : text
    }
}
