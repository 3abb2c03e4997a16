import PamyatText

extension LanguageIndex {
    /// The best `limit` entries scoring at least `minimum` against `query` that `qualify` accepts
    /// (it returns the tie-breaking unit id, or `nil` to skip the entry).
    ///
    /// Candidates come from the postings (prefix filtering: the commonest query keys are never
    /// read) and from the shapes that could reach `minimum` without sharing a word or number; each
    /// candidate then passes the count bounds of ``Bounds`` and is scored exactly. The bounds only
    /// skip entries that cannot reach the score, so the result equals
    /// ``scan(query:minimum:limit:workspace:qualify:)``'s.
    func search(
        query: PreparedQuery, minimum: Int, limit: Int, workspace: inout Workspace, qualify: (UInt32) -> Int64?
    ) -> [EntryHit] {
        guard limit > 0, liveEntries > 0 else { return [] }
        var top = TopHits(limit: limit, minimum: minimum)
        if minimum >= 100 {
            if let entry = entry(encoded: query.encoded, hash: query.hash), isLive(entry), let newest = qualify(entry) {
                top.offer(EntryHit(entry: entry, score: 100, newest: newest))
            }
            return top.hits
        }
        let n = query.tokens.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.shapeTable) { allowedByLength in
            // Per source length m (below `Self.shapeTable`): the distance `minimum` allows, or -1
            // when the length bound already rules m out. Saves a division and the bounds' overflow
            // checks for every shape group and every posting of an entry not yet seen.
            for m in 0..<Self.shapeTable {
                allowedByLength[m] = Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: minimum)
                    ? MatchScore.maximumDistance(minimum: minimum, longest: max(n, m)) : -1
            }
            let allowedByLength = UnsafeBufferPointer(allowedByLength)

            // 1. Shapes: those that need no shared key are scanned whole; the others set the least
            //    weighted overlap any candidate needs.
            var leastByBand = [Int](repeating: Int.max, count: PostingLists.bandCount)
            var scanned: [UInt32] = []
            shapes.forEachGroup { shape, entries in
                let m = Int(shape.tokens)
                let allowed: Int
                if m < Self.shapeTable {
                    allowed = allowedByLength[m]
                    guard allowed >= 0 else { return }
                } else {
                    guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: minimum) else { return }
                    allowed = MatchScore.maximumDistance(minimum: minimum, longest: max(n, m))
                }
                let needed = Bounds.requiredWeight(
                    queryHeavy: query.heavy, queryNumbers: query.numbers, sourceHeavy: Int(shape.heavy),
                    sourceNumbers: Int(shape.numbers), allowed: allowed)
                if needed <= 0 {
                    scanned.append(contentsOf: entries)
                } else if needed <= Bounds.largestWeight(
                    queryWords: query.words, queryNumbers: query.numbers,
                    sourceWords: Int(shape.heavy - shape.numbers), sourceNumbers: Int(shape.numbers))
                {
                    let band = PostingLists.band(heavy: Int(shape.heavy))
                    leastByBand[band] = min(leastByBand[band], needed)
                }
            }

            // 2. The postings, band by band: each band of entries (by their count of words and
            //    numbers) has its own least required overlap, so the bands far from the query's
            //    length read few lists, and only their part of each.
            workspace.prepare(entryCount: entryCount, keyCount: vocabulary.keyCount, queryKeys: query.keys.count)
            for (band, leastWeight) in leastByBand.enumerated() where leastWeight != Int.max {
                collectCandidates(
                    query: query, band: band, leastWeight: leastWeight, minimum: minimum, allowedByLength: allowedByLength,
                    workspace: &workspace, top: &top, qualify: qualify)
            }
            for entry in scanned where isLive(entry) {
                consider(entry, query: query, workspace: &workspace, top: &top, qualify: qualify)
            }
            return top.hits
        }
    }

    /// Every live entry scored: the exhaustive scan the indexed search must equal.
    func scan(query: PreparedQuery, minimum: Int, limit: Int, workspace: inout Workspace, qualify: (UInt32) -> Int64?) -> [EntryHit] {
        guard limit > 0 else { return [] }
        var top = TopHits(limit: limit, minimum: minimum)
        for entry in 0..<UInt32(entryCount) where isLive(entry) {
            consider(entry, query: query, workspace: &workspace, top: &top, qualify: qualify)
        }
        return top.hits
    }

    /// Scores `entry` exactly against the current threshold and offers it to `top`.
    @inline(__always)
    private func consider(
        _ entry: UInt32, query: PreparedQuery, workspace: inout Workspace, top: inout TopHits, qualify: (UInt32) -> Int64?
    ) {
        let threshold = top.threshold
        let m = PackedShape.tokens(packedShapes[Int(entry)])
        let n = query.tokens.count
        let limit = MatchScore.maximumDistance(minimum: threshold, longest: max(n, m))
        decode(entry, into: &workspace.entryTokens)
        let distance = query.tokens.withUnsafeBufferPointer { q in
            workspace.entryTokens.withUnsafeBufferPointer { s in
                EditDistance.distance(q, s, limit: limit, row: &workspace.row)
            }
        }
        guard let distance else { return }
        let score = MatchScore.score(distance: distance, queryCount: n, sourceCount: m, identical: distance == 0)
        guard score >= threshold, let newest = qualify(entry) else { return }
        top.offer(EntryHit(entry: entry, score: score, newest: newest))
    }

    /// Weighted counting over the rarer query keys' postings (the commonest keys, whose total weight
    /// stays below the least required weight, are never read: a candidate must hold at least one
    /// rarer key), then the count bounds per candidate, then exact scoring.
    ///
    /// Lists are read rarest first. Each posting carries its entry's shape, so an entry seen for the
    /// first time in a list is only counted when the weight of that list and the ones after it could
    /// still reach what its shape needs: the long lists read last add few new entries.
    private func collectCandidates(
        query: PreparedQuery, band: Int, leastWeight: Int, minimum: Int, allowedByLength: UnsafeBufferPointer<Int>,
        workspace: inout Workspace, top: inout TopHits, qualify: (UInt32) -> Int64?
    ) {
        // Each query key's postings in this band: the compacted part, and how many were added
        // since (read whole, keeping this band's).
        let ranges = query.keys.map { postings.range($0, band: band) }
        let lengths = query.keys.indices.map { ranges[$0].count + postings.deltaLength(query.keys[$0]) }
        // Query keys by posting length in this band, longest first; the longest ones whose weights
        // sum to less than `leastWeight` are skipped.
        var order = Array(0..<query.keys.count)
        order.sort { lengths[$0] > lengths[$1] }
        var skippedWeight = 0
        var firstRead = 0
        while firstRead < order.count {
            let weight = query.weights[order[firstRead]] * query.counts[order[firstRead]]
            guard skippedWeight + weight <= leastWeight - 1 else { break }
            skippedWeight += weight
            firstRead += 1
        }
        // The skipped keys' signature bits and weights: an entry can share a skipped key only if
        // its signature has that key's bit.
        let skipped = (0..<firstRead).map { position in
            (bit: Self.signatureBit(query.keys[order[position]]), weight: query.weights[order[position]] * query.counts[order[position]])
        }
        let n = query.tokens.count
        // Moved out of the workspace for the loops below (which also pass the workspace on).
        var touched = workspace.touched
        var counterStorage = workspace.counters
        var seenStorage = workspace.seen
        var slotStorage = workspace.keySlots
        workspace.touched = []
        workspace.counters = []
        workspace.seen = []
        workspace.keySlots = []
        defer {
            touched.removeAll(keepingCapacity: true)
            workspace.touched = touched
            workspace.counters = counterStorage
            workspace.seen = seenStorage
            workspace.keySlots = slotStorage
        }
        var remaining = 0
        for position in firstRead..<order.count { remaining += query.weights[order[position]] * query.counts[order[position]] }
        let qHeavy = query.heavy
        let qNumbers = query.numbers
        do {  // The posting scan.
            packedShapes.withUnsafeBufferPointer { packed in
                counterStorage.withUnsafeMutableBufferPointer { counters in
                    seenStorage.withUnsafeMutableBufferPointer { seen in
                        for position in (firstRead..<order.count).reversed() {
                            let keyIndex = order[position]
                            let key = Int(query.keys[keyIndex])
                            let listWeight = query.weights[keyIndex] * query.counts[keyIndex]
                            defer { remaining -= listWeight }
                            // At most 10 × 5,000 words for a 10,000-byte query: fits in 16 bits.
                            let weight = UInt16(clamping: listWeight)
                            let reachable = remaining + skippedWeight
                            // Counts an entry seen before; else takes it when its shape can still reach
                            // what it needs with this list's weight and the ones after.
                            func visit(_ list: UnsafeBufferPointer<UInt64>, onlyBand: Bool) {
                                for posting in list {
                                    let index = Int(Posting.entry(posting))
                                    let bit = UInt64(1) << UInt64(index & 63)
                                    if seen[index >> 6] & bit != 0 {
                                        counters[index] &+= weight
                                        continue
                                    }
                                    let m: Int
                                    let heavy: Int
                                    let numbers: Int
                                    if Posting.overflows(posting) {
                                        m = PackedShape.tokens(packed[index])
                                        heavy = PackedShape.heavy(packed[index])
                                        numbers = PackedShape.numbers(packed[index])
                                    } else {
                                        m = Posting.tokens(posting)
                                        heavy = Posting.heavy(posting)
                                        numbers = Posting.numbers(posting)
                                    }
                                    if onlyBand, PostingLists.band(heavy: heavy) != band { continue }
                                    let needed: Int
                                    if m < Self.shapeTable {
                                        let allowed = allowedByLength[m]
                                        guard allowed >= 0 else { continue }
                                        needed = Bounds.requiredWeight(
                                            queryHeavy: qHeavy, queryNumbers: qNumbers, sourceHeavy: heavy, sourceNumbers: numbers,
                                            allowed: allowed)
                                    } else {
                                        guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: minimum) else { continue }
                                        needed = Bounds.requiredWeight(
                                            queryTokens: n, queryHeavy: qHeavy, queryNumbers: qNumbers, sourceTokens: m,
                                            sourceHeavy: heavy, sourceNumbers: numbers, minimum: minimum)
                                    }
                                    // `needed ≤ 0`: scored by the shape scan; `needed > reachable`: hopeless.
                                    guard needed > 0, needed <= reachable else { continue }
                                    seen[index >> 6] |= bit
                                    counters[index] = weight
                                    touched.append(posting)
                                }
                            }
                            postings.withBase(ranges[keyIndex]) { visit($0, onlyBand: false) }
                            postings.withDelta(UInt32(key)) { visit($0, onlyBand: true) }
                        }
                    }
                }
            }
        }
        // The query's keys, by key id, for the exact overlap.
        slotStorage.withUnsafeMutableBufferPointer { slots in
            for (position, key) in query.keys.enumerated() where Int(key) < slots.count { slots[Int(key)] = UInt16(position + 1) }
        }
        var candidates: [UInt32] = []
        var used = workspace.used
        var survivors = workspace.survivors
        workspace.used = []
        workspace.survivors = []
        defer {
            workspace.used = used
            survivors.removeAll(keepingCapacity: true)
            workspace.survivors = survivors
        }
        // 1. The count bounds, against the threshold at this point (never lower than `minimum`; a
        //    threshold raised later only tightens them, and `consider` checks the final one). Reads
        //    only the postings and the counters.
        let threshold = top.threshold
        packedShapes.withUnsafeBufferPointer { packed in
            counterStorage.withUnsafeBufferPointer { counters in
                seenStorage.withUnsafeMutableBufferPointer { seen in
                    for posting in touched {
                        let index = Int(Posting.entry(posting))
                        seen[index >> 6] &= ~(UInt64(1) << UInt64(index & 63))
                        let count = Int(counters[index])
                        guard count + skippedWeight >= leastWeight else { continue }
                        // The shape from the posting itself (no random read of `packed`) unless it
                        // did not fit.
                        let overflows = Posting.overflows(posting)
                        let m = overflows ? PackedShape.tokens(packed[index]) : Posting.tokens(posting)
                        let heavy = overflows ? PackedShape.heavy(packed[index]) : Posting.heavy(posting)
                        let numbers = overflows ? PackedShape.numbers(packed[index]) : Posting.numbers(posting)
                        guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: threshold) else { continue }
                        let needed = Bounds.requiredWeight(
                            queryTokens: n, queryHeavy: query.heavy, queryNumbers: query.numbers, sourceTokens: m,
                            sourceHeavy: heavy, sourceNumbers: numbers, minimum: threshold)
                        guard count + skippedWeight >= needed else { continue }
                        survivors.append(Survivor(entry: Posting.entry(posting), needed: Int32(clamping: needed), count: Int32(count)))
                    }
                }
            }
        }
        // 2. The signatures: a tight loop of independent loads (each a cache miss on a large
        //    memory), so that the processor overlaps them; then, for the few left, the exact overlap.
        let skippedShifts = skipped.map { UInt64($0.bit.trailingZeroBitCount) }
        let skippedWeights = skipped.map(\.weight)
        // Every array the loop reads, taken once (not per candidate: each `withUnsafe…` retains).
        let overlap = OverlapArrays(
            tokenStarts: tokenStarts, tokens: tokens, surfaceKeys: vocabulary.surfaceKeys, surfaceKinds: vocabulary.surfaceKinds)
        overlap.withBuffers { buffers in
            signatures.withUnsafeBufferPointer { signatures in
                packedShapes.withUnsafeBufferPointer { packed in
                    slotStorage.withUnsafeBufferPointer { slots in
                        used.withUnsafeMutableBufferPointer { used in
                            for survivor in survivors {
                                let index = Int(survivor.entry)
                                let signature = signatures[index]
                                var reachable = Int(survivor.count)
                                for position in skippedShifts.indices {
                                    // Branch-free: the weight when the key's bit is in the signature.
                                    reachable &+= skippedWeights[position] & -Int(truncatingIfNeeded: signature >> skippedShifts[position] & 1)
                                }
                                let needed = Int(survivor.needed)
                                guard reachable >= needed, !PackedShape.isDead(packed[index]),
                                    Self.sharedWeight(of: survivor.entry, with: query, atLeast: needed, buffers: buffers, slots: slots, used: used)
                                else { continue }
                                candidates.append(survivor.entry)
                            }
                        }
                    }
                }
            }
        }
        for candidate in candidates { consider(candidate, query: query, workspace: &workspace, top: &top, qualify: qualify) }
        slotStorage.withUnsafeMutableBufferPointer { slots in
            for key in query.keys where Int(key) < slots.count { slots[Int(key)] = 0 }
        }
    }

    /// Source lengths whose length bound and allowed distance are tabulated per lookup.
    static let shapeTable = 256


    /// Whether `entry`'s weighted overlap with the query (10 per shared word, 3 per shared number,
    /// multisets, words case folded) reaches `needed`. `slots` maps key ids to query keys; `used`
    /// (one counter per query key, all 0) is left all 0.
    @inline(__always)
    private static func sharedWeight(
        of entry: UInt32, with query: PreparedQuery, atLeast needed: Int, buffers: OverlapArrays.Buffers,
        slots: UnsafeBufferPointer<UInt16>, used: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        let start = Int(buffers.tokenStarts[Int(entry)])
        let end = Int(buffers.tokenStarts[Int(entry) + 1])
        var shared = 0
        var reached = false
        var touchedSlots = 0
        for index in start..<end {
            // Each remaining token adds at most a word's weight.
            if shared + Bounds.wordWeight * (end - index) < needed { break }
            let surface = Int(buffers.tokens[index] >> 1)
            guard buffers.surfaceKinds[surface].isHeavy else { continue }
            let key = Int(buffers.surfaceKeys[surface])
            guard key < slots.count else { continue }
            let slot = Int(slots[key])
            guard slot > 0, Int(used[slot - 1]) < query.counts[slot - 1] else { continue }
            used[slot - 1] += 1
            touchedSlots += 1
            shared += query.weights[slot - 1]
            if shared >= needed { reached = true; break }
        }
        if touchedSlots > 0 { for index in 0..<query.keys.count { used[index] = 0 } }
        return reached || needed <= 0
    }
}

/// The arrays the overlap check reads, to be borrowed as buffers once per lookup.
struct OverlapArrays {
    var tokenStarts: [UInt32]
    var tokens: [UInt32]
    var surfaceKeys: [UInt32]
    var surfaceKinds: [TokenKind]

    struct Buffers {
        var tokenStarts: UnsafeBufferPointer<UInt32>
        var tokens: UnsafeBufferPointer<UInt32>
        var surfaceKeys: UnsafeBufferPointer<UInt32>
        var surfaceKinds: UnsafeBufferPointer<TokenKind>
    }

    func withBuffers<T>(_ body: (Buffers) -> T) -> T {
        tokenStarts.withUnsafeBufferPointer { tokenStarts in
            tokens.withUnsafeBufferPointer { tokens in
                surfaceKeys.withUnsafeBufferPointer { surfaceKeys in
                    surfaceKinds.withUnsafeBufferPointer { surfaceKinds in
                        body(Buffers(tokenStarts: tokenStarts, tokens: tokens, surfaceKeys: surfaceKeys, surfaceKinds: surfaceKinds))
                    }
                }
            }
        }
    }
}
