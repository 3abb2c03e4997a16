/// A piece of evidence a sentence carries for alignment: a key that a translation of it is expected
/// to carry too (the same number, a transliterated name, a lexicon concept, a question mark).
struct Anchor: Hashable, Sendable {
    /// The interned key (see ``KeyInterner``).
    var key: Int32
    /// What a match with the same key on the other side adds to a bead's score.
    var weight: Float
    /// What an occurrence without a partner on the other side takes from it.
    var penalty: Float
}

/// Turns anchor keys into small integers, shared by both sides of one alignment.
final class KeyInterner {
    private var ids: [String: Int32] = [:]

    var count: Int { ids.count }

    func id(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }
}
