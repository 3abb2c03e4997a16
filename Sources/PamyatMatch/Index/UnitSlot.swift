/// What the index knows of one unit: the languages it has (one bit per language slot, bit 63 set
/// for a unit that is there at all) and the entries its variants are in (`slot << 32 | entry`), two
/// inline and the rest in `more`.
struct UnitSlot: Sendable {
    static let none = UInt64.max
    static let presentBit: UInt64 = 1 << 63

    var isPresent: Bool { languages & Self.presentBit != 0 }

    var languages: UInt64 = 0
    var ref0: UInt64 = none
    var ref1: UInt64 = none
    var more: [UInt64]? = nil

    mutating func add(slot: Int, entry: UInt32) {
        let ref = UInt64(slot) << 32 | UInt64(entry)
        if ref0 == Self.none { ref0 = ref } else if ref1 == Self.none { ref1 = ref } else { more = (more ?? []) + [ref] }
    }

    func forEachRef(_ body: (_ slot: Int, _ entry: UInt32) -> Void) {
        if ref0 != Self.none { body(Int(ref0 >> 32), UInt32(truncatingIfNeeded: ref0)) }
        if ref1 != Self.none { body(Int(ref1 >> 32), UInt32(truncatingIfNeeded: ref1)) }
        for ref in more ?? [] { body(Int(ref >> 32), UInt32(truncatingIfNeeded: ref)) }
    }
}
