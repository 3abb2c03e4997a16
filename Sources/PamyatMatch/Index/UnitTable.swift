/// The index's units by id: a dense array for the ids a store hands out (SQLite row ids count up
/// from 1), a dictionary for any id far outside that range.
struct UnitTable: Sendable {
    private var dense: [UnitSlot] = []
    private var sparse: [Int64: UnitSlot] = [:]
    private(set) var count = 0

    subscript(id: Int64) -> UnitSlot? {
        if id >= 0 && id < Int64(dense.count) {
            let slot = dense[Int(id)]
            return slot.isPresent ? slot : nil
        }
        return sparse[id]
    }

    /// Stores `slot` for `id`, replacing what was there.
    mutating func set(_ id: Int64, _ slot: UnitSlot) {
        var slot = slot
        slot.languages |= UnitSlot.presentBit
        if id >= 0 && id < Int64(dense.count) {
            if !dense[Int(id)].isPresent { count += 1 }
            dense[Int(id)] = slot
        } else if id >= 0 && id < Int64(2 * count + 4096) {
            dense.append(contentsOf: repeatElement(UnitSlot(), count: Int(id) + 1 - dense.count))
            dense[Int(id)] = slot
            count += 1
        } else {
            if sparse.updateValue(slot, forKey: id) == nil { count += 1 }
        }
    }

    /// Removes `id`; returns what was there.
    mutating func remove(_ id: Int64) -> UnitSlot? {
        if id >= 0 && id < Int64(dense.count) {
            let slot = dense[Int(id)]
            guard slot.isPresent else { return nil }
            dense[Int(id)] = UnitSlot()
            count -= 1
            return slot
        }
        guard let slot = sparse.removeValue(forKey: id) else { return nil }
        count -= 1
        return slot
    }

    /// Adds an entry reference to a present unit.
    mutating func addRef(_ id: Int64, slot index: Int, entry: UInt32) {
        if id >= 0 && id < Int64(dense.count) {
            if dense[Int(id)].isPresent { dense[Int(id)].add(slot: index, entry: entry) }
        } else {
            sparse[id]?.add(slot: index, entry: entry)
        }
    }

    mutating func reserve(maximumID: Int64, count: Int) {
        if maximumID >= 0 && maximumID < Int64(2 * count + 4096) {
            dense.reserveCapacity(Int(maximumID) + 1)
        }
    }

    /// The present units, in id order.
    func forEach(_ body: (Int64, UnitSlot) -> Void) {
        for (id, slot) in dense.enumerated() where slot.isPresent { body(Int64(id), slot) }
        for id in sparse.keys.sorted() { body(id, sparse[id]!) }
    }
}
