import Foundation
import PamyatCore

/// Why a copy was refused; says what to do.
public struct CopyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The destination already holds units and `--merge` was not given.
        case destinationNotEmpty = "destination-not-empty"
        /// Source and destination are the same memory.
        case sameMemory = "same-memory"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// What a copy did.
public struct MemoryCopyReport: Sendable {
    /// Units read from the source.
    public var units = 0
    /// Of those: new in the destination, merged into a unit it had (dates, props, notes), already there as they are.
    public var created = 0
    public var merged = 0
    public var unchanged = 0
    /// Document records copied.
    public var documents = 0
}

/// Copies a memory into another, between any two stores (SQLite and PostgreSQL, either way):
/// units in id order through the batch store (bounded memory), then the document records, in one
/// write transaction of the destination (a failed copy leaves the destination as it was).
///
/// Lossless: every field a unit has is copied, so a TMX export of both memories is the same.
public struct MemoryCopier: Sendable {
    /// Units read and written at a time.
    public var batchSize: Int

    public init(batchSize: Int = 512) {
        self.batchSize = batchSize
    }

    /// Copies `source` into `destination`; refuses a destination that holds units unless `merge`.
    /// `progress` is called after each batch with the units copied so far.
    public func copy(
        from source: any MemoryStore, to destination: any MemoryStore, merge: Bool,
        progress: ((Int) -> Void)? = nil
    ) throws -> MemoryCopyReport {
        if let from = source.identity?.key, from == destination.identity?.key {
            throw CopyError(.sameMemory, "the source and the destination are the same memory (\(source.location)); name another destination.")
        }
        let existing = try destination.stats().units
        if existing > 0 && !merge {
            throw CopyError(
                .destinationNotEmpty,
                "\(destination.location) already holds \(existing) units; copy into an empty memory, or pass --merge to add to it (duplicates are merged).")
        }
        var report = MemoryCopyReport()
        try destination.write { session in
            try source.forEachUnit(matching: UnitFilter(), batchSize: batchSize) { batch in
                let prepared = batch.map { unit -> PreparedUnit in
                    var copy = unit
                    copy.id = nil
                    return destination.prepare(copy)
                }
                for outcome in try session.store(prepared, onDuplicate: .mergeMetadata) {
                    switch outcome {
                    case .created: report.created += 1
                    case .updated: report.merged += 1
                    case .unchanged: report.unchanged += 1
                    }
                }
                report.units += batch.count
                progress?(report.units)
            }
            try source.forEachDocument { document in
                if try session.document(id: document.id) == nil || merge {
                    try session.saveDocument(document)
                    report.documents += 1
                }
            }
        }
        return report
    }
}
