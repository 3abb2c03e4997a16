import Foundation
import PamyatCore
import Testing

/// Reading: filters, variants, concordance, stats, identity — the same answers from every store.
@Suite struct StoreReadConformanceTests {
    /// Five units: two documents, three languages, two change dates.
    func filled(_ kind: StoreKind) throws -> TestMemory {
        let memory = try kind.makeMemory()
        var trilingual = pair("Минск — столица.", "Minsk is the capital.", document: "b")
        trilingual.variants.append(Variant(language: be, text: "Мінск — сталіца."))
        let units = [
            pair("Первое предложение.", "The first sentence.", document: "a"),
            pair("Второе ПРЕДЛОЖЕНИЕ.", "The second sentence.", document: "a", at: Date(timeIntervalSince1970: 1_800_000_000)),
            trilingual,
            pair("Без документа.", "No document."),
            pair("Ещё одно предложение.", "One more sentence.", document: "b", at: Date(timeIntervalSince1970: 1_800_000_000)),
        ]
        _ = try memory.store.write { session in try units.map { try session.store($0, onDuplicate: .keepExisting) } }
        return memory
    }

    func sources(_ store: any MemoryStore, _ filter: UnitFilter, batchSize: Int = 2) throws -> [String] {
        var texts: [String] = []
        var lastID: Int64 = 0
        try store.forEachUnit(matching: filter, batchSize: batchSize) { batch in
            #expect(batch.count <= batchSize)
            for unit in batch {
                #expect(unit.id! > lastID, "units come in id order")
                lastID = unit.id!
                texts.append(unit.variants[0].text)
            }
        }
        return texts
    }

    @Test(arguments: StoreKind.allCases)
    func filtersSelectByLanguageDateAndDocument(kind: StoreKind) throws {
        let store = try filled(kind).store
        #expect(try sources(store, UnitFilter()).count == 5)
        #expect(try sources(store, UnitFilter(languages: [be])) == ["Минск — столица."])
        #expect(try sources(store, UnitFilter(languages: [ru, en])).count == 5)
        #expect(try sources(store, UnitFilter(changedSince: Date(timeIntervalSince1970: 1_750_000_000)))
            == ["Второе ПРЕДЛОЖЕНИЕ.", "Ещё одно предложение."])
        #expect(try sources(store, UnitFilter(documentID: "b")) == ["Минск — столица.", "Ещё одно предложение."])
        #expect(try sources(store, UnitFilter(languages: [be], documentID: "a")).isEmpty)
        #expect(try sources(store, UnitFilter(), batchSize: 100).count == 5)
    }

    @Test(arguments: StoreKind.allCases)
    func variantsStreamPerLanguage(kind: StoreKind) throws {
        let store = try filled(kind).store
        var russian: [String] = [], all = 0
        try store.forEachVariant(in: ru) { russian.append($0.text) }
        try store.forEachVariant(in: nil) { _ in all += 1 }
        #expect(russian.count == 5 && russian.first == "Первое предложение.")
        #expect(all == 11)
        #expect(try store.languages().map(\.identifier) == ["be", "en", "ru"])
    }

    @Test(arguments: StoreKind.allCases)
    func concordanceFindsSubstringsCaseInsensitivelyNewestFirst(kind: StoreKind) throws {
        let store = try filled(kind).store
        let hits = try store.concordance(language: ru, text: "предложение", limit: 10)
        let texts = try store.units(ids: hits).map { $0.variants[0].text }
        #expect(texts == ["Ещё одно предложение.", "Второе ПРЕДЛОЖЕНИЕ.", "Первое предложение."])
        #expect(try store.concordance(language: ru, text: "предложение", limit: 2).count == 2)
        #expect(try store.concordance(language: en, text: "SENTENCE", limit: 10).count == 3)
        #expect(try store.concordance(language: be, text: "мі", limit: 10).count == 1, "a query under three letters works too")
        #expect(try store.concordance(language: ru, text: "нет такого", limit: 10).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func statsCountUnitsPairsLanguagesAndDocuments(kind: StoreKind) throws {
        let memory = try filled(kind)
        try memory.store.write { session in
            try session.saveDocument(DocumentRecord(id: "a", sourceLanguage: ru, languages: [ru, en], contentHash: "h"))
        }
        let stats = try memory.store.stats()
        #expect(stats.units == 5)
        #expect(stats.pairs == ["ru-en": 5, "ru-be": 1])
        #expect(stats.languages == ["ru": 5, "en": 5, "be": 1])
        #expect(stats.documents == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func unitsAreCountedPerDocument(kind: StoreKind) throws {
        let memory = try filled(kind)
        #expect(try memory.store.unitCountsByDocument() == ["a": 2, "b": 2], "the unit without a document is not counted")
        #expect(try kind.makeMemory().store.unitCountsByDocument().isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func unitsComeInTheOrderAsked(kind: StoreKind) throws {
        let store = try filled(kind).store
        var ids: [Int64] = []
        try store.forEachUnit(matching: UnitFilter(), batchSize: 10) { ids += $0.map { $0.id! } }
        let asked = [ids[3], ids[0], 987_654_321, ids[4]]
        #expect(try store.units(ids: asked).map(\.id) == [ids[3], ids[0], ids[4]], "missing ids are skipped")
        #expect(try store.unit(id: 987_654_321) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func identityIsTheSameForTheSameMemoryOnly(kind: StoreKind) throws {
        let memory = try kind.makeMemory()
        let again = try memory.reopen()
        #expect(memory.store.identity != nil)
        #expect(memory.store.identity == again.identity, "the same memory opened again is the same identity")
        let other = try kind.makeMemory()
        #expect(other.store.identity?.key != memory.store.identity?.key)
    }
}
