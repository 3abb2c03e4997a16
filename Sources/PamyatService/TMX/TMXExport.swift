import Foundation
import PamyatCore
import PamyatTMX

/// What an export wrote.
public struct TMXExportReport: Sendable {
    /// The output path, or `-` for standard output.
    public var output: String
    public var units = 0
    /// Units the filters selected in the store that the selection then left out (no variant in the
    /// header's source language, fewer than two of `--langs`).
    public var skipped = 0
    /// Variants written per language.
    public var languages: [LanguageTag: Int] = [:]
    public var sourceLanguage: TMXHeader.SourceLanguage
    /// Control characters written as placeholders, and ones dropped from props/notes/attributes.
    public var placeholders = 0
    public var droppedCharacters = 0
}

/// Exports a memory to TMX 1.4b, streaming with constant memory (``MemoryStore/forEachUnit``), to a
/// temporary file in the destination's folder that is renamed into place only when complete: a
/// failed export leaves no half-written file. `-` writes to standard output.
public struct TMXExporter: Sendable {
    /// Units fetched from the store per batch. 5,000 by default: a PostgreSQL memory's export of
    /// 1M units took 6.8–7.5 s with batches of 5,000 against 7.8–9.5 s with 1,000 (alternating
    /// runs; fewer pages asked for, fewer hand-overs between the threads), SQLite's the same within
    /// noise, for ~8 MB (SQLite) to ~30 MB (PostgreSQL) more memory.
    public var batchSize: Int
    /// `creationtoolversion` in the header.
    public var toolVersion: String
    /// Read the store on a second thread while writing (``BatchPipe``); `false` reads and writes in turn.
    public var readAhead: Bool

    public init(toolVersion: String, batchSize: Int = 5_000, readAhead: Bool = true) {
        self.toolVersion = toolVersion
        self.batchSize = batchSize
        self.readAhead = readAhead
    }

    public func export(from store: any MemoryStore, to path: String, selection: TMXExportSelection) throws -> TMXExportReport {
        let output = try TMXOutputFile(path: path)
        do {
            let report = try write(from: store, named: output.path, selection: selection) { bytes in try output.write(bytes) }
            try output.commit()
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// Exports the units `selection` picks from `store` as TMX 1.4b handed to `output` piece by piece
    /// as it is written (an HTTP download streams them); `name` is the report's `output`. An error
    /// thrown by `output` stops the export and is rethrown. The caller must treat what `output` got
    /// as incomplete when this throws.
    public func export(
        from store: any MemoryStore, named name: String, selection: TMXExportSelection,
        to output: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws -> TMXExportReport {
        try write(from: store, named: name, selection: selection, output)
    }

    private func write(
        from store: any MemoryStore, named name: String, selection: TMXExportSelection,
        _ output: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws -> TMXExportReport {
        var filter = UnitFilter(changedSince: selection.changedSince, documentID: selection.documentID)
        if let pair = selection.pair {
            filter.languages = [pair.source, pair.target]
        } else if let source = selection.sourceLanguage {
            filter.languages = [source]
        }
        let header = TMXHeader(creationToolVersion: toolVersion, sourceLanguage: selection.headerSource)
        let writer = TMXWriter(header: header) { bytes in try output(bytes) }
        var report = TMXExportReport(output: name, sourceLanguage: header.sourceLanguage)
        try writer.start()
        // Variants per language, counted in a short list (a memory has a few languages) and
        // turned into the report's dictionary at the end.
        var counted: [(language: LanguageTag, count: Int)] = []
        func write(_ batch: [TranslationUnit]) throws {
            for stored in batch {
                guard let unit = selection.select(stored) else {
                    report.skipped += 1
                    continue
                }
                try writer.write(unit)
                for variant in unit.variants {
                    if let index = counted.firstIndex(where: { $0.language.identifier == variant.language.identifier }) {
                        counted[index].count += 1
                    } else {
                        counted.append((variant.language, 1))
                    }
                }
            }
        }
        func finish() throws -> TMXExportReport {
            try writer.finish()
            report.units = writer.unitsWritten
            report.placeholders = writer.placeholders
            report.droppedCharacters = writer.droppedCharacters
            for (language, count) in counted { report.languages[language, default: 0] += count }
            return report
        }
        if !readAhead {
            try store.forEachUnit(matching: filter, batchSize: batchSize, write)
            return try finish()
        }
        // The store is read on another thread while this one writes (BatchPipe).
        let pipe = BatchPipe<[TranslationUnit]>(capacity: 4)
        let reader = Thread { [batchSize, filter] in
            do {
                try store.forEachUnit(matching: filter, batchSize: batchSize) { try pipe.put($0) }
                pipe.finish(error: nil)
            } catch {
                pipe.finish(error: error)
            }
        }
        reader.stackSize = 1 << 20
        reader.start()
        do {
            while let batch = try pipe.take() { try write(batch) }
        } catch {
            pipe.cancel()
            // Wait for the reading thread to stop before the caller discards the output.
            while (try? pipe.take()) != nil {}
            throw error
        }
        return try finish()
    }
}
