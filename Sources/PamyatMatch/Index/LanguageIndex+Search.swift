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
    ///
    /// `similarWords` gives a word replaced by a similar word (``WordSimilarity``) its partial cost;
    /// off, every different word costs a whole word and no similar word is looked for.
    func search(
        query: PreparedQuery, minimum: Int, limit: Int, similarWords: Bool = false, workspace: inout Workspace,
        qualify: (UInt32) -> Int64?
    ) -> [EntryHit] {
        guard limit > 0, liveEntries > 0 else { return [] }
        var top = TopHits(limit: limit, minimum: minimum)
        if minimum >= 100 {
            if let entry = entry(encoded: query.encoded, hash: query.hash), isLive(entry), let newest = qualify(entry) {
                top.offer(EntryHit(entry: entry, score: 100, newest: newest))
            }
            return top.hits
        }
        workspace.prepare(entryCount: entryCount, keyCount: vocabulary.keyCount, queryKeys: query.keys.count)
        let neighbours = neighbours(of: query, enabled: similarWords, workspace: &workspace)
        defer { forget(neighbours, workspace: &workspace) }
        if !neighbours.isEmpty {
            // Seeds: the whole-word search is cheap (no similar list is read) and every entry it
            // finds is a real entry, scored here with the similar-word costs. Once `limit` of them
            // are held, the search with similar words needs only what can reach the worst of them,
            // which tightens every bound it uses (see docs/MATCHING-INDEX.md, "Seeding").
            var seeds = TopHits(limit: limit, minimum: minimum)
            searchPass(query: query, neighbours: QueryNeighbours(width: query.keys.count), workspace: &workspace, top: &seeds, qualify: qualify)
            for seed in seeds.hits {
                consider(seed.entry, query: query, neighbours: neighbours, workspace: &workspace, top: &top, qualify: qualify)
            }
        }
        searchPass(query: query, neighbours: neighbours, workspace: &workspace, top: &top, qualify: qualify)
        return top.hits
    }

    /// One pass of ``search(query:minimum:limit:similarWords:workspace:qualify:)``: every entry that
    /// could reach `top`'s threshold as it is when the pass begins is offered to `top` (an entry
    /// already held is not offered twice).
    private func searchPass(
        query: PreparedQuery, neighbours: QueryNeighbours, workspace: inout Workspace, top: inout TopHits,
        qualify: (UInt32) -> Int64?
    ) {
        let n = query.length
        let minimum = top.threshold
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.shapeTable) { allowedByLength in
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
            //    length read few lists, and only their part of each. Each query word reads its own
            //    list and those of the stored words similar to it.
            if leastByBand.contains(where: { $0 != Int.max }) {
                let candidates = collectCandidates(
                    query: query, neighbours: neighbours, leastByBand: leastByBand, minimum: minimum, threshold: top.threshold,
                    allowedByLength: allowedByLength, workspace: &workspace)
                for candidate in candidates {
                    consider(candidate, query: query, neighbours: neighbours, workspace: &workspace, top: &top, qualify: qualify)
                }
            }
            for entry in scanned where isLive(entry) {
                consider(entry, query: query, neighbours: neighbours, workspace: &workspace, top: &top, qualify: qualify)
            }
        }
    }

    /// Every live entry scored: the exhaustive scan the indexed search must equal.
    func scan(
        query: PreparedQuery, minimum: Int, limit: Int, similarWords: Bool = false, workspace: inout Workspace,
        qualify: (UInt32) -> Int64?
    ) -> [EntryHit] {
        guard limit > 0 else { return [] }
        var top = TopHits(limit: limit, minimum: minimum)
        workspace.prepare(entryCount: entryCount, keyCount: vocabulary.keyCount, queryKeys: query.keys.count)
        let neighbours = neighbours(of: query, enabled: similarWords, workspace: &workspace)
        defer { forget(neighbours, workspace: &workspace) }
        for entry in 0..<UInt32(entryCount) where isLive(entry) {
            consider(entry, query: query, neighbours: neighbours, workspace: &workspace, top: &top, qualify: qualify)
        }
        return top.hits
    }

    /// Scores `entry` exactly against the current threshold and offers it to `top`.
    @inline(__always)
    func consider(
        _ entry: UInt32, query: PreparedQuery, neighbours: QueryNeighbours, workspace: inout Workspace, top: inout TopHits,
        qualify: (UInt32) -> Int64?
    ) {
        let threshold = top.threshold
        let m = PackedShape.tokens(packedShapes[Int(entry)])
        let n = query.length
        // At 0 every entry qualifies: decoration runs cost without counting in the length, so `d`
        // may exceed what a score of 0 allows (the score is then 0).
        let limit = threshold <= 0 ? Int(Int32.max) : MatchScore.maximumDistance(minimum: threshold, longest: max(n, m))
        decode(entry, into: &workspace.entryTokens)
        let distance: Int?
        if neighbours.isEmpty {
            distance = query.tokens.withUnsafeBufferPointer { q in
                workspace.entryTokens.withUnsafeBufferPointer { s in
                    EditDistance.distance(q, s, limit: limit, row: &workspace.row, costs: WholeWordCosts())
                }
            }
        } else {
            // Each entry word's row in the neighbours' table (-1: similar to no query word).
            workspace.entryRows.removeAll(keepingCapacity: true)
            workspace.similarRows.withUnsafeBufferPointer { similarRows in
                for token in workspace.entryTokens {
                    workspace.entryRows.append(
                        token.kind == .word && Int(token.key) < similarRows.count ? similarRows[Int(token.key)] - 1 : -1)
                }
            }
            distance = query.tokens.withUnsafeBufferPointer { q in
                workspace.entryTokens.withUnsafeBufferPointer { s in
                    query.wordSlots.withUnsafeBufferPointer { slots in
                        workspace.entryRows.withUnsafeBufferPointer { rows in
                            neighbours.table.withUnsafeBufferPointer { table in
                                EditDistance.distance(
                                    q, s, limit: limit, row: &workspace.row,
                                    costs: TableWordCosts(slots: slots, rows: rows, table: table, width: neighbours.width))
                            }
                        }
                    }
                }
            }
        }
        guard let distance else { return }
        let score = MatchScore.score(distance: distance, queryCount: n, sourceCount: m, identical: distance == 0)
        guard score >= threshold, let newest = qualify(entry) else { return }
        top.offer(EntryHit(entry: entry, score: score, newest: newest))
    }

    /// Source lengths whose length bound and allowed distance are tabulated per lookup.
    static let shapeTable = 256
}
