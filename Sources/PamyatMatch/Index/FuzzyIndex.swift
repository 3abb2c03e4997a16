import Foundation
import PamyatCore
import PamyatText

/// The fuzzy-match index of one memory: for every language, the distinct texts of its units with
/// word postings, and which units hold which languages.
///
/// Safe to share between tasks: lookups run in parallel under a read lock; ``add(unit:variants:)``
/// and ``remove(unit:)`` take the write lock. It is built from any ``MemoryStore`` and kept current
/// from the store's change log (see `FuzzyIndex+Store.swift`), or loaded from its cache file.
///
/// Languages are indexed by primary subtag: `en-GB` and `en-US` texts are both in `en`.
public final class FuzzyIndex: @unchecked Sendable {
    /// The longest query accepted, in UTF-8 bytes (a long paragraph is about 2,000).
    public static let maximumQueryBytes = 10_000

    // Everything below is read under `lock`'s read lock and written under its write lock.
    let lock = ReadWriteLock()
    var slots: [String: Int] = [:]
    var slotLanguages: [String] = []
    var indexes: [LanguageIndex] = []
    var units = UnitTable()
    /// How many units have each set of languages (for the language pairs a memory holds).
    var languageSets: [UInt64: Int] = [:]
    /// The store change sequence this index reflects (see `FuzzyIndex+Store.swift`).
    var sequence: Int64 = 0
    /// The store's ``MemoryStore/dataVersion()`` when the index last caught up with it.
    var seenDataVersion: Int64?

    let tokenizers = Pool<WordTokenizer> { language in
        do { return try WordTokenizer(language: LanguageTag(canonical: language)) } catch {
            throw MatchError(.tokenizer, "ICU cannot cut '\(language)' text into words: \(error)")
        }
    }
    let scratches = Pool<SearchScratch> { _ in SearchScratch() }
    /// Serialises catching up with a store, so two lookups never apply the same changes twice.
    let catchUpLock = NSLock()

    /// An empty index.
    public init() {}

    /// The number of units indexed.
    public var unitCount: Int { lock.withReadLock { units.count } }

    /// The store change sequence the index reflects.
    public var appliedSequence: Int64 { lock.withReadLock { sequence } }

    /// The primary languages of the indexed texts, sorted.
    public var languages: [String] { lock.withReadLock { slotLanguages.sorted() } }

    /// Whether some unit holds both `source` and `target` (by primary language).
    public func holdsPair(_ source: LanguageTag, _ target: LanguageTag) -> Bool {
        lock.withReadLock {
            guard let s = slots[source.language], let t = slots[target.language] else { return false }
            let both = UInt64(1) << UInt64(s) | UInt64(1) << UInt64(t)
            return languageSets.contains { $0.key & both == both && $0.value > 0 }
        }
    }

    /// The language pairs (`ru-en`, sorted within the pair) that some unit holds, with unit counts.
    public var pairs: [String: Int] {
        lock.withReadLock {
            var result: [String: Int] = [:]
            for (set, count) in languageSets where count > 0 {
                let present = (0..<slotLanguages.count).filter { set & (UInt64(1) << UInt64($0)) != 0 }.map { slotLanguages[$0] }.sorted()
                for i in present.indices {
                    for j in present.indices where j > i { result["\(present[i])-\(present[j])", default: 0] += count }
                }
            }
            return result
        }
    }

    /// A variant to index: its language and text.
    public struct Text: Sendable, Hashable {
        public var language: LanguageTag
        public var text: String

        public init(language: LanguageTag, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// Indexes `unit` with its variants, replacing what was indexed for it before.
    public func add(unit: Int64, variants: [Text]) throws {
        let tokenized = try tokenize(variants)
        lock.withWriteLock {
            removeLocked(unit: unit)
            insertLocked(unit: unit, tokenized: tokenized)
        }
    }

    /// Removes `unit` from the index (nothing happens when it is not there).
    public func remove(unit: Int64) {
        lock.withWriteLock { removeLocked(unit: unit) }
    }

    /// Tokenizes variants (outside the lock): primary language, canonical text's tokens.
    func tokenize(_ variants: [Text]) throws -> [(language: String, text: TokenizedText)] {
        try variants.map { variant in
            let language = variant.language.language
            let canonical = Normalizer.canonical(variant.text)
            let text = try tokenizers.with(language) { $0.tokenize(canonical) }
            return (language, text)
        }
    }

    /// Adds a unit's tokenized variants. Call with the write lock held.
    func insertLocked(unit: Int64, tokenized: [(language: String, text: TokenizedText)]) {
        var slot = UnitSlot()
        for (language, text) in tokenized {
            guard let index = slotLocked(for: language) else { continue }
            slot.languages |= UInt64(1) << UInt64(index)
            guard text.tokens.count <= PackedShape.largestCount else { continue }
            let matchTokens = indexes[index].vocabulary.internTokens(text)
            guard !matchTokens.isEmpty else { continue }
            let entry = indexes[index].insert(unit: unit, tokens: matchTokens)
            slot.add(slot: index, entry: entry)
        }
        units.set(unit, slot)
        languageSets[slot.languages & ~UnitSlot.presentBit, default: 0] += 1
    }

    /// Removes a unit. Call with the write lock held.
    func removeLocked(unit: Int64) {
        guard let slot = units.remove(unit) else { return }
        slot.forEachRef { index, entry in indexes[index].remove(unit: unit, from: entry) }
        let languages = slot.languages & ~UnitSlot.presentBit
        if let count = languageSets[languages] {
            languageSets[languages] = count > 1 ? count - 1 : nil
        }
    }

    /// The slot of a primary language, made when new (at most 63 languages: a unit's languages are
    /// bits of a 64-bit word). Call with the write lock held.
    func slotLocked(for language: String) -> Int? {
        if let slot = slots[language] { return slot }
        guard slotLanguages.count < 63 else { return nil }
        let slot = slotLanguages.count
        slots[language] = slot
        slotLanguages.append(language)
        indexes.append(LanguageIndex())
        return slot
    }
}
