import PamyatCore
import PamyatStore

/// A store that passes every call on to `base`: test doubles conform and write only the calls they
/// change (a write that fails, a stream that breaks).
protocol ForwardingStore: MemoryStore {
    var base: SQLiteMemoryStore { get }
}

extension ForwardingStore {
    var location: String { base.location }
    var identity: StoreIdentity? { base.identity }
    func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T { try base.write(body) }
    func unit(id: Int64) throws -> TranslationUnit? { try base.unit(id: id) }
    func units(ids: [Int64]) throws -> [TranslationUnit] { try base.units(ids: ids) }
    func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws {
        try base.forEachUnit(matching: filter, batchSize: batchSize, body)
    }
    func forEachVariant(in language: LanguageTag?, _ body: (IndexedVariant) throws -> Void) throws { try base.forEachVariant(in: language, body) }
    func document(id: String) throws -> DocumentRecord? { try base.document(id: id) }
    func forEachDocument(_ body: (DocumentRecord) throws -> Void) throws { try base.forEachDocument(body) }
    func changes(after sequence: Int64) throws -> (changes: [UnitChange], latest: Int64) { try base.changes(after: sequence) }
    func concordance(language: LanguageTag, text: String, limit: Int) throws -> [Int64] {
        try base.concordance(language: language, text: text, limit: limit)
    }
    func languages() throws -> [LanguageTag] { try base.languages() }
    func stats() throws -> MemoryStats { try base.stats() }
    func unitCountsByDocument() throws -> [String: Int] { try base.unitCountsByDocument() }
}
