import PamyatText

extension LanguageIndex {
    /// Writes the index's arrays (see `FuzzyIndex+Cache.swift` for the file). Compact it first.
    func write(to writer: BinaryWriter) throws {
        try writer.write(vocabulary.keys.bytes)
        try writer.write(vocabulary.keys.offsets)
        try writer.write(vocabulary.keys.kinds)
        try writer.write(vocabulary.surfaces.bytes)
        try writer.write(vocabulary.surfaces.offsets)
        try writer.write(vocabulary.surfaces.kinds)
        try writer.write(vocabulary.surfaceKeys)
        try writer.write(tokenStarts)
        try writer.write(tokens)
        try writer.write(packedShapes)
        try writer.write(firstUnit)
        let more = moreUnits.sorted { $0.key < $1.key }
        try writer.write(more.map(\.key))
        try writer.write(more.map { UInt32($0.value.count) })
        try writer.write(more.flatMap(\.value))
        try writer.write(postings.baseStarts)
        try writer.write(postings.base)
        try writer.write(exact.baseHashes)
        try writer.write(exact.baseEntries)
        try writer.write(shapes.baseShapes)
        try writer.write(shapes.baseStarts)
        try writer.write(shapes.baseEntries)
    }

    /// Computes every entry's signature from its tokens (they are not in the cache file: this takes
    /// a few milliseconds per 100,000 entries).
    func rebuildSignatures() {
        var signatures = [UInt64](repeating: 0, count: entryCount)
        vocabulary.surfaceKeys.withUnsafeBufferPointer { keys in
            vocabulary.surfaceKinds.withUnsafeBufferPointer { kinds in
                tokens.withUnsafeBufferPointer { all in
                    for entry in 0..<entryCount {
                        var bits: UInt64 = 0
                        for index in Int(tokenStarts[entry])..<Int(tokenStarts[entry + 1]) {
                            let surface = Int(all[index] >> 1)
                            if kinds[surface].isHeavy { bits |= Self.signatureBit(keys[surface]) }
                        }
                        signatures[entry] = bits
                    }
                }
            }
        }
        self.signatures = signatures
    }

    /// Reads what ``write(to:)`` wrote; the exact-text map, the shapes and the live count are rebuilt.
    static func read(from reader: BinaryReader) throws -> LanguageIndex {
        let index = LanguageIndex()
        func interner() throws -> ByteInterner {
            let bytes: [UInt8] = try reader.readArray()
            let offsets: [UInt32] = try reader.readArray()
            let kinds: [UInt8] = try reader.readArray()
            guard offsets.count == kinds.count + 1, offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) ?? false,
                zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
            else { throw MatchError(.cache, "the index cache is damaged (vocabulary).") }
            return ByteInterner(bytes: bytes, offsets: offsets, kinds: kinds)
        }
        let keys = try interner()
        let surfaces = try interner()
        let surfaceKeys: [UInt32] = try reader.readArray()
        guard let vocabulary = Vocabulary(surfaces: surfaces, keys: keys, surfaceKeys: surfaceKeys) else {
            throw MatchError(.cache, "the index cache is damaged (vocabulary).")
        }
        index.vocabulary = vocabulary
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
        let postingStarts: [UInt64] = try reader.readArray()
        let postingList: [UInt64] = try reader.readArray()
        let hashes: [UInt64] = try reader.readArray()
        let hashEntries: [UInt32] = try reader.readArray()
        let shapeKeys: [UInt64] = try reader.readArray()
        let shapeStarts: [UInt32] = try reader.readArray()
        let shapeEntries: [UInt32] = try reader.readArray()
        guard postingStarts.count == keys.count + 1, postingStarts.last.map({ Int($0) == postingList.count }) ?? false,
            zip(postingStarts, postingStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
            hashes.count == entries, hashEntries.count == entries, hashEntries.allSatisfy({ Int($0) < entries }),
            shapeStarts.count == shapeKeys.count + 1, shapeStarts.last.map({ Int($0) == shapeEntries.count }) ?? false,
            shapeEntries.count == entries, shapeEntries.allSatisfy({ Int($0) < entries }),
            postingList.allSatisfy({ Int(Posting.entry($0)) < entries })
        else { throw MatchError(.cache, "the index cache is damaged (postings).") }
        let packed = index.packedShapes
        index.postings = PostingLists(baseStarts: postingStarts, base: postingList) {
            PostingLists.band(heavy: PackedShape.heavy(packed[Int($0)]))
        }
        guard index.postings.isInBandOrder() else { throw MatchError(.cache, "the index cache is damaged (posting order).") }
        index.exact = ExactTexts(baseHashes: hashes, baseEntries: hashEntries)
        index.shapes = ShapeBuckets(baseShapes: shapeKeys, baseStarts: shapeStarts, baseEntries: shapeEntries)
        var live = 0
        for entry in 0..<entries {
            if index.firstUnit[entry] != Self.noUnit {
                live += 1
                index.packedShapes[entry] &= ~PackedShape.deadBit
            } else {
                index.packedShapes[entry] |= PackedShape.deadBit
            }
        }
        index.liveEntries = live
        index.rebuildSignatures()
        return index
    }
}
