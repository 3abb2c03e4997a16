import Foundation
import PamyatCore
import PamyatStore

let ru = LanguageTag(canonical: "ru")
let en = LanguageTag(canonical: "en")
let be = LanguageTag(canonical: "be")

/// A ru-en unit for tests.
func pair(_ source: String, _ target: String, document: String? = nil, origin: Origin = .aligned,
          at date: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> TranslationUnit {
    TranslationUnit(
        sourceLanguage: ru,
        variants: [Variant(language: ru, text: source), Variant(language: en, text: target)],
        origin: origin, provenance: Provenance(documentID: document), createdAt: date)
}

/// A temporary folder removed when the value is dropped by the test.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}
