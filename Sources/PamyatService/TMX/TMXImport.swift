import Foundation
import PamyatCore
import PamyatTMX

/// What importing (or dry-running) one TMX file did.
public struct TMXImportReport: Sendable {
    public var file: String
    /// Units read from the file.
    public var units = 0
    /// Of those, new units stored, stored units whose dates/props were updated, and units already
    /// stored as they are (all zero for a dry run).
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Variants per language read.
    public var languages: [LanguageTag: Int] = [:]
    /// For a dry run: units that repeat an earlier unit of the same file (same content), which an
    /// import would merge. Counted among the first ``TMXImporter/repeatWindow`` units only, so that
    /// memory stays bounded whatever the file's size. (An import reports repeats as updated/unchanged.)
    public var repeatedInFile = 0
    /// `tuv`s not imported because their `seg` was empty or white space only (the rule ADD applies,
    /// ``Variant/isBlank(_:)``), and units not imported because all their `tuv`s were.
    public var blankVariantsSkipped = 0
    public var blankUnitsSkipped = 0
    /// Warnings (the first ``TMXReader/maximumProblems``), and how many more there were.
    public var problems: [TMXProblem] = []
    public var moreProblems = 0
    public var header: TMXHeader?
    public var dryRun: Bool

    public init(file: String, dryRun: Bool) {
        self.file = file
        self.dryRun = dryRun
    }
}

/// Progress of an import, for a terminal display.
public struct TMXImportProgress: Sendable {
    public var file: String
    public var units: Int
    public var bytesRead: Int64
    /// The file's size, when known (not for standard input).
    public var totalBytes: Int64?
}

/// Imports TMX files into a memory: one write transaction per file, so a bad file imports nothing.
///
/// Idempotent: units are stored with ``DuplicatePolicy/mergeMetadata``, so importing the same file
/// twice adds no unit; a unit whose variants all equal a stored unit's updates that unit's dates,
/// props and notes instead.
public struct TMXImporter: Sendable {
    public var limits: TMXLimits
    /// How often (in units) `progress` is called.
    public var progressInterval: Int
    /// Read the file on a second thread while this one writes the store (``BatchPipe``); `false`
    /// reads and writes in turn.
    public var readAhead: Bool

    /// How many units a dry run remembers to count repeats (about 40 bytes each).
    public static let repeatWindow = 1_000_000
    /// Units handed from the reading thread to the writing one at a time.
    static let batchSize = 512

    public init(limits: TMXLimits = .default, progressInterval: Int = 20_000, readAhead: Bool = true) {
        self.limits = limits
        self.progressInterval = progressInterval
        self.readAhead = readAhead
    }

    /// Imports `path` (`-`: standard input) into `store`; with `store == nil`, reads the file through
    /// and reports what would be imported, writing nothing.
    public func importFile(
        _ path: String, into store: (any MemoryStore)?, progress: ((TMXImportProgress) -> Void)? = nil
    ) throws -> TMXImportReport {
        let reader = try TMXReader(path: path, limits: limits)
        var report = TMXImportReport(file: path, dryRun: store == nil)
        report.header = reader.header
        let total = path == "-" ? nil : ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value
        // Dry run: content hashes seen, to count repeats (a hash collision would miscount one
        // repeat, nothing more); bounded by repeatWindow.
        var seen = Set<Int64>()
        // Variants per language, counted in a short list (a file has a few languages; hashing a
        // tag for a dictionary costs more) and turned into the report's dictionary at the end.
        var counted: [(language: LanguageTag, count: Int)] = []
        func consume(_ unit: TranslationUnit, bytesRead: Int64) {
            report.units += 1
            for variant in unit.variants {
                if let index = counted.firstIndex(where: { $0.language.identifier == variant.language.identifier }) {
                    counted[index].count += 1
                } else {
                    counted.append((variant.language, 1))
                }
            }
            if store == nil && report.units <= Self.repeatWindow, !seen.insert(UnitContent(unit).hash).inserted {
                report.repeatedInFile += 1
            }
            if let progress, report.units % progressInterval == 0 {
                progress(TMXImportProgress(file: path, units: report.units, bytesRead: bytesRead, totalBytes: total))
            }
        }
        if let store {
            try store.write { session in
                var batches = 0
                try forEachBatch(of: reader, preparingFor: store) { batch in
                    for unit in batch.units { consume(unit.unit, bytesRead: batch.bytesRead) }
                    for outcome in try session.store(batch.units, onDuplicate: .mergeMetadata) {
                        switch outcome {
                        case .created: report.created += 1
                        case .updated: report.updated += 1
                        case .unchanged: report.unchanged += 1
                        }
                    }
                    batches += 1
                    FaultHook.batchWritten(batches)
                }
            }
        } else {
            while let unit = try reader.next() { consume(unit, bytesRead: reader.bytesConsumed) }
        }
        for (language, count) in counted { report.languages[language, default: 0] += count }
        // The reading thread (if any) has finished: the reader is this thread's again.
        report.blankVariantsSkipped = reader.blankVariantsSkipped
        report.blankUnitsSkipped = reader.blankUnitsSkipped
        report.problems = reader.problems
        report.moreProblems = reader.unreportedProblems
        return report
    }

    /// Units read from the file, prepared for the store, and how many bytes of the file had been
    /// read after them.
    struct UnitBatch: Sendable {
        var units: [PreparedUnit] = []
        var bytesRead: Int64 = 0
    }

    /// Reads the whole file in batches, preparing each unit for `store` (``MemoryStore/prepare(_:)``):
    /// on a second thread (``readAhead``) or on this one. Returns (or throws) only once `reader` is
    /// no longer used by another thread.
    private func forEachBatch(
        of reader: TMXReader, preparingFor store: any MemoryStore, _ body: (UnitBatch) throws -> Void
    ) throws {
        func read() throws -> UnitBatch {
            var batch = UnitBatch()
            batch.units.reserveCapacity(Self.batchSize)
            while batch.units.count < Self.batchSize, let unit = try reader.next() { batch.units.append(store.prepare(unit)) }
            batch.bytesRead = reader.bytesConsumed
            return batch
        }
        guard readAhead else {
            while true {
                let batch = try read()
                if batch.units.isEmpty { return }
                try body(batch)
            }
        }
        let pipe = BatchPipe<UnitBatch>(capacity: 4)
        let handOver = ReaderHandOver(read)
        let thread = Thread {
            do {
                while true {
                    let batch = try handOver.read()
                    if batch.units.isEmpty { break }
                    try pipe.put(batch)
                }
                pipe.finish(error: nil)
            } catch {
                pipe.finish(error: error)
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
        do {
            while let batch = try pipe.take() {
                try body(batch)
                pipe.handBack(batch)
            }
        } catch {
            pipe.cancel()
            // Wait for the reading thread to let go of the reader before the caller uses it again
            // (it stops at its next put: at most one more batch read; from standard input, that
            // waits for the input).
            while (try? pipe.take()) != nil {}
            throw error
        }
    }
}

/// Gives the reading thread its function over the (non-`Sendable`) ``TMXReader``.
///
/// `@unchecked Sendable`: the reader is used by one thread at a time: by the reading thread until it
/// finishes the ``BatchPipe``, by the importing thread only after the pipe has said so (the pipe's
/// lock orders the two).
private final class ReaderHandOver: @unchecked Sendable {
    let read: () throws -> TMXImporter.UnitBatch

    init(_ read: @escaping () throws -> TMXImporter.UnitBatch) {
        self.read = read
    }
}
