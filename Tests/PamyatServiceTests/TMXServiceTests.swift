import Foundation
import PamyatCore
import PamyatMatch
import PamyatService
import PamyatStore
import PamyatTMX
import Testing

/// Import and export through a real (in-memory or file) SQLite store.
@Suite struct TMXServiceTests {
    static let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en"), be = LanguageTag(canonical: "be")

    /// A folder removed when the test ends.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-tmx-service-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
            return path(name)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static func units(in store: any MemoryStore, filter: UnitFilter = UnitFilter()) throws -> [TranslationUnit] {
        var result: [TranslationUnit] = []
        try store.forEachUnit(matching: filter, batchSize: 7) { result += $0 }
        return result
    }

    static func unit(_ ru: String, _ en: String, document: String? = nil, changed: TimeInterval = 1_700_000_000, be: String? = nil) -> TranslationUnit {
        var variants = [Variant(language: Self.ru, text: ru), Variant(language: Self.en, text: en)]
        if let be { variants.append(Variant(language: Self.be, text: be)) }
        return TranslationUnit(
            sourceLanguage: Self.ru, variants: variants, origin: .aligned, provenance: Provenance(documentID: document, position: "1"),
            createdAt: Date(timeIntervalSince1970: 1_600_000_000), changedAt: Date(timeIntervalSince1970: changed))
    }

    static func tmx(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
        <body>
        \(body)
        </body></tmx>
        """
    }

    @Test func importingTwiceAddsNothing() throws {
        let folder = try Folder()
        let file = try folder.write("a.tmx", Self.tmx("""
            <tu tuid="1" creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            <tu tuid="2" creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv xml:lang="en"><seg>No.</seg></tuv></tu>
            <tu tuid="3" creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            """))
        let store = try SQLiteMemoryStore.inMemory()
        let first = try TMXImporter().importFile(file, into: store)
        #expect(first.units == 3 && first.created == 2 && first.unchanged == 1)
        #expect(try TMXImporter().importFile(file, into: nil).repeatedInFile == 1, "a dry run counts repeats")
        let before = try Self.units(in: store)
        let second = try TMXImporter().importFile(file, into: store)
        #expect(second.created == 0 && second.units == 3, "\(second)")
        #expect(try Self.units(in: store) == before, "nothing changed")
        #expect(try store.stats().units == 2)
    }

    @Test func aUnitEqualInAllItsVariantsUpdatesDatesAndProps() throws {
        let folder = try Folder()
        let store = try SQLiteMemoryStore.inMemory()
        _ = try TMXImporter().importFile(try folder.write("a.tmx", Self.tmx("""
            <tu creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            """)), into: store)
        let report = try TMXImporter().importFile(try folder.write("b.tmx", Self.tmx("""
            <tu creationdate="20240101T000000Z" changedate="20250101T000000Z" changeid="ed"><prop type="x-reviewed">yes</prop><tuv xml:lang="en"><seg>Yes.</seg></tuv><tuv xml:lang="ru"><seg>Да.</seg></tuv></tu>
            """)), into: store)
        #expect(report.updated == 1 && report.created == 0)
        let unit = try #require(try Self.units(in: store).first)
        #expect(TMXDate.format(unit.changedAt) == "20250101T000000Z" && unit.changedBy == "ed")
        #expect(unit.properties.contains(Property(type: "x-reviewed", value: "yes")))
        #expect(try store.stats().units == 1)
    }

    @Test func aBadFileImportsNothing() throws {
        let folder = try Folder()
        let store = try SQLiteMemoryStore.inMemory()
        let file = try folder.write("bad.tmx", Self.tmx("""
            <tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv><seg>No.</seg></tuv></tu>
            """))
        #expect(throws: TMXError.self) { try TMXImporter().importFile(file, into: store) }
        #expect(try store.stats().units == 0, "the transaction was rolled back")
    }

    /// Issue 13, item 6: import stores no blank segment (the rule ADD applies): blank variants are left
    /// out, a unit with nothing but blank ones is not stored, the rest of the file is.
    @Test func importStoresNoBlankSegment() throws {
        let folder = try Folder()
        let store = try SQLiteMemoryStore.inMemory()
        let file = try folder.write("blank.tmx", Self.tmx("""
            <tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>   </seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg></seg></tuv><tuv xml:lang="en"><seg>\n</seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv xml:lang="en"><seg>No.</seg></tuv></tu>
            """))
        let report = try TMXImporter().importFile(file, into: store)
        #expect(report.units == 2 && report.created == 2, "\(report)")
        let stored = try Self.units(in: store)
        #expect(stored.count == 2)
        #expect(stored.allSatisfy { unit in unit.variants.allSatisfy { !$0.text.allSatisfy(\.isWhitespace) } }, "\(stored.map(\.variants))")
        #expect(report.problems.filter { $0.message.contains("empty or white-space-only") }.count == 3, "\(report.problems)")
    }

    /// `count` units, every tenth repeating the one before; a unit without a language at `badAt`.
    static func manyUnits(_ count: Int, badAt: Int? = nil) -> String {
        tmx((0..<count).map { index in
            if index == badAt { return "<tu><tuv><seg>Без языка.</seg></tuv></tu>" }
            let n = index % 10 == 9 ? index - 1 : index
            return "<tu creationdate=\"20240101T000000Z\"><tuv xml:lang=\"ru\"><seg>Фраза \(n).</seg></tuv><tuv xml:lang=\"en\"><seg>Phrase \(n).</seg></tuv></tu>"
        }.joined(separator: "\n"))
    }

    @Test func readingAheadImportsWhatReadingInTurnImports() throws {
        let folder = try Folder()
        let file = try folder.write("many.tmx", Self.manyUnits(5_000))
        var results: [(TMXImportReport, [TranslationUnit], [Int])] = []
        for readAhead in [true, false] {
            let store = try SQLiteMemoryStore.inMemory()
            var progress: [Int] = []
            let report = try TMXImporter(progressInterval: 1_000, readAhead: readAhead).importFile(file, into: store) {
                progress.append($0.units)
            }
            results.append((report, try Self.units(in: store), progress))
        }
        let (ahead, inTurn) = (results[0], results[1])
        #expect(ahead.0.units == 5_000 && ahead.0.created == 4_500 && ahead.0.updated + ahead.0.unchanged == 500, "\(ahead.0)")
        #expect((ahead.0.created, ahead.0.updated, ahead.0.unchanged) == (inTurn.0.created, inTurn.0.updated, inTurn.0.unchanged))
        #expect(ahead.0.languages == inTurn.0.languages)
        #expect(ahead.1 == inTurn.1, "the same units, in the same order")
        #expect(ahead.2 == [1_000, 2_000, 3_000, 4_000, 5_000] && inTurn.2 == ahead.2)
    }

    @Test func aBadUnitFarIntoTheFileImportsNothing() throws {
        let folder = try Folder()
        // Far enough that the writing thread has stored several batches when the reader fails.
        let file = try folder.write("late.tmx", Self.manyUnits(5_000, badAt: 4_000))
        let store = try SQLiteMemoryStore.inMemory()
        #expect { try TMXImporter().importFile(file, into: store) } throws: { error in
            (error as? TMXError)?.line == 4_004
        }
        #expect(try store.stats().units == 0, "the transaction was rolled back")
        #expect(try store.changes(after: 0).changes.isEmpty)
    }

    @Test func theFuzzyIndexCatchesUpWithAnImport() throws {
        let folder = try Folder()
        let store = try SQLiteMemoryStore(path: folder.path("tm.sqlite"))
        _ = try TMXImporter().importFile(try folder.write("first.tmx", Self.manyUnits(100)), into: store)
        let index = try FuzzyIndex.build(from: store)
        #expect(index.unitCount == 90)
        // Units 0-99 again (unchanged, so not logged), then 1,800 new ones over several batches.
        let report = try TMXImporter().importFile(try folder.write("more.tmx", Self.manyUnits(2_000)), into: store)
        #expect(report.created == 1_710 && report.unchanged == 290)
        #expect(try index.catchUp(with: store) == 1_710, "every imported unit is a change")
        #expect(index.unitCount == 1_800)
        for n in [100, 1_234, 1_998] {
            let found = try index.lookup("Фраза \(n).", from: Self.ru, to: Self.en, minimum: 100, limit: 1)
            let unit = try #require(try store.units(ids: found.first?.units ?? []).first, "unit \(n) is in the index")
            #expect(unit.variants.map(\.text) == ["Фраза \(n).", "Phrase \(n)."])
        }
        // A merge between new units is logged in order with them.
        let last = try folder.write("last.tmx", Self.tmx("""
            <tu creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Новая фраза.</seg></tuv><tuv xml:lang="en"><seg>New phrase.</seg></tuv></tu>
            <tu creationdate="20240101T000000Z" changedate="20250101T000000Z"><tuv xml:lang="ru"><seg>Фраза 5.</seg></tuv><tuv xml:lang="en"><seg>Phrase 5.</seg></tuv></tu>
            <tu creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>Ещё фраза.</seg></tuv><tuv xml:lang="en"><seg>One more phrase.</seg></tuv></tu>
            """))
        let before = try store.changes(after: 0).latest
        #expect(try TMXImporter().importFile(last, into: store).updated == 1)
        #expect(try store.changes(after: before).changes.map(\.kind) == [.inserted, .updated, .inserted])
        #expect(try index.catchUp(with: store) == 3)
        #expect(index.unitCount == 1_802)
        #expect(try index.lookup("Ещё фраза.", from: Self.ru, to: Self.en, minimum: 100, limit: 1).count == 1)
    }

    /// A store whose write session fails after `limit` units.
    struct FailingWrites: ForwardingStore {
        let base: SQLiteMemoryStore
        let limit: Int
        final class Session: MemoryWriteSession {
            let base: any MemoryWriteSession
            let limit: Int
            var stored = 0
            init(base: any MemoryWriteSession, limit: Int) { (self.base, self.limit) = (base, limit) }
            func store(_ unit: TranslationUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
                stored += 1
                if stored > limit { throw StoreError(.diskFull, "the disk is full; nothing was written.") }
                return try base.store(unit, onDuplicate: policy)
            }
            func document(id: String) throws -> DocumentRecord? { try base.document(id: id) }
            func saveDocument(_ document: DocumentRecord) throws { try base.saveDocument(document) }
            func deleteUnits(ofDocument id: String) throws -> Int { try base.deleteUnits(ofDocument: id) }
        }
        func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T {
            try base.write { try body(Session(base: $0, limit: limit)) }
        }
    }

    @Test func aStoreThatFailsStopsTheReadingAndImportsNothing() throws {
        let folder = try Folder()
        let file = try folder.write("many.tmx", Self.manyUnits(20_000))
        let base = try SQLiteMemoryStore.inMemory()
        #expect { try TMXImporter().importFile(file, into: FailingWrites(base: base, limit: 1_500)) } throws: { error in
            (error as? StoreError)?.code == .diskFull
        }
        #expect(try base.stats().units == 0, "the transaction was rolled back")
        #expect(try TMXImporter().importFile(file, into: base).created == 18_000, "the memory is usable afterwards")
    }

    @Test func dryRunReportsWithoutAStore() throws {
        let folder = try Folder()
        let file = try folder.write("a.tmx", Self.tmx("""
            <tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="EN-gb"><seg>Yes.</seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg>Один.</seg></tuv></tu>
            """))
        let report = try TMXImporter().importFile(file, into: nil)
        #expect(report.dryRun && report.units == 2 && report.created == 0)
        #expect(report.languages == [Self.ru: 2, LanguageTag(canonical: "en-GB"): 1])
        #expect(report.problems.count == 1 && report.problems[0].line == 5, "\(report.problems)")
    }

    @Test func exportThenImportGivesTheSameMemory() throws {
        let folder = try Folder()
        let source = try SQLiteMemoryStore.inMemory()
        var units: [TranslationUnit] = []
        for index in 0..<120 {
            let ru = "Строка № \(index) & <тег> \u{200F}🎄"
            let en = "Line \(index) \"quoted\" 'single'"
            let document: String? = index % 3 == 0 ? "doc-\(index % 5)" : nil
            let be: String? = index % 2 == 0 ? "Радок \(index)\u{1B}" : nil
            let changed = 1_700_000_000 + TimeInterval(index)
            units.append(Self.unit(ru, en, document: document, changed: changed, be: be))
        }
        units[5].variants[1].markup = #"Line 5 <ph x="1">&lt;br/&gt;</ph>"quoted" 'single'"#
        units[5].variants[1].text = #"Line 5 "quoted" 'single'"#
        units[6].notes = [Note(text: "a note", language: "en")]
        units[7].properties = [Property(type: "x-LastUsedBy", value: "OFFICE\\ed")]
        units[8].provenance = Provenance(documentID: "d", documentTitle: "T", documentDate: "2024-01-31", position: "3-4", confidence: 0.25, contextPrevious: "p", contextNext: "n")
        units[9].variants[0].attributes = ["creationid": "x"]
        units[10].externalID = "ext-10"
        try source.write { session in for unit in units { _ = try session.store(unit, onDuplicate: .keepExisting) } }
        let file = folder.path("m.tmx")
        let report = try TMXExporter(toolVersion: "test").export(from: source, to: file, selection: TMXExportSelection())
        #expect(report.units == 120 && report.placeholders == 60)
        #expect(try Self.validate(file) == 0)

        let target = try SQLiteMemoryStore.inMemory()
        let imported = try TMXImporter().importFile(file, into: target)
        #expect(imported.created == 120 && imported.problems.isEmpty, "\(imported.problems)")
        let before = try Self.units(in: source), after = try Self.units(in: target)
        #expect(after.count == before.count)
        for (old, new) in zip(before, after) {
            var wanted = old
            wanted.externalID = old.externalID ?? old.id.map { String($0) }
            wanted.id = new.id
            #expect(new == wanted)
            #expect(new.variants.map { Array($0.text.unicodeScalars) } == old.variants.map { Array($0.text.unicodeScalars) })
        }
    }

    @Test func exportFiltersSelectUnitsAndVariants() throws {
        let folder = try Folder()
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { session in
            _ = try session.store(Self.unit("Один.", "One.", document: "a", changed: 1_000, be: "Адзін."), onDuplicate: .keepExisting)
            _ = try session.store(Self.unit("Два.", "Two.", document: "b", changed: 2_000_000_000), onDuplicate: .keepExisting)
            var enOnly = Self.unit("x", "Three.", document: "b")
            enOnly.variants = [Variant(language: Self.en, text: "Three."), Variant(language: Self.be, text: "Тры.")]
            enOnly.sourceLanguage = Self.en
            _ = try session.store(enOnly, onDuplicate: .keepExisting)
        }
        func export(_ selection: TMXExportSelection) throws -> (TMXExportReport, [TranslationUnit]) {
            let path = folder.path("out-\(UUID().uuidString).tmx")
            let report = try TMXExporter(toolVersion: "t").export(from: store, to: path, selection: selection)
            #expect(try Self.validate(path) == 0)
            let reader = try TMXReader(path: path)
            var units: [TranslationUnit] = []
            while let unit = try reader.next() { units.append(unit) }
            return (report, units)
        }
        let (pair, pairUnits) = try export(TMXExportSelection(pair: LanguagePair(source: Self.ru, target: Self.en)))
        #expect(pair.units == 2 && pair.sourceLanguage == .language(Self.ru))
        #expect(pair.languages == [Self.ru: 2, Self.en: 2], "\(pair.languages)")
        #expect(pairUnits.allSatisfy { $0.variants.map(\.language) == [Self.ru, Self.en] }, "only the pair's variants")
        let (multi, multiUnits) = try export(TMXExportSelection(languages: [Self.en, Self.be]))
        #expect(multi.units == 2 && multi.skipped == 1 && multi.sourceLanguage == .all)
        #expect(multiUnits.allSatisfy { $0.variants.allSatisfy { [Self.en, Self.be].contains($0.language) } })
        let (withSource, _) = try export(TMXExportSelection(sourceLanguage: Self.ru))
        #expect(withSource.units == 2 && withSource.sourceLanguage == .language(Self.ru))
        let (since, _) = try export(TMXExportSelection(changedSince: Date(timeIntervalSince1970: 1_500_000_000)))
        #expect(since.units == 2)
        let (document, _) = try export(TMXExportSelection(documentID: "b"))
        #expect(document.units == 2)
    }

    /// A store whose stream fails after the first batch: the export must leave no file behind.
    struct FailingStore: ForwardingStore {
        let base: SQLiteMemoryStore
        func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws {
            var batches = 0
            try base.forEachUnit(matching: filter, batchSize: batchSize) { batch in
                batches += 1
                if batches > 1 { throw StoreError(.database, "disk went away") }
                try body(batch)
            }
        }
    }

    @Test func aFailedExportLeavesNoFile() throws {
        let folder = try Folder()
        let base = try SQLiteMemoryStore.inMemory()
        try base.write { session in
            for index in 0..<50 { _ = try session.store(Self.unit("Р \(index)", "E \(index)"), onDuplicate: .keepExisting) }
        }
        let path = folder.path("out.tmx")
        try Data("previous export".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            try TMXExporter(toolVersion: "t", batchSize: 10).export(from: FailingStore(base: base), to: path, selection: TMXExportSelection())
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous export", "the destination is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.tmx"], "no temporary file is left")
        let fresh = folder.path("fresh.tmx")
        #expect(throws: StoreError.self) {
            try TMXExporter(toolVersion: "t", batchSize: 10).export(from: FailingStore(base: base), to: fresh, selection: TMXExportSelection())
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    static func validate(_ path: String) throws -> Int32 {
        let dtd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PamyatTMXTests/Fixtures/tmx14.dtd")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--nonet", "--dtdvalid", dtd.path, path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
