import Foundation
import PamyatCore
import PamyatStore
import Testing

@Suite struct StoreReadTests {
    @Test func statsCountUnitsPerPairAndLanguage() throws {
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { session in
            _ = try session.store(pair("Один.", "One."), onDuplicate: .keepExisting)
            _ = try session.store(pair("Два.", "Two."), onDuplicate: .keepExisting)
            let tri = TranslationUnit(sourceLanguage: ru, variants: [
                Variant(language: ru, text: "Три."), Variant(language: en, text: "Three."), Variant(language: be, text: "Тры."),
            ], origin: .aligned)
            _ = try session.store(tri, onDuplicate: .keepExisting)
        }
        let stats = try store.stats()
        #expect(stats.units == 3)
        #expect(stats.pairs == ["ru-en": 3, "ru-be": 1])
        #expect(stats.languages == ["ru": 3, "en": 3, "be": 1])
        #expect(try store.languages() == [be, en, ru])
    }

    @Test func forEachUnitStreamsInBatchesWithFilters() throws {
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { session in
            for i in 0..<25 {
                _ = try session.store(pair("Фраза \(i).", "Phrase \(i).", document: i % 2 == 0 ? "even" : "odd",
                                           at: Date(timeIntervalSince1970: 1_700_000_000 + Double(i) * 100)),
                                      onDuplicate: .keepExisting)
            }
        }
        var batches: [Int] = []
        var all: [Int64] = []
        try store.forEachUnit(matching: UnitFilter(), batchSize: 10) { batch in
            batches.append(batch.count)
            all += batch.map { $0.id! }
        }
        #expect(batches == [10, 10, 5])
        #expect(all == all.sorted() && all.count == 25)
        var even = 0
        try store.forEachUnit(matching: UnitFilter(documentID: "even"), batchSize: 7) { even += $0.count }
        #expect(even == 13)
        var recent = 0
        try store.forEachUnit(matching: UnitFilter(changedSince: Date(timeIntervalSince1970: 1_700_002_000)), batchSize: 100) { recent += $0.count }
        #expect(recent == 5)
        var withBe = 0
        try store.forEachUnit(matching: UnitFilter(languages: [be]), batchSize: 100) { withBe += $0.count }
        #expect(withBe == 0)
    }

    @Test func unitsByIdKeepTheGivenOrderAndSkipMissing() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let ids = try store.write { session in
            try (0..<3).map { try session.store(pair("Ф\($0).", "P\($0)."), onDuplicate: .keepExisting).unitID }
        }
        let read = try store.units(ids: [ids[2], 999, ids[0]])
        #expect(read.map(\.id) == [ids[2], ids[0]])
    }

    @Test func forEachVariantMatchesRegionalTags() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let gb = LanguageTag(canonical: "en-GB")
        try store.write { session in
            _ = try session.store(TranslationUnit(sourceLanguage: ru, variants: [
                Variant(language: ru, text: "Цвет."), Variant(language: gb, text: "Colour."),
            ], origin: .imported), onDuplicate: .keepExisting)
        }
        var texts: [String] = []
        try store.forEachVariant(in: en) { texts.append($0.text) }
        #expect(texts == ["Colour."])
    }

    @Test(arguments: [("одкб", 2), ("ОДКБ", 2), ("сотрудничеств", 1), ("Минск", 1), ("ск", 1), ("Лондон", 0)])
    func concordanceFindsSubstringsCaseInsensitively(query: String, expected: Int) throws {
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { session in
            _ = try session.store(pair("Генсек ОДКБ прибыл в Минск.", "The CSTO Secretary General arrived in Minsk."), onDuplicate: .keepExisting)
            _ = try session.store(pair("Страны ОДКБ развивают сотрудничество.", "CSTO countries develop cooperation."), onDuplicate: .keepExisting)
        }
        #expect(try store.concordance(language: ru, text: query, limit: 10).count == expected, "query \(query)")
    }
}

@Suite struct ConcordanceIndexTests {
    @Test func theIndexFollowsAddsAndDeletes() throws {
        let store = try SQLiteMemoryStore.inMemory()
        try store.write { _ = try $0.store(pair("Встреча в Минске.", "Meeting in Minsk.", document: "a"), onDuplicate: .keepExisting) }
        #expect(try store.concordance(language: ru, text: "минск", limit: 5).count == 1)
        #expect(try store.pendingConcordanceVariants() == 0, "a query indexes what was pending")
        try store.write { _ = try $0.store(pair("Саммит в Минске.", "Summit in Minsk.", document: "b"), onDuplicate: .keepExisting) }
        #expect(try store.pendingConcordanceVariants() == 2)
        #expect(try store.concordance(language: ru, text: "минск", limit: 5).count == 2, "new units are found at once")
        _ = try store.write { try $0.deleteUnits(ofDocument: "a") }
        let left = try store.concordance(language: ru, text: "МИНСК", limit: 5)
        #expect(left.count == 1, "deleted units leave the index")
        #expect(try store.unit(id: left[0])?.provenance.documentID == "b")
        #expect(try store.concordance(language: en, text: "minsk", limit: 5).count == 1)
    }

    @Test func aReadOnlyMemoryScansWhatIsNotIndexed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ro.sqlite")
        let writable = try SQLiteMemoryStore(path: path)
        try writable.write { _ = try $0.store(pair("Генсек ОДКБ прибыл.", "The CSTO head arrived."), onDuplicate: .keepExisting) }
        let readOnly = try SQLiteMemoryStore(path: path, create: false, readOnly: true)
        #expect(try readOnly.concordance(language: ru, text: "одкб", limit: 5).count == 1)
        #expect(try readOnly.pendingConcordanceVariants() == 2, "read-only queries write nothing")
    }

    @Test func resultsAreNewestFirstAndLimited() throws {
        let store = try SQLiteMemoryStore.inMemory()
        let ids = try store.write { session in
            try (0..<5).map { try session.store(pair("Фраза номер \($0) про ОДКБ.", "Phrase \($0)."), onDuplicate: .keepExisting).unitID }
        }
        #expect(try store.concordance(language: ru, text: "ОДКБ", limit: 3) == Array(ids.reversed().prefix(3)))
    }
}
