import Foundation
import PamyatCore
import PamyatTMX

/// Which units and variants an export writes, and the header's `srclang`.
public struct TMXExportSelection: Sendable {
    /// `--from A --to B`: units with variants in both; only those two variants; `srclang` A.
    public var pair: LanguagePair?
    /// `--langs a,b,c`: the variants in these languages, for units with at least two of them.
    public var languages: [LanguageTag]
    /// `--srclang X`: the header's `srclang` (instead of `*all*`); units without a variant in X are skipped.
    public var sourceLanguage: LanguageTag?
    /// `--since`: units changed at or after this date.
    public var changedSince: Date?
    /// `--doc`: units of this document.
    public var documentID: String?

    public init(
        pair: LanguagePair? = nil, languages: [LanguageTag] = [], sourceLanguage: LanguageTag? = nil,
        changedSince: Date? = nil, documentID: String? = nil
    ) {
        self.pair = pair
        self.languages = languages
        self.sourceLanguage = sourceLanguage
        self.changedSince = changedSince
        self.documentID = documentID
    }

    /// The header's `srclang`.
    public var headerSource: TMXHeader.SourceLanguage {
        if let pair { return .language(pair.source) }
        if let sourceLanguage { return .language(sourceLanguage) }
        return .all
    }

    /// Whether `variant` is in `language`: the same tag, or a regional form of it (`en-GB` for `en`),
    /// as the store's language filter matches.
    static func matches(_ variant: LanguageTag, _ language: LanguageTag) -> Bool {
        variant == language || variant.identifier.hasPrefix(language.identifier + "-")
    }

    /// The unit as exported, or `nil` when the selection leaves it out.
    func select(_ unit: TranslationUnit) -> TranslationUnit? {
        var unit = unit
        let wanted: [LanguageTag] = pair.map { [$0.source, $0.target] } ?? languages
        if !wanted.isEmpty {
            unit.variants = unit.variants.filter { variant in wanted.contains { Self.matches(variant.language, $0) } }
            if let pair {
                guard unit.variants.contains(where: { Self.matches($0.language, pair.target) }) else { return nil }
            } else if unit.variants.count < 2 {
                return nil
            }
        }
        if case .language(let source) = headerSource, !unit.variants.contains(where: { $0.language == source }) {
            return nil
        }
        return unit.variants.isEmpty ? nil : unit
    }
}

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
    /// Units fetched from the store per batch.
    public var batchSize: Int
    /// `creationtoolversion` in the header.
    public var toolVersion: String
    /// Read the store on a second thread while writing (``BatchPipe``); `false` reads and writes in turn.
    public var readAhead: Bool

    public init(toolVersion: String, batchSize: Int = 1_000, readAhead: Bool = true) {
        self.toolVersion = toolVersion
        self.batchSize = batchSize
        self.readAhead = readAhead
    }

    public func export(from store: any MemoryStore, to path: String, selection: TMXExportSelection) throws -> TMXExportReport {
        let output = try TMXOutputFile(path: path)
        do {
            let report = try write(from: store, to: output, selection: selection)
            try output.commit()
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    private func write(from store: any MemoryStore, to output: TMXOutputFile, selection: TMXExportSelection) throws -> TMXExportReport {
        var filter = UnitFilter(changedSince: selection.changedSince, documentID: selection.documentID)
        if let pair = selection.pair {
            filter.languages = [pair.source, pair.target]
        } else if let source = selection.sourceLanguage {
            filter.languages = [source]
        }
        let header = TMXHeader(creationToolVersion: toolVersion, sourceLanguage: selection.headerSource)
        let writer = TMXWriter(header: header) { bytes in try output.write(bytes) }
        var report = TMXExportReport(output: output.path, sourceLanguage: header.sourceLanguage)
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
        let pipe = BatchPipe(capacity: 4)
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
