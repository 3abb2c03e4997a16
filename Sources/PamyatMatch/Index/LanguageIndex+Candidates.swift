import PamyatText

extension LanguageIndex {
    /// The arrays one search reads and writes, borrowed once per lookup (each `withUnsafe…`
    /// retains its array; the bands of a lookup share them).
    struct SearchBuffers {
        let packed: UnsafeBufferPointer<UInt64>
        let signatures: UnsafeBufferPointer<UInt64>
        let counters: UnsafeMutableBufferPointer<UInt32>
        let similarRows: UnsafeBufferPointer<Int32>
        let table: UnsafeBufferPointer<UInt8>
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
        query: PreparedQuery, neighbours: QueryNeighbours, leastByBand: [Int], minimum: Int, threshold: Int,
        allowedByLength: UnsafeBufferPointer<Int>, workspace: inout Workspace
    ) -> [UInt32] {
        // Moved out of the workspace for the loops below.
        var touched = workspace.touched
        var counterStorage = workspace.counters
        var seenStorage = workspace.seen
        var slotStorage = workspace.keySlots
        var usedStorage = workspace.used
        var survivors = workspace.survivors
        let similarRows = workspace.similarRows
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
                                    similarRows.withUnsafeBufferPointer { similarRows in
                                        neighbours.table.withUnsafeBufferPointer { table in
                                            let buffers = SearchBuffers(
                                                packed: packed, signatures: signatures, counters: counters, similarRows: similarRows,
                                                table: table, seen: seen, slots: slots, used: used, overlap: overlap,
                                                allowedByLength: allowedByLength)
                                            for (band, leastWeight) in leastByBand.enumerated() where leastWeight != Int.max {
                                                collectCandidates(
                                                    query: query, neighbours: neighbours, band: band,
                                                    leastWeight: leastWeight, minimum: minimum, threshold: threshold, buffers: buffers,
                                                    touched: &touched, survivors: &survivors, candidates: &candidates)
                                            }
                                        }
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
    /// candidate must hold at least one rarer key or a word similar to one), then the count bounds
    /// per entry, the signature bound, the exact overlap bound; what passes is appended to
    /// `candidates` for exact scoring.
    ///
    /// Each query key is a *group* of lists: its own (a shared word or number is worth its weight)
    /// and, for a word, those of the stored words similar to it (each worth its credit, word − cost).
    /// A group's weight is its own list's, the most any entry can get from it. Groups are read
    /// rarest first. Each posting carries its entry's shape, so an entry seen for the first time in
    /// a group is only counted when the weight of that group and the ones after it could still reach
    /// what its shape needs. (An entry holding several words of one group is counted for each: the
    /// count only ever overestimates.)
    private func collectCandidates(
        query: PreparedQuery, neighbours: QueryNeighbours, band: Int, leastWeight: Int, minimum: Int,
        threshold: Int, buffers: SearchBuffers, touched: inout [UInt64], survivors: inout [Survivor], candidates: inout [UInt32]
    ) {
        let keyCount = query.keys.count
        // No similar words (the option off, or none found): the bounds of shared keys alone.
        let noSimilar = neighbours.isEmpty
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * keyCount) { scratch in
            let lengths = UnsafeMutableBufferPointer(rebasing: scratch[0..<keyCount])
            var order = UnsafeMutableBufferPointer(rebasing: scratch[keyCount..<2 * keyCount])
            let shifts = UnsafeMutableBufferPointer(rebasing: scratch[2 * keyCount..<3 * keyCount])
            // Per query key position: the postings of its similar keys in this band, and whether
            // those lists are skipped while its own is read.
            let similarLengths = UnsafeMutableBufferPointer(rebasing: scratch[3 * keyCount..<4 * keyCount])
            let similarSkipped = UnsafeMutableBufferPointer(rebasing: scratch[4 * keyCount..<5 * keyCount])
            for position in 0..<keyCount {
                let key = query.keys[position]
                var similarLength = 0
                if !noSimilar {
                    for similar in neighbours.keys[position] {
                        similarLength += postings.range(similar, band: band).count + postings.deltaLength(similar)
                    }
                }
                similarLengths[position] = similarLength
                similarSkipped[position] = 0
                lengths[position] = postings.range(key, band: band).count + postings.deltaLength(key) + similarLength
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
            // With the weight left, the similar lists of the groups read, longest first: an entry
            // can get at most the group's best similar credit from them, so skipping them costs that
            // much of the budget (and an entry holding none of the lists read still falls short).
            var anySimilarSkipped = false
            if !noSimilar {
                var byLength = Array(firstRead..<keyCount)
                byLength.sort { similarLengths[order[$0]] > similarLengths[order[$1]] }
                for position in byLength {
                    let keyIndex = order[position]
                    guard similarLengths[keyIndex] > 0 else { break }
                    let cost = neighbours.best[keyIndex] * query.counts[keyIndex]
                    guard cost > 0, skippedWeight + cost <= leastWeight - 1 else { continue }
                    skippedWeight += cost
                    similarSkipped[keyIndex] = 1
                    anySimilarSkipped = true
                }
            }
            // The skipped keys' signature bits: an entry can share a skipped key only if its
            // signature has that key's bit (and a similar word only if it has one of theirs).
            for position in 0..<firstRead {
                shifts[position] = Self.signatureBit(query.keys[order[position]]).trailingZeroBitCount
            }
            // No list skipped (a low minimum): no signature is read.
            let readsSignatures = firstRead > 0 || anySimilarSkipped
            var remaining = 0
            for position in firstRead..<keyCount { remaining += weight(position) }
            let n = query.length
            let qHeavy = query.heavy
            let qNumbers = query.numbers
            let packed = buffers.packed
            let counters = buffers.counters
            let seen = buffers.seen
            let allowedByLength = buffers.allowedByLength

            // The posting scan.
            for position in (firstRead..<keyCount).reversed() {
                let keyIndex = order[position]
                let groupWeight = weight(position)
                defer { remaining -= groupWeight }
                let reachable = remaining + skippedWeight
                // Counts an entry seen before; else takes it when its shape can still reach what it
                // needs with this group's weight and the ones after.
                func visit(_ list: UnsafeBufferPointer<UInt64>, weight: UInt32, reachable: Int, onlyBand: Bool) {
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
                func read(_ key: UInt32, weight: Int, reachable: Int) {
                    let range = postings.range(key, band: band)
                    postings.withBase(range) { visit($0, weight: UInt32(weight), reachable: reachable, onlyBand: false) }
                    postings.withDelta(key) { visit($0, weight: UInt32(weight), reachable: reachable, onlyBand: true) }
                }
                read(query.keys[keyIndex], weight: groupWeight, reachable: reachable)
                if noSimilar || similarSkipped[keyIndex] != 0 { continue }
                let count = query.counts[keyIndex]
                // An entry first met in a similar list does not hold the group's own key (its own
                // list was just read, with the same reachable weight): it can get at most the
                // group's best similar credit from this group.
                let similarReachable = reachable - groupWeight + neighbours.best[keyIndex] * count
                for (similar, credit) in zip(neighbours.keys[keyIndex], neighbours.credits[keyIndex]) {
                    read(similar, weight: credit * count, reachable: similarReachable)
                }
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
                survivors.append(Survivor(entry: Posting.entry(posting), needed: Int32(clamping: needed), count: Int32(clamping: count)))
            }
            touched.removeAll(keepingCapacity: true)

            // 2. The signatures: first gathered in a loop of independent loads and nothing else
            //    (each a cache miss on a large memory; without a branch between them the processor
            //    keeps many in flight: this loop was half of a low-minimum lookup's time when the
            //    checks below sat between the loads), then, for the few left, the exact overlap
            //    bound. A skipped key counts its weight when its bit is in the signature, else its
            //    best similar word's credit when one of their bits is.
            if survivors.isEmpty { return }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: survivors.count) { gathered in
                if readsSignatures {
                    survivors.withUnsafeBufferPointer { survivors in
                        for position in survivors.indices {
                            gathered[position] = buffers.signatures[Int(survivors[position].entry)]
                        }
                    }
                }
                for (position, survivor) in survivors.enumerated() {
                    let index = Int(survivor.entry)
                    let signature = readsSignatures ? gathered[position] : 0
                    var reachable = Int(survivor.count)
                    if noSimilar {
                        for position in 0..<firstRead {
                            // Branch-free: the key's weight when its bit is in the signature.
                            reachable &+= weight(position) & -Int(truncatingIfNeeded: signature >> UInt64(shifts[position]) & 1)
                        }
                    } else {
                        for position in 0..<firstRead {
                            if signature >> UInt64(shifts[position]) & 1 != 0 {
                                reachable &+= weight(position)
                            } else if signature & neighbours.masks[order[position]] != 0 {
                                reachable &+= neighbours.best[order[position]] * query.counts[order[position]]
                            }
                        }
                        // A group read without its similar lists: their best credit when one of
                        // their bits is in the signature (even for an entry counted for the group's
                        // own key: an overestimate).
                        if anySimilarSkipped {
                            for position in firstRead..<keyCount where similarSkipped[order[position]] != 0 {
                                if signature & neighbours.masks[order[position]] != 0 {
                                    reachable &+= neighbours.best[order[position]] * query.counts[order[position]]
                                }
                            }
                        }
                    }
                    let needed = Int(survivor.needed)
                    guard reachable >= needed, !PackedShape.isDead(packed[index]),
                        noSimilar
                            ? Self.sharedWeight(
                                of: survivor.entry, with: query, atLeast: needed, buffers: buffers.overlap, slots: buffers.slots,
                                used: buffers.used)
                            : Self.sharedWeight(
                                of: survivor.entry, with: query, atLeast: needed, buffers: buffers.overlap, slots: buffers.slots,
                                similarRows: buffers.similarRows, table: buffers.table, used: buffers.used)
                    else { continue }
                    candidates.append(survivor.entry)
                }
            }
            survivors.removeAll(keepingCapacity: true)
        }
    }

    /// Whether `entry`'s weighted overlap with the query (10 per shared word, 3 per shared number,
    /// multisets, words case folded) reaches `needed`, without similar words. `slots` maps key ids to
    /// query keys; `used` (one counter per query key, all 0) is left all 0.
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

    /// Whether an upper bound of `entry`'s weighted overlap with the query reaches `needed`. The
    /// overlap of an alignment is the sum of its pairs' credits (a shared word 10, a shared number
    /// 3, a similar word word − cost; each token in at most one pair). Per query key `k` with `c`
    /// occurrences: `e` entry tokens equal to it (at most `c`) and `f` similar to it, the best with
    /// credit `b`: at most `e × weight + min(c − e, f) × b` (a token is counted for every query key
    /// it equals or resembles: the bound only ever overestimates). `slots` maps key ids to query keys,
    /// `similarRows` to rows of `table`; `used` (three counters per query key, all 0) is left all 0.
    @inline(__always)
    private static func sharedWeight(
        of entry: UInt32, with query: PreparedQuery, atLeast needed: Int, buffers: OverlapArrays.Buffers,
        slots: UnsafeBufferPointer<UInt16>, similarRows: UnsafeBufferPointer<Int32>, table: UnsafeBufferPointer<UInt8>,
        used: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        if needed <= 0 { return true }
        let start = Int(buffers.tokenStarts[Int(entry)])
        let end = Int(buffers.tokenStarts[Int(entry) + 1])
        let width = query.keys.count
        var shared = 0
        var similarSeen = false
        for index in start..<end {
            let surface = Int(buffers.tokens[index] >> 1)
            guard buffers.surfaceKinds[surface].isHeavy else { continue }
            let key = Int(buffers.surfaceKeys[surface])
            if key < slots.count, case let slot = Int(slots[key]), slot > 0, Int(used[slot - 1]) < query.counts[slot - 1] {
                used[slot - 1] += 1
                shared += query.weights[slot - 1]
            }
            // A token equal to one query key may still be the one paired with another it is similar to.
            guard key < similarRows.count, case let row = Int(similarRows[key]) - 1, row >= 0 else { continue }
            similarSeen = true
            for position in 0..<width {
                let cost = Int(table[row * width + position])
                guard cost < MatchWeights.word else { continue }
                used[width + position] += 1
                used[2 * width + position] = max(used[2 * width + position], Int32(MatchWeights.word - cost))
            }
        }
        if similarSeen {
            for position in 0..<width where used[width + position] > 0 {
                let free = query.counts[position] - Int(used[position])
                shared += min(free, Int(used[width + position])) * Int(used[2 * width + position])
            }
        }
        for index in 0..<(similarSeen ? 3 * width : width) { used[index] = 0 }
        return shared >= needed
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
