import Foundation
import PamyatText

/// The fuzzy index of one language: every distinct source text (an *entry*: texts equal after NFC
/// and white-space folding share one) as token ids, the units that hold it, and postings from
/// case-folded words and from numbers to entries.
///
/// Layout (compact for a million units): all entries' tokens in one flat `[UInt32]` (surface id
/// shifted left, bit 0 = white space before) with offsets, shapes packed one word per entry, and the
/// postings, exact-text hashes and shape groups each as one compact base plus small growing parts
/// for what was added since (``PostingLists``, ``ExactTexts``, ``ShapeBuckets``), folded together
/// by ``compact()``. Entries are only ever appended; an entry whose units are all gone is *dead*
/// (skipped) and comes back to life if its text is stored again.
///
/// A class, not a struct: a lookup's closures captured the struct by copying it, which retained
/// and released each of its arrays on every lookup. ``FuzzyIndex``'s lock guards it.
final class LanguageIndex: @unchecked Sendable {
    static let noUnit = Int64.min

    init() {}

    var vocabulary = Vocabulary()
    /// The vocabulary's word keys by segments (``SimilarWords``), for the words similar to a query's. Built
    /// only for lookups with similar words on (``ensureSimilarWords()``): lookups without them
    /// neither build nor read it.
    var similar = SimilarWords()
    /// Serialises bringing ``similar`` up to date under the index's read lock.
    let similarLock = NSLock()
    /// The similar keys found for query words, kept between lookups (see ``NeighbourCache``).
    let neighbourCache = NeighbourCache()
    /// `tokens[tokenStarts[e]..<tokenStarts[e + 1]]` are entry `e`'s tokens.
    var tokenStarts: [UInt32] = [0]
    var tokens: [UInt32] = []
    /// Per entry: token, word-or-number and number counts and whether it is dead, packed in one
    /// word (see ``PackedShape``) so that the filters read one array.
    var packedShapes: [UInt64] = []
    /// Per entry: one bit (``signatureBit(_:)``) per word or number key it holds, so that the
    /// search can bound how much of the query's commonest keys an entry can share without reading
    /// its tokens (a bit may stand for several keys: it only ever overestimates).
    var signatures: [UInt64] = []
    /// Per entry: its first unit (``noUnit`` when dead); further units in `moreUnits`.
    var firstUnit: [Int64] = []
    var moreUnits: [UInt32: [Int64]] = [:]
    /// Entries by the hash of their token sequence.
    var exact = ExactTexts()
    /// By key id: the entries holding that word or number key, ascending, as ``Posting``s (the
    /// entry's shape beside its id).
    var postings = PostingLists()
    /// Entries by shape, for the shapes a query can match without sharing a word.
    var shapes = ShapeBuckets()
    /// Entries with at least one unit.
    var liveEntries = 0

    var entryCount: Int { firstUnit.count }

    func isLive(_ entry: UInt32) -> Bool { firstUnit[Int(entry)] != Self.noUnit }

    /// The units holding `entry`'s text (unordered).
    func units(of entry: UInt32) -> [Int64] {
        let first = firstUnit[Int(entry)]
        guard first != Self.noUnit else { return [] }
        if let more = moreUnits[entry] { return [first] + more }
        return [first]
    }

    /// Calls `body` with each unit of `entry`.
    @inline(__always)
    func forEachUnit(of entry: UInt32, _ body: (Int64) -> Void) {
        let first = firstUnit[Int(entry)]
        guard first != Self.noUnit else { return }
        body(first)
        if let more = moreUnits[entry] { for unit in more { body(unit) } }
    }

    /// The entry whose token sequence is `encoded`, if any.
    func entry(encoded: [UInt32], hash: UInt64) -> UInt32? {
        exact.find(hash) { sameTokens($0, encoded) }
    }

    private func sameTokens(_ entry: UInt32, _ encoded: [UInt32]) -> Bool {
        let start = Int(tokenStarts[Int(entry)])
        let end = Int(tokenStarts[Int(entry) + 1])
        guard end - start == encoded.count else { return false }
        var index = start
        for token in encoded {
            if tokens[index] != token { return false }
            index += 1
        }
        return true
    }

    /// Adds `unit` as a holder of the text tokenized as `matchTokens`; returns the entry.
    func insert(unit: Int64, tokens matchTokens: [MatchToken]) -> UInt32 {
        let encoded = Self.encode(matchTokens)
        let hash = Self.hash(encoded)
        if let entry = entry(encoded: encoded, hash: hash) {
            addUnit(unit, to: entry)
            return entry
        }
        let entry = UInt32(entryCount)
        tokens.append(contentsOf: encoded)
        tokenStarts.append(UInt32(tokens.count))
        let shape = Shape(matchTokens)
        packedShapes.append(PackedShape.pack(shape))
        signatures.append(Self.signature(matchTokens))
        firstUnit.append(unit)
        liveEntries += 1
        exact.insert(hash, entry)
        let posting = Posting.make(entry: entry, shape: shape)
        for token in matchTokens where token.kind.isHeavy {
            // Entries are appended in order, so a list already holding `entry` ends with it.
            if postings.last(token.key) != posting { postings.append(token.key, posting) }
        }
        shapes.insert(shape, entry)
        return entry
    }

    /// Brings ``similar`` up to the vocabulary (the first lookup with similar words after keys were
    /// added pays for adding them). Called under the index's read lock: the vocabulary cannot change
    /// meanwhile, and a lookup reads ``similar`` only after this returned.
    func ensureSimilarWords() {
        similarLock.lock()
        defer { similarLock.unlock() }
        if similar.count < vocabulary.keyCount { updateSimilarWords() }
    }

    /// Adds the vocabulary's keys that ``similar`` does not hold yet.
    private func updateSimilarWords() {
        let keys = vocabulary.keys
        if similar.count < keys.count { neighbourCache.removeAll() }
        while similar.count < keys.count {
            let key = similar.count
            similar.append(key: keys.string(key), isWord: keys.kinds[key] == TokenKind.word.rawValue)
        }
        // Few keys come after the first build; fold them in once they are a fair share (the cost is
        // linear in the lists, so it stays a small part of the additions' own cost).
        if similar.recentCount * 8 > similar.count { similar.compact() }
    }

    private func addUnit(_ unit: Int64, to entry: UInt32) {
        let first = firstUnit[Int(entry)]
        if first == Self.noUnit {
            firstUnit[Int(entry)] = unit
            packedShapes[Int(entry)] &= ~PackedShape.deadBit
            liveEntries += 1
        } else if first != unit {
            if var more = moreUnits[entry] {
                guard !more.contains(unit) else { return }
                more.append(unit)
                moreUnits[entry] = more
            } else {
                moreUnits[entry] = [unit]
            }
        }
    }

    /// Removes `unit` from `entry`; the entry dies with its last unit.
    func remove(unit: Int64, from entry: UInt32) {
        let index = Int(entry)
        if firstUnit[index] == unit {
            if var more = moreUnits[entry], !more.isEmpty {
                firstUnit[index] = more.removeFirst()
                moreUnits[entry] = more.isEmpty ? nil : more
            } else {
                firstUnit[index] = Self.noUnit
                packedShapes[index] |= PackedShape.deadBit
                liveEntries -= 1
            }
        } else if var more = moreUnits[entry], let position = more.firstIndex(of: unit) {
            more.remove(at: position)
            moreUnits[entry] = more.isEmpty ? nil : more
        }
    }

    /// Folds what was added since the last compaction into the compact parts.
    func compact() {
        let packed = packedShapes
        postings.compact(keyCount: vocabulary.keyCount) { PostingLists.band(heavy: PackedShape.heavy(packed[Int($0)])) }
        exact.compact()
        shapes.compact()
    }

    /// The signature bit of key `key`: a multiplicative hash of the key id to one of 64 bits.
    @inline(__always)
    static func signatureBit(_ key: UInt32) -> UInt64 {
        UInt64(1) << ((UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The signature of a text tokenized as `matchTokens`: the bits of its word and number keys.
    static func signature(_ matchTokens: [MatchToken]) -> UInt64 {
        var bits: UInt64 = 0
        for token in matchTokens where token.kind.isHeavy { bits |= signatureBit(token.key) }
        return bits
    }

    /// Token i of an entry: surface id and white-space flag packed.
    @inline(__always)
    static func encode(_ token: MatchToken) -> UInt32 { token.surface << 1 | (token.spaceBefore ? 1 : 0) }

    static func encode(_ matchTokens: [MatchToken]) -> [UInt32] { matchTokens.map(encode) }

    /// FNV-1a over the encoded tokens (stable across runs, unlike `Hasher`).
    static func hash<Tokens: Collection<UInt32>>(_ encoded: Tokens) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for token in encoded {
            value = (value ^ UInt64(token)) &* 0x0000_0100_0000_01b3
        }
        return value ^ UInt64(encoded.count)
    }

    /// The texts of `tokens`' surfaces. Reads the vocabulary's arrays in place: a method call on
    /// `vocabulary` per token copied the whole struct (a dozen retains and releases each time).
    func surfaceTexts(of tokens: [MatchToken]) -> [String] {
        vocabulary.surfaces.bytes.withUnsafeBufferPointer { bytes in
            vocabulary.surfaces.offsets.withUnsafeBufferPointer { offsets in
                tokens.map { token in
                    let id = Int(token.surface)
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(offsets[id])..<Int(offsets[id + 1])]), as: UTF8.self)
                }
            }
        }
    }

    /// Entry `e`'s tokens decoded into `buffer` (reused).
    @inline(__always)
    func decode(_ entry: UInt32, into buffer: inout [MatchToken]) {
        let start = Int(tokenStarts[Int(entry)])
        let end = Int(tokenStarts[Int(entry) + 1])
        buffer.removeAll(keepingCapacity: true)
        vocabulary.surfaceKeys.withUnsafeBufferPointer { keys in
            vocabulary.surfaceKinds.withUnsafeBufferPointer { kinds in
                vocabulary.surfaceDecorations.withUnsafeBufferPointer { decorations in
                    tokens.withUnsafeBufferPointer { all in
                        for index in start..<end {
                            let packed = all[index]
                            let surface = packed >> 1
                            buffer.append(
                                MatchToken(
                                    surface: surface, key: keys[Int(surface)], kind: kinds[Int(surface)],
                                    spaceBefore: packed & 1 == 1, decoration: decorations[Int(surface)]))
                        }
                    }
                }
            }
        }
    }
}
