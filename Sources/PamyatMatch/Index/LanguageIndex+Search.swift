extension LanguageIndex {
    /// The best `limit` entries scoring at least `minimum` against `query` that `qualify` accepts
    /// (it returns the tie-breaking unit id, or `nil` to skip the entry).
    ///
    /// Candidates come from the postings (prefix filtering on rare words with counting, then the
    /// count bounds of ``Bounds``) and from the shapes that could reach `minimum` without sharing a
    /// word; every candidate is then scored exactly. The bounds only skip entries that cannot reach
    /// the score, so the result equals ``scan(query:minimum:limit:scratch:qualify:)``'s.
    func search(
        query: PreparedQuery, minimum: Int, limit: Int, scratch: SearchScratch, qualify: (UInt32) -> Int64?
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

        // 1. Shapes: those that need no shared word are scanned whole; the others set the least
        //    overlap any candidate needs.
        var leastOverlap = Int.max
        var scanned: [[UInt32]] = []
        for (shape, entries) in shapes {
            let m = Int(shape.tokens)
            guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: minimum) else { continue }
            let needed = Bounds.requiredOverlap(
                queryTokens: n, queryHeavy: query.heavy, queryNumbers: query.numbers, sourceTokens: m,
                sourceHeavy: Int(shape.heavy), sourceNumbers: Int(shape.numbers), minimum: minimum)
            if needed <= 0 {
                scanned.append(entries)
            } else if needed <= min(query.words, Int(shape.heavy - shape.numbers)) {
                leastOverlap = min(leastOverlap, needed)
            }
        }

        scratch.prepare(entryCount: entryCount, queryKeys: query.wordKeys.count)
        if leastOverlap != Int.max {
            collectCandidates(query: query, leastOverlap: leastOverlap, minimum: minimum, scratch: scratch, top: &top, qualify: qualify)
        }
        for entries in scanned {
            for entry in entries where isLive(entry) {
                consider(entry, query: query, scratch: scratch, top: &top, qualify: qualify)
            }
        }
        return top.hits
    }

    /// Every live entry scored: the exhaustive scan the indexed search must equal.
    func scan(query: PreparedQuery, minimum: Int, limit: Int, scratch: SearchScratch, qualify: (UInt32) -> Int64?) -> [EntryHit] {
        guard limit > 0 else { return [] }
        var top = TopHits(limit: limit, minimum: minimum)
        scratch.prepare(entryCount: 0, queryKeys: 0)
        for entry in 0..<UInt32(entryCount) where isLive(entry) {
            consider(entry, query: query, scratch: scratch, top: &top, qualify: qualify)
        }
        return top.hits
    }

    /// Scores `entry` exactly against the current threshold and offers it to `top`.
    @inline(__always)
    private func consider(
        _ entry: UInt32, query: PreparedQuery, scratch: SearchScratch, top: inout TopHits, qualify: (UInt32) -> Int64?
    ) {
        let threshold = top.threshold
        let m = Int(tokenCounts[Int(entry)])
        let n = query.tokens.count
        let limit = MatchScore.maximumDistance(minimum: threshold, longest: max(n, m))
        decode(entry, into: &scratch.entryTokens)
        let distance = query.tokens.withUnsafeBufferPointer { q in
            scratch.entryTokens.withUnsafeBufferPointer { s in
                EditDistance.distance(q, s, limit: limit, row: &scratch.row)
            }
        }
        guard let distance else { return }
        let score = MatchScore.score(distance: distance, queryCount: n, sourceCount: m, identical: distance == 0)
        guard score >= threshold, let newest = qualify(entry) else { return }
        top.offer(EntryHit(entry: entry, score: score, newest: newest))
    }

    /// Counting over the rarer query words' postings (the commonest words, whose total weight stays
    /// below the least overlap, are never read: a candidate must hold at least one rarer word),
    /// then the count bounds per candidate, then exact scoring.
    private func collectCandidates(
        query: PreparedQuery, leastOverlap: Int, minimum: Int, scratch: SearchScratch, top: inout TopHits,
        qualify: (UInt32) -> Int64?
    ) {
        // Query words by posting length, longest first; the longest ones whose weights sum to less
        // than `leastOverlap` are skipped.
        var order = Array(0..<query.wordKeys.count)
        order.sort { postingCount(query.wordKeys[$0]) > postingCount(query.wordKeys[$1]) }
        var skippedWeight = 0
        var firstRead = 0
        while firstRead < order.count, skippedWeight + query.wordCounts[order[firstRead]] <= leastOverlap - 1 {
            skippedWeight += query.wordCounts[order[firstRead]]
            firstRead += 1
        }
        scratch.counters.withUnsafeMutableBufferPointer { counters in
            for position in firstRead..<order.count {
                let keyIndex = order[position]
                let key = Int(query.wordKeys[keyIndex])
                guard key < postings.count else { continue }
                let weight = UInt16(clamping: query.wordCounts[keyIndex])
                postings[key].withUnsafeBufferPointer { list in
                    for entry in list {
                        let index = Int(entry)
                        if counters[index] == 0 { scratch.touched.append(entry) }
                        counters[index] &+= weight
                    }
                }
            }
        }
        let n = query.tokens.count
        for entry in scratch.touched {
            let index = Int(entry)
            let count = Int(scratch.counters[index])
            scratch.counters[index] = 0
            guard firstUnit[index] != Self.noUnit else { continue }
            let m = Int(tokenCounts[index])
            let heavy = Int(heavyCounts[index])
            let numbers = Int(numberCounts[index])
            // Entries of shapes that need no shared word are scored by the shape scan.
            guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: minimum) else { continue }
            let needed = Bounds.requiredOverlap(
                queryTokens: n, queryHeavy: query.heavy, queryNumbers: query.numbers, sourceTokens: m,
                sourceHeavy: heavy, sourceNumbers: numbers, minimum: minimum)
            guard needed > 0 else { continue }
            // The same bounds against the current threshold (never lower than `minimum`).
            let threshold = top.threshold
            guard Bounds.lengthAllows(queryTokens: n, sourceTokens: m, minimum: threshold) else { continue }
            let neededNow = Bounds.requiredOverlap(
                queryTokens: n, queryHeavy: query.heavy, queryNumbers: query.numbers, sourceTokens: m,
                sourceHeavy: heavy, sourceNumbers: numbers, minimum: threshold)
            guard count + skippedWeight >= neededNow else { continue }
            guard overlap(of: entry, with: query, atLeast: neededNow, scratch: scratch) else { continue }
            consider(entry, query: query, scratch: scratch, top: &top, qualify: qualify)
        }
    }

    private func postingCount(_ key: UInt32) -> Int {
        Int(key) < postings.count ? postings[Int(key)].count : 0
    }

    /// Whether `entry` shares at least `needed` word tokens with the query (multiset, case folded).
    private func overlap(of entry: UInt32, with query: PreparedQuery, atLeast needed: Int, scratch: SearchScratch) -> Bool {
        let start = Int(tokenStarts[Int(entry)])
        let end = Int(tokenStarts[Int(entry) + 1])
        var shared = 0
        let found = vocabulary.surfaceKeys.withUnsafeBufferPointer { keys in
            vocabulary.surfaceKinds.withUnsafeBufferPointer { kinds in
                query.wordKeys.withUnsafeBufferPointer { wordKeys in
                    scratch.used.withUnsafeMutableBufferPointer { used in
                        var reached = false
                        for index in start..<end {
                            let surface = Int(tokens[index] >> 1)
                            guard kinds[surface] == .word else { continue }
                            let key = keys[surface]
                            var low = 0
                            var high = wordKeys.count
                            while low < high {
                                let middle = (low + high) / 2
                                if wordKeys[middle] < key { low = middle + 1 } else { high = middle }
                            }
                            guard low < wordKeys.count, wordKeys[low] == key, used[low] < query.wordCounts[low] else { continue }
                            used[low] += 1
                            shared += 1
                            if shared >= needed { reached = true; break }
                        }
                        for index in 0..<wordKeys.count { used[index] = 0 }
                        return reached
                    }
                }
            }
        }
        return found || needed <= 0
    }
}
