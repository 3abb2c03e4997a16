import Foundation
import PamyatCore
import PamyatService
import PamyatStore

enum Tags {
    static let ru = LanguageTag(canonical: "ru")
    static let en = LanguageTag(canonical: "en")
    static let be = LanguageTag(canonical: "be")
    static let kk = LanguageTag(canonical: "kk")
}

/// A unit with variants `(language, text)`, stored at `day` (days after 2023-01-01).
func unit(_ variants: [(LanguageTag, String)], day: Int = 0, document: String? = nil, previous: String? = nil) -> TranslationUnit {
    TranslationUnit(
        sourceLanguage: variants[0].0, variants: variants.map { Variant(language: $0.0, text: $0.1) }, origin: .aligned,
        provenance: Provenance(documentID: document, contextPrevious: previous),
        createdAt: Date(timeIntervalSince1970: 1_672_531_200 + Double(day) * 86_400))
}

/// An in-memory store holding `units`.
func store(_ units: [TranslationUnit]) throws -> SQLiteMemoryStore {
    let store = try SQLiteMemoryStore.inMemory()
    try store.write { session in
        for unit in units { _ = try session.store(unit, onDuplicate: .keepExisting) }
    }
    return store
}

/// A lookup service over one in-memory memory named `main`.
func service(_ units: [TranslationUnit], penalty: Int = 0) throws -> LookupService {
    try LookupService(memories: [LookupService.Memory(name: "main", store: store(units), penalty: penalty)])
}

/// A temporary folder removed when the value is dropped.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-lookup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}
