import NIOCore
import PamyatCore
import PostgresNIO

extension PostgresWriteSession {
    static let unitCopyColumns = [
        "id", "memory_id", "content_digest", "content_hash", "source_lang", "origin", "external_id", "doc_id",
        "doc_title", "doc_date", "position", "confidence", "context_prev", "context_next", "created_at",
        "changed_at", "created_by", "changed_by", "extra",
    ]
    static let variantCopyColumns = ["unit_id", "ordinal", "memory_id", "lang", "text", "markup", "normalized", "extra"]
    /// Ids taken from the sequence at a time for batches (the last take's unused ones are skipped).
    static let idBlock = 8_192

    /// Stores a batch (a TMX import's): its new units and their variants go to the server through
    /// two `COPY … FROM STDIN`, sent in the background (``CopyPipeline``) while the caller reads the
    /// next batch; each duplicate is treated as ``store(_:onDuplicate:)`` would (a unit repeating an
    /// earlier one of the batch is a duplicate of it).
    ///
    /// Which units are stored already is asked on the store's read connection, which does not wait
    /// for the batches on their way: it sees every unit committed before this transaction, and no
    /// other writer can commit to the memory meanwhile (this one holds its row locked). When the
    /// memory held no committed unit as the transaction's first batch came (a first import), that
    /// question is not asked at all. Units this transaction stored itself are asked about in the
    /// transaction (after its batches are in), only for digests whose first 8 bytes match one of
    /// them; after this transaction deleted units, every question goes to the transaction.
    func store(_ units: [PreparedUnit], onDuplicate policy: DuplicatePolicy) throws -> [StoreOutcome] {
        if units.count < 4 { return try units.map { try store($0, onDuplicate: policy) } }
        for unit in units { try Self.check(unit.unit) }
        let digests = units.map { Self.digest($0.content) }
        let askCommitted = try memoryHeldCommittedUnits()
        var stored = askCommitted ? try storedUnits(digests, inTransaction: deletedUnits) : [:]
        let ownEarlier = digests.filter { stored[$0] == nil && storedDigestPrefixes.contains(Self.prefix($0)) }
        if !ownEarlier.isEmpty, !(askCommitted && deletedUnits) {
            stored.merge(try storedUnits(ownEarlier, inTransaction: true), uniquingKeysWith: { first, _ in first })
        }
        // Which units are new (by position), and which repeat a stored unit or an earlier one of the batch.
        var newPositions: [Int] = []
        var firstInBatch: [ByteBuffer: Int] = [:]
        enum Plan { case new, stored(Int64), repeats(Int) }
        var plans: [Plan] = []
        plans.reserveCapacity(units.count)
        for (position, digest) in digests.enumerated() {
            if let id = stored[digest] {
                plans.append(.stored(id))
            } else if let first = firstInBatch[digest] {
                plans.append(.repeats(first))
            } else {
                firstInBatch[digest] = position
                newPositions.append(position)
                plans.append(.new)
            }
        }
        var ids: [Int: Int64] = [:]
        if !newPositions.isEmpty {
            let allocated = try takeIDs(newPositions.count)
            for (position, id) in zip(newPositions, allocated) { ids[position] = id }
            try send(newPositions.map { (units[$0], digests[$0], ids[$0]!) })
            for position in newPositions { storedDigestPrefixes.insert(Self.prefix(digests[position])) }
            logInserted(allocated)
            copiedUnits += newPositions.count
        }
        var outcomes: [StoreOutcome] = []
        outcomes.reserveCapacity(units.count)
        for (position, plan) in plans.enumerated() {
            let existing: Int64
            switch plan {
            case .new:
                outcomes.append(.created(ids[position]!))
                continue
            case .stored(let id): existing = id
            case .repeats(let first): existing = ids[first]!
            }
            switch policy {
            case .keepExisting: outcomes.append(.unchanged(existing))
            case .mergeMetadata: outcomes.append(try merge(units[position].unit, into: existing))
            }
        }
        return outcomes
    }

    /// Whether the memory held committed units when this transaction stored its first batch, asked
    /// once on the read connection (no other writer commits to the memory while this one holds its
    /// row locked, so the answer stays true for the whole transaction). Units this transaction
    /// stored before are not committed, so they do not count: ``storedDigestPrefixes`` has them.
    private func memoryHeldCommittedUnits() throws -> Bool {
        if let known = committedUnitsAtStart { return known }
        let held = try store.decode(
            store.read("SELECT EXISTS (SELECT 1 FROM pamyat_units WHERE memory_id = \(memoryID))").first!, as: Bool.self)
        committedUnitsAtStart = held
        return held
    }

    /// The ids of the stored units with these digests: as the transaction sees them, or as the read
    /// connection does (committed units only, without waiting for this transaction's batches).
    ///
    /// A join of the digests with the units, not `content_digest = ANY(…)`: on a table not analysed
    /// since a bulk load began, the planner took `ANY` of 512 values for most of the table and read
    /// every unit of the memory through `pamyat_units_memory` (a bitmap scan, ~25 ms a batch at
    /// 200,000 units, growing with the table: a 1M import's time went there); as a join, each digest
    /// is one probe of the unique index whatever the statistics.
    private func storedUnits(_ digests: [ByteBuffer], inTransaction: Bool) throws -> [ByteBuffer: Int64] {
        let query: PostgresQuery = """
            SELECT d.digest, u.id FROM unnest(\(digests)::bytea[]) AS d(digest)
            JOIN pamyat_units u ON u.memory_id = \(memoryID) AND u.content_digest = d.digest
            """
        var stored: [ByteBuffer: Int64] = [:]
        for row in try inTransaction ? run(query) : store.read(query) {
            let (digest, id) = try store.decode(row, as: (ByteBuffer, Int64).self)
            stored[digest] = id
        }
        return stored
    }

    /// `count` new unit ids, ascending, from the units' sequence (taken ``idBlock`` at a time on the
    /// read connection: a sequence is not transactional, so this need not wait for the batches).
    private func takeIDs(_ count: Int) throws -> [Int64] {
        if idPool.count < count {
            let taken = try store.read("SELECT nextval('pamyat_units_id_seq') FROM generate_series(1, \(max(count - idPool.count, Self.idBlock)))")
                .map { try store.decode($0, as: Int64.self) }
            idPool = ArraySlice((Array(idPool) + taken).sorted())
        }
        defer { idPool = idPool.dropFirst(count) }
        return Array(idPool.prefix(count))
    }

    /// Notes inserted ids (ascending) as runs of consecutive ids, one change-log row a run, written
    /// before the transaction's next statement (``settle()``).
    private func logInserted(_ ids: [Int64]) {
        for id in ids {
            if let last = pendingRuns.last, id == last.last + 1 {
                pendingRuns[pendingRuns.count - 1].last = id
            } else {
                pendingRuns.append((id, id))
            }
        }
    }

    /// Encodes the units (with their ids) and their variants as COPY rows and hands them to the
    /// pipeline (which blocks while it holds ``CopyPipeline/capacity`` batches).
    private func send(_ units: [(unit: PreparedUnit, digest: ByteBuffer, id: Int64)]) throws {
        var unitRows = ByteBuffer()
        var variantRows = ByteBuffer()
        unitRows.reserveCapacity(units.count * 256)
        variantRows.reserveCapacity(units.count * 384)
        for (prepared, digest, id) in units {
            let unit = prepared.unit, p = unit.provenance
            // Field by field straight into the buffer, in ``unitCopyColumns`` order (no array of
            // strings per row).
            unitRows.copyInteger(id)
            unitRows.copyInteger(memoryID)
            unitRows.copyBytea(digest)
            unitRows.copyInteger(prepared.contentHash)
            unitRows.copyText(unit.sourceLanguage.identifier)
            unitRows.copyText(unit.origin.rawValue)
            unitRows.copyText(unit.externalID)
            unitRows.copyText(p.documentID)
            unitRows.copyText(p.documentTitle)
            unitRows.copyText(p.documentDate)
            unitRows.copyText(p.position)
            unitRows.copyText(p.confidence.map { "\($0)" })
            unitRows.copyText(p.contextPrevious)
            unitRows.copyText(p.contextNext)
            unitRows.copyInteger(unit.createdAt.storedSeconds)
            unitRows.copyInteger(unit.changedAt.storedSeconds)
            unitRows.copyText(unit.createdBy)
            unitRows.copyText(unit.changedBy)
            unitRows.copyText(try StoredExtra(properties: unit.properties, notes: unit.notes, attributes: unit.attributes).encoded())
            unitRows.endCopyRow()
            let normalized = prepared.normalizedTexts ?? unit.variants.map { Self.normalized($0.text) }
            countLanguages(of: unit)
            for (ordinal, variant) in unit.variants.enumerated() {
                // ``variantCopyColumns`` order.
                variantRows.copyInteger(id)
                variantRows.copyInteger(Int64(ordinal))
                variantRows.copyInteger(memoryID)
                variantRows.copyText(variant.language.identifier)
                variantRows.copyText(variant.text)
                variantRows.copyText(variant.markup)
                variantRows.copyText(normalized[ordinal])
                variantRows.copyText(try StoredExtra(properties: variant.properties, notes: variant.notes, attributes: variant.attributes).encoded())
                variantRows.endCopyRow()
            }
        }
        let pipeline = self.pipeline ?? CopyPipeline(connection: connection)
        self.pipeline = pipeline
        pipeline.send([
            CopyPipeline.Copy(table: "pamyat_units", columns: Self.unitCopyColumns, rows: unitRows),
            CopyPipeline.Copy(table: "pamyat_variants", columns: Self.variantCopyColumns, rows: variantRows),
        ])
    }
}

extension ByteBuffer {
    // One row of `COPY … FROM STDIN` text format, written field by field (each followed by a tab,
    // the row's last tab turned into its newline by ``endCopyRow()``): `\N` for NULL; backslash, tab,
    // newline and carriage return escaped; `bytea` as `\\x` and hex digits. Hand-written:
    // postgres-nio's `copyFrom` takes the rows' bytes as they are.

    /// An integer field, in decimal.
    mutating func copyInteger(_ value: Int64) {
        // Digits from the end of 24 bytes on the stack (a sign and 19 digits at most).
        var space: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &space) { space in
            var magnitude = value.magnitude, start = space.count
            repeat {
                start -= 1
                space[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                space[start] = UInt8(ascii: "-")
            }
            writeBytes(UnsafeRawBufferPointer(rebasing: space[start...]))
        }
        writeInteger(UInt8(ascii: "\t"))
    }

    /// A binary field (`bytea`, at most 64 bytes: a digest), as `\\x` and lowercase hex digits.
    mutating func copyBytea(_ value: ByteBuffer) {
        precondition(value.readableBytes <= 64, "a bytea COPY field of at most 64 bytes")
        writeStaticString("\\\\x")
        let digits: StaticString = "0123456789abcdef"
        var space: (SIMD64<UInt8>, SIMD64<UInt8>) = (.zero, .zero)
        withUnsafeMutableBytes(of: &space) { hex in
            value.withUnsafeReadableBytes { bytes in
                for (index, byte) in bytes.enumerated() {
                    hex[2 * index] = digits.utf8Start[Int(byte >> 4)]
                    hex[2 * index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                }
                writeBytes(UnsafeRawBufferPointer(rebasing: hex[..<(2 * bytes.count)]))
            }
        }
        writeInteger(UInt8(ascii: "\t"))
    }

    /// A text field, `nil` as NULL.
    mutating func copyText(_ text: String?) {
        guard var text else {
            writeStaticString("\\N\t")
            return
        }
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let escape: StaticString
                switch bytes[index] {
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                default: continue
                }
                writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                writeStaticString(escape)
                start = index + 1
            }
            writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        writeInteger(UInt8(ascii: "\t"))
    }

    /// Ends a row: its last field's tab becomes the newline.
    mutating func endCopyRow() {
        moveWriterIndex(to: writerIndex - 1)
        writeInteger(UInt8(ascii: "\n"))
    }
}
