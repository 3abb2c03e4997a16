/// Interned byte strings (UTF-8 token texts) with a kind, as dense ids: one byte arena, offsets,
/// and an open-addressing hash table of ids.
///
/// Hand-written rather than a `[String: UInt32]`: Swift hashes and compares `String` keys through
/// Unicode normalisation (token texts are NFC already), and a lookup would need a `String` made
/// from each token's bytes; this table hashes and compares the bytes in place, which makes building
/// a million-unit index and loading its cache markedly faster.
struct ByteInterner: Sendable {
    /// `bytes[offsets[id]..<offsets[id + 1]]` is string `id`.
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0]
    private(set) var kinds: [UInt8] = []
    private var hashes: [UInt64] = []
    /// 0 for an empty slot, else the hash's high 32 bits above id + 1 (so that most probes are
    /// settled without touching the strings). The capacity is a power of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    var count: Int { kinds.count }

    init() {}

    /// A table holding these strings (from a saved index), ids in order.
    init(bytes: [UInt8], offsets: [UInt32], kinds: [UInt8]) {
        self.bytes = bytes
        self.offsets = offsets
        self.kinds = kinds
        hashes.reserveCapacity(kinds.count)
        bytes.withUnsafeBufferPointer { all in
            for id in 0..<kinds.count {
                hashes.append(Self.hash(UnsafeBufferPointer(rebasing: all[Int(offsets[id])..<Int(offsets[id + 1])]), kind: kinds[id]))
            }
        }
        var capacity = 16
        while capacity < 2 * kinds.count + 2 { capacity *= 2 }
        rehash(capacity: capacity)
    }

    static func hash(_ text: UnsafeBufferPointer<UInt8>, kind: UInt8) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind)
        for byte in text { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        // Mix the high bits down: the table uses the low ones.
        value ^= value >> 29
        value = value &* 0xbf58_476d_1ce4_e5b9
        return value ^ (value >> 32)
    }

    /// The id of `text` of `kind`, if interned.
    func find(_ text: UnsafeBufferPointer<UInt8>, kind: UInt8) -> UInt32? {
        let hash = Self.hash(text, kind: kind)
        return find(text, kind: kind, hash: hash)
    }

    private func find(_ text: UnsafeBufferPointer<UInt8>, kind: UInt8, hash: UInt64) -> UInt32? {
        let mask = slots.count - 1
        let tag = hash >> 32
        var position = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[position]
                if slot == 0 { return nil }
                // The tag settles all but one probe in 2³²; the bytes settle that one (no read of
                // `hashes[id]`: on a large vocabulary every array touched here is a cache miss).
                if slot >> 32 == tag {
                    let id = Int(slot & 0xFFFF_FFFF) - 1
                    if kinds[id] == kind && equals(id, text) { return UInt32(id) }
                }
                position = (position + 1) & mask
            }
        }
    }

    private func equals(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let end = Int(offsets[id + 1])
        guard end - start == text.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var index = 0
            while index < text.count {
                if all[start + index] != text[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// The id of `text` of `kind`, interning it when new.
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>, kind: UInt8) -> (id: UInt32, isNew: Bool) {
        let hash = Self.hash(text, kind: kind)
        if let id = find(text, kind: kind, hash: hash) { return (id, false) }
        let id = UInt32(kinds.count)
        bytes.append(contentsOf: text)
        offsets.append(UInt32(bytes.count))
        kinds.append(kind)
        hashes.append(hash)
        if 2 * kinds.count > slots.count { rehash(capacity: slots.count * 2) } else { place(Int(id)) }
        return (id, true)
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        let hash = hashes[id]
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 { position = (position + 1) & mask }
        slots[position] = (hash >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        for id in 0..<kinds.count { place(id) }
    }

    /// String `id` as text.
    func string(_ id: Int) -> String {
        String(decoding: bytes[Int(offsets[id])..<Int(offsets[id + 1])], as: UTF8.self)
    }
}
