import NIOCore
import PamyatCore
import PostgresNIO

extension PostgresWriteSession {
    /// Stores a batch (a TMX import's): its new units and their variants go to the server through
    /// `COPY … FROM STDIN` (one round trip each), the duplicates are found in one query, and each
    /// duplicate is treated as ``store(_:onDuplicate:)`` would (a unit repeating an earlier one of the
    /// batch is a duplicate of it).
    func store(_ units: [PreparedUnit], onDuplicate policy: DuplicatePolicy) throws -> [StoreOutcome] {
        if units.count < 4 { return try units.map { try store($0, onDuplicate: policy) } }
        for unit in units { try Self.check(unit.unit) }
        let digests = units.map { Self.digest($0.content) }
        var stored: [ByteBuffer: Int64] = [:]
        for row in try run("""
            SELECT content_digest, id FROM pamyat_units WHERE memory_id = \(memoryID) AND content_digest = ANY(\(digests))
            """) {
            let (digest, id) = try row.decode((ByteBuffer, Int64).self)
            stored[digest] = id
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
            let allocated = try run("SELECT nextval('pamyat_units_id_seq') FROM generate_series(1, \(newPositions.count))")
                .map { try $0.decode(Int64.self) }.sorted()
            for (position, id) in zip(newPositions, allocated) { ids[position] = id }
            try copy(units: newPositions.map { (units[$0], digests[$0], ids[$0]!) })
            try logInserted(allocated)
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

    /// Writes the units (with their allocated ids) and their variants through two `COPY … FROM STDIN`.
    private func copy(units: [(unit: PreparedUnit, digest: ByteBuffer, id: Int64)]) throws {
        var unitRows = ByteBuffer()
        var variantRows = ByteBuffer()
        for (prepared, digest, id) in units {
            let unit = prepared.unit, p = unit.provenance
            unitRows.writeCopyFields([
                "\(id)", "\(memoryID)", "\(prepared.contentHash)", unit.sourceLanguage.identifier, unit.origin.rawValue,
                unit.externalID, p.documentID, p.documentTitle, p.documentDate, p.position, p.confidence.map { "\($0)" },
                p.contextPrevious, p.contextNext, "\(unit.createdAt.storedSeconds)", "\(unit.changedAt.storedSeconds)",
                unit.createdBy, unit.changedBy,
                try StoredExtra(properties: unit.properties, notes: unit.notes, attributes: unit.attributes).encoded(),
            ], bytea: (2, digest))
            let normalized = prepared.normalizedTexts ?? unit.variants.map { Self.normalized($0.text) }
            for (ordinal, variant) in unit.variants.enumerated() {
                variantRows.writeCopyFields([
                    "\(id)", "\(ordinal)", "\(memoryID)", variant.language.identifier, variant.text, variant.markup,
                    normalized[ordinal],
                    try StoredExtra(properties: variant.properties, notes: variant.notes, attributes: variant.attributes).encoded(),
                ])
            }
        }
        let connection = self.connection
        let logger = PostgresMemoryStore.logger
        let (units, variants) = (unitRows, variantRows)
        do {
            try BlockingBridge.run(on: connection.eventLoop) {
                try await connection.copyFrom(table: "pamyat_units", columns: [
                    "id", "memory_id", "content_digest", "content_hash", "source_lang", "origin", "external_id", "doc_id",
                    "doc_title", "doc_date", "position", "confidence", "context_prev", "context_next", "created_at",
                    "changed_at", "created_by", "changed_by", "extra",
                ], logger: logger) { writer in try await writer.write(units) }
                try await connection.copyFrom(table: "pamyat_variants", columns: [
                    "unit_id", "ordinal", "memory_id", "lang", "text", "markup", "normalized", "extra",
                ], logger: logger) { writer in try await writer.write(variants) }
            }
        } catch {
            throw PostgresErrorMapping.storeError(error, location: store.location)
        }
    }

    /// Logs inserted units (ascending ids) as runs of consecutive ids, one change-log row a run.
    private func logInserted(_ ids: [Int64]) throws {
        var firsts: [Int64] = [], lasts: [Int64] = []
        for id in ids {
            if let last = lasts.last, id == last + 1 { lasts[lasts.count - 1] = id } else { firsts.append(id); lasts.append(id) }
        }
        try run("""
            INSERT INTO pamyat_changes (memory_id, unit_id, last_unit_id, kind)
            SELECT \(memoryID), first, last, 'inserted' FROM unnest(\(firsts)::bigint[], \(lasts)::bigint[]) WITH ORDINALITY AS r(first, last, n)
            ORDER BY n
            """)
        loggedChanges = true
    }
}

extension ByteBuffer {
    /// Writes one row of `COPY … FROM STDIN` text format: fields separated by tabs, `\N` for NULL,
    /// backslash, tab, newline and carriage return escaped; `bytea` puts a binary value (as `\\x`
    /// and hex digits) at that field's position.
    mutating func writeCopyFields(_ fields: [String?], bytea: (position: Int, value: ByteBuffer)? = nil) {
        var position = 0
        for field in fields {
            if let bytea, bytea.position == position {
                if position > 0 { writeInteger(UInt8(ascii: "\t")) }
                writeStaticString("\\\\x")
                let digits: StaticString = "0123456789abcdef"
                var hex = [UInt8](repeating: 0, count: bytea.value.readableBytes * 2)
                for (index, byte) in bytea.value.readableBytesView.enumerated() {
                    hex[2 * index] = digits.utf8Start[Int(byte >> 4)]
                    hex[2 * index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                }
                writeBytes(hex)
                position += 1
            }
            if position > 0 { writeInteger(UInt8(ascii: "\t")) }
            writeCopyText(field)
            position += 1
        }
        writeInteger(UInt8(ascii: "\n"))
    }

    /// One field of COPY's text format.
    private mutating func writeCopyText(_ text: String?) {
        guard var text else {
            writeStaticString("\\N")
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
    }
}
