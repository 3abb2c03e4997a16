import PamyatText

extension LanguageIndex {
    /// Writes the index's arrays (see `FuzzyIndex+Cache.swift` for the file).
    func write(to writer: BinaryWriter) throws {
        try writer.write(strings: vocabulary.keys)
        try writer.write(vocabulary.keyKinds.map(\.rawValue))
        try writer.write(strings: vocabulary.surfaces)
        try writer.write(vocabulary.surfaceKinds.map(\.rawValue))
        try writer.write(vocabulary.surfaceKeys)
        try writer.write(tokenStarts)
        try writer.write(tokens)
        try writer.write(packedShapes)
        try writer.write(firstUnit)
        let more = moreUnits.sorted { $0.key < $1.key }
        try writer.write(more.map(\.key))
        try writer.write(more.map { UInt32($0.value.count) })
        try writer.write(more.flatMap(\.value))
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(postings.count + 1)
        for list in postings { offsets.append(offsets[offsets.count - 1] + UInt64(list.count)) }
        try writer.write(offsets)
        var flat: [UInt32] = []
        flat.reserveCapacity(Int(offsets[offsets.count - 1]))
        for list in postings { flat.append(contentsOf: list) }
        try writer.write(flat)
    }

    /// Reads what ``write(to:)`` wrote; the exact-text map, the shapes and the live count are rebuilt.
    static func read(from reader: BinaryReader) throws -> LanguageIndex {
        var index = LanguageIndex()
        let keys = try reader.readStrings()
        let keyKinds: [UInt8] = try reader.readArray()
        let surfaces = try reader.readStrings()
        let surfaceKinds: [UInt8] = try reader.readArray()
        let surfaceKeys: [UInt32] = try reader.readArray()
        guard keys.count == keyKinds.count, surfaces.count == surfaceKinds.count, surfaces.count == surfaceKeys.count,
            surfaceKeys.allSatisfy({ Int($0) < keys.count })
        else { throw MatchError(.cache, "the index cache is damaged (vocabulary).") }
        index.vocabulary.reserve(surfaces: surfaces.count, keys: keys.count)
        for (key, kind) in zip(keys, keyKinds) {
            guard let kind = TokenKind(rawValue: kind) else { throw MatchError(.cache, "the index cache is damaged (kind).") }
            index.vocabulary.restore(key: key, kind: kind)
        }
        for position in surfaces.indices {
            guard let kind = TokenKind(rawValue: surfaceKinds[position]) else { throw MatchError(.cache, "the index cache is damaged (kind).") }
            index.vocabulary.restore(surface: surfaces[position], kind: kind, key: surfaceKeys[position])
        }
        index.tokenStarts = try reader.readArray()
        index.tokens = try reader.readArray()
        index.packedShapes = try reader.readArray()
        index.firstUnit = try reader.readArray()
        let entries = index.firstUnit.count
        guard index.tokenStarts.count == entries + 1, index.packedShapes.count == entries,
            Int(index.tokenStarts[entries]) == index.tokens.count,
            index.tokens.allSatisfy({ Int($0 >> 1) < surfaces.count })
        else { throw MatchError(.cache, "the index cache is damaged (entries).") }
        let moreKeys: [UInt32] = try reader.readArray()
        let moreCounts: [UInt32] = try reader.readArray()
        let moreFlat: [Int64] = try reader.readArray()
        guard moreKeys.count == moreCounts.count, moreCounts.reduce(0, { $0 + Int($1) }) == moreFlat.count else {
            throw MatchError(.cache, "the index cache is damaged (units).")
        }
        var position = 0
        index.moreUnits.reserveCapacity(moreKeys.count)
        for (entry, count) in zip(moreKeys, moreCounts) {
            index.moreUnits[entry] = Array(moreFlat[position..<position + Int(count)])
            position += Int(count)
        }
        let offsets: [UInt64] = try reader.readArray()
        let flat: [UInt32] = try reader.readArray()
        guard offsets.count == keys.count + 1, offsets.last.map({ Int($0) == flat.count }) ?? false,
            flat.allSatisfy({ Int($0) < entries })
        else { throw MatchError(.cache, "the index cache is damaged (postings).") }
        index.postings.reserveCapacity(keys.count)
        for key in 0..<keys.count { index.postings.append(Array(flat[Int(offsets[key])..<Int(offsets[key + 1])])) }
        index.rebuildDerived()
        return index
    }

    /// Recomputes the exact-text map, the shapes and the live count from the entries.
    mutating func rebuildDerived() {
        exact = [:]
        collisions = [:]
        shapes = [:]
        exact.reserveCapacity(entryCount)
        var live = 0
        tokens.withUnsafeBufferPointer { all in
            for entry in 0..<entryCount {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: all[Int(tokenStarts[entry])..<Int(tokenStarts[entry + 1])]))
                if exact[hash] == nil { exact[hash] = UInt32(entry) } else { collisions[hash, default: []].append(UInt32(entry)) }
                shapes[PackedShape.shape(packedShapes[entry]), default: []].append(UInt32(entry))
                if firstUnit[entry] != Self.noUnit {
                    live += 1
                    packedShapes[entry] &= ~PackedShape.deadBit
                } else {
                    packedShapes[entry] |= PackedShape.deadBit
                }
            }
        }
        liveEntries = live
    }
}

