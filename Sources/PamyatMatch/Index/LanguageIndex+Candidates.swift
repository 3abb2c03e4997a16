import PamyatText

extension LanguageIndex {
    /// The arrays one search reads and writes, borrowed once per lookup (each `withUnsafe…`
    /// retains its array; the bands of a lookup share them).
    struct SearchBuffers {
        let packed: UnsafeBufferPointer<UInt64>
        let signatures: UnsafeBufferPointer<UInt64>
        let counters: UnsafeMutableBufferPointer<UInt16>
        let seen: UnsafeMutableBufferPointer<UInt64>
        /// Per key id: 1 + the key's position in the query's keys, 0 for other keys.
        let slots: UnsafeBufferPointer<UInt16>
        let used: UnsafeMutableBufferPointer<Int32>
        let overlap: OverlapArrays.Buffers
        let allowedByLength: UnsafeBufferPointer<Int>
    }

    /// The entries that could reach `threshold` and share enough keys with the query, band by band
    /// (``PostingLists/band(heavy:)``): `leastByBand[b]` is the least weighted overlap an entry of
    /// band `b` needs (`Int.max`: no entry of the band can reach `minimum` through the postings).
    /// Each band is searched as an index of its own, so its own least overlap chooses its prefix.
    func collectCandidates(
        query: PreparedQuery, leastByBand: [Int], minimum: Int, threshold: Int, allowedByLength: UnsafeBufferPointer<Int>,
        workspace: inout Workspace
    ) -> [UInt32] {
        // Moved out of the workspace for the loops below.
        var touched = workspace.touched
        var counterStorage = workspace.counters
        var seenStorage = workspace.seen
        var slotStorage = workspace.keySlots
        var usedStorage = workspace.used
        var survivors = workspace.survivors
        (workspace.touched, workspace.counters, workspace.seen, workspace.keySlots, workspace.used, workspace.survivors) = ([], [], [], [], [], [])
        defer {
            touched.removeAll(keepingCapacity: true)
            survivors.removeAll(keepingCapacity: true)
            (workspace.touched, workspace.counters, workspace.seen, workspace.keySlots, workspace.used, workspace.survivors) =
                (touched, counterStorage, seenStorage, slotStorage, usedStorage, survivors)
        }
        // The query's keys, by key id, for the exact overlap (cleared again below).
        slotStorage.withUnsafeMutableBufferPointer { slots in
            for (position, key) in query.keys.enumerated() where Int(key) < slots.count { slots[Int(key)] = UInt16(position + 1) }
        }
        defer {
            slotStorage.withUnsafeMutableBufferPointer { slots in
                for key in query.keys where Int(key) < slots.count { slots[Int(key)] = 0 }
            }
        }
        var candidates: [UInt32] = []
        let overlap = OverlapArrays(
            tokenStarts: tokenStarts, tokens: tokens, surfaceKeys: vocabulary.surfaceKeys, surfaceKinds: vocabulary.surfaceKinds)
        overlap.withBuffers { overlap in
            packedShapes.withUnsafeBufferPointer { packed in
                signatures.withUnsafeBufferPointer { signatures in
                    counterStorage.withUnsafeMutableBufferPointer { counters in
                        seenStorage.withUnsafeMutableBufferPointer { seen in
                            slotStorage.withUnsafeBufferPointer { slots in
                                usedStorage.withUnsafeMutableBufferPointer { used in
                                    let buffers = SearchBuffers(
                                        packed: packed, signatures: signatures, counters: counters, seen: seen, slots: slots, used: used,
                                        overlap: overlap, allowedByLength: allowedByLength)
                                    for (band, leastWeight) in leastByBand.enumerated() where leastWeight != Int.max {
                                        collectCandidates(
                                            query: query, band: band, leastWeight: leastWeight, minimum: minimum, threshold: threshold,
                                            buffers: buffers, touched: &touched, survivors: &survivors, candidates: &candidates)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return candidates
    }

    /// One band: weighted counting over the rarer query keys' postings in the band (the commonest
    /// keys, whose total weight stays below the band's least required weight, are never read: a
    /// candidate must hold at least one rarer key), then the count bounds per entry, the signature
    /// bound, the exact overlap; what passes is appended to `candidates` for exact scoring.
    ///
    /// Lists are read rarest first. Each posting carries its entry's shape, so an entry seen for the
    /// first time in a list is only counted when the weight of that list and the ones after it could
    /// still reach what its shape needs: the long lists read last add few new entries.
    private func collectCandidates(
        query: PreparedQuery, band: Int, leastWeight: Int, minimum: Int, threshold: Int, buffers: SearchBuffers,
        touched: inout [UInt64], survivors: inout [Survivor], candidates: inout [UInt32]
    ) {
        let keyCount = query.keys.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * keyCount) { scratch in
            // Per query key: its postings in this band (the compacted range, and how many were
            // added since: read whole, keeping this band's), its list length, its weight.
            let lower = UnsafeMutableBufferPointer(rebasing: scratch[0..<keyCount])
            let upper = UnsafeMutableBufferPointer(rebasing: scratch[keyCount..<2 * keyCount])
            let lengths = UnsafeMutableBufferPointer(rebasing: scratch[2 * keyCount..<3 * keyCount])
            var order = UnsafeMutableBufferPointer(rebasing: scratch[3 * keyCount..<4 * keyCount])
            let shifts = UnsafeMutableBufferPointer(rebasing: scratch[4 * keyCount..<5 * keyCount])
            for position in 0..<keyCount {
                let range = postings.range(query.keys[position], band: band)
                lower[position] = range.lowerBound
                upper[position] = range.upperBound
                lengths[position] = range.count + postings.deltaLength(query.keys[position])
                order[position] = position
            }
            // Query keys by posting length in this band, longest first; the longest ones whose
            // weights sum to less than `leastWeight` are skipped.
            order.sort { lengths[$0] > lengths[$1] }
            @inline(__always) func weight(_ position: Int) -> Int { query.weights[order[position]] * query.counts[order[position]] }
            var skippedWeight = 0
            var firstRead = 0
            while firstRead < keyCount {
                guard skippedWeight + weight(firstRead) <= leastWeight - 1 else { break }
                skippedWeight += weight(firstRead)
                firstRead += 1
            }
            // The skipped keys' signature bits: an entry can share a skipped key only if its
            // signature has that key's bit.
            for position in 0..<firstRead {
                shifts[position] = Self.signatureBit(query.keys[order[position]]).trailingZeroBitCount
            }
            var remaining = 0
            for position in firstRead..<keyCount { remaining += weight(position) }
            let n = query.tokens.count
            let qHeavy = query.heavy
            let qNumbers = query.numbers
            let packed = buffers.packed
            let counters = buffers.counters
            let seen = buffers.seen
            let allowedByLength = buffers.allowedByLength

            // The posting scan.
            for position in (firstRead..<keyCount).reversed() {
                let keyIndex = order[position]
                let listWeight = weight(position)
                defer { remaining -= listWeight }
                // At most 10 × 5,000 words for a 10,000-byte query: fits in 16 bits.
                let weight = UInt16(clamping: listWeight)
                let reachable = remaining + skippedWeight
                // Counts an entry seen before; else takes it when its shape can still reach what it
                // needs with this list's weight and the ones after.
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
                                queryHeavy: qHeavy, queryNumbers: qNumbers, sourceHeavy: heavy, sourceNumbers: numbers, allowed: allowed)
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
                postings.withBase(lower[keyIndex]..<upper[keyIndex]) { visit($0, onlyBand: false) }
                postings.withDelta(query.keys[keyIndex]) { visit($0, onlyBand: true) }
            }

            // 1. The count bounds, against the threshold when the search began (never lower than
            //    `minimum`; `consider` checks the final one). Reads only the postings and the counters.
            for posting in touched {
                let index = Int(Posting.entry(posting))
                seen[index >> 6] &= ~(UInt64(1) << UInt64(index & 63))
                let count = Int(counters[index])
                guard count + skippedWeight >= leastWeight else { continue }
                // The shape from the posting itself (no random read of `packed`) unless it did not fit.
                let overflows = Posting.overflows(posting)
                let m = overflows ? PackedShape.tokens(packed[index]) : Posting.tokens(posting)
                let heavy = overflows ? PackedShape.heavy(packed[index]) : Posting.heavy(posting)
                let numbers = overflows ? PackedShape.numbers(packed[index]) : Posting.numbers(posting)
                guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: threshold) else { continue }
                let needed = Bounds.requiredWeight(
                    queryTokens: n, queryHeavy: qHeavy, queryNumbers: qNumbers, sourceTokens: m,
                    sourceHeavy: heavy, sourceNumbers: numbers, minimum: threshold)
                guard count + skippedWeight >= needed else { continue }
                survivors.append(Survivor(entry: Posting.entry(posting), needed: Int32(clamping: needed), count: Int32(count)))
            }
            touched.removeAll(keepingCapacity: true)

            // 2. The signatures: a tight loop of independent loads (each a cache miss on a large
            //    memory), so that the processor overlaps them; then, for the few left, the exact overlap.
            for survivor in survivors {
                let index = Int(survivor.entry)
                let signature = buffers.signatures[index]
                var reachable = Int(survivor.count)
                for position in 0..<firstRead {
                    // Branch-free: the key's weight when its bit is in the signature.
                    reachable &+= weight(position) & -Int(truncatingIfNeeded: signature >> UInt64(shifts[position]) & 1)
                }
                let needed = Int(survivor.needed)
                guard reachable >= needed, !PackedShape.isDead(packed[index]),
                    Self.sharedWeight(
                        of: survivor.entry, with: query, atLeast: needed, buffers: buffers.overlap, slots: buffers.slots, used: buffers.used)
                else { continue }
                candidates.append(survivor.entry)
            }
            survivors.removeAll(keepingCapacity: true)
        }
    }

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
