import Foundation
import PamyatCore
import PamyatStore
import Testing
@testable import PamyatServer

/// The verbs over real memories (in-memory SQLite stores), over a real socket.
@Suite struct ServiceBackendTests {
    static let ru = LanguageTag(canonical: "ru")
    static let en = LanguageTag(canonical: "en")
    static let be = LanguageTag(canonical: "be")

    /// Two memories: `main` with two ru-en units, `extra` with one ru-be unit.
    static func memories() throws -> [ServedMemory] {
        let main = try SQLiteMemoryStore.inMemory()
        try main.write { session in
            for (ru, en) in [("Вызовов много.", "There are many challenges."), ("Президент провёл совещание.", "The President held a meeting.")] {
                _ = try session.store(
                    TranslationUnit(sourceLanguage: Self.ru, variants: [Variant(language: Self.ru, text: ru), Variant(language: Self.en, text: en)], origin: .aligned),
                    onDuplicate: .keepExisting)
            }
        }
        let extra = try SQLiteMemoryStore.inMemory()
        try extra.write { session in
            _ = try session.store(
                TranslationUnit(sourceLanguage: Self.ru, variants: [Variant(language: Self.ru, text: "Вызовов много."), Variant(language: Self.be, text: "Выклікаў шмат.")], origin: .aligned),
                onDuplicate: .keepExisting)
        }
        return [ServedMemory(name: "main", store: main), ServedMemory(name: "extra", store: extra)]
    }

    @Test func helloListsTheMemoriesAndTheirLanguages() async throws {
        let server = try await TestServer.start(memories: try Self.memories())
        let client = try await server.connect()
        let hello = try await client.requestJSON("HELLO")
        #expect(hello["memories"] as? [String] == ["main", "extra"], "\(hello)")
        #expect(hello["languages"] as? [String] == ["be", "en", "ru"], "\(hello)")
        try await server.stop()
    }

    @Test func statsSumsTheMemories() async throws {
        let server = try await TestServer.start(memories: try Self.memories())
        let client = try await server.connect()
        let stats = try await client.requestJSON("STATS")
        #expect(stats["units"] as? Int == 3, "\(stats)")
        #expect(stats["pairs"] as? [String: Int] == ["ru-en": 2, "ru-be": 1], "as the store counts them: \(stats)")
        try await server.stop()
    }

    @Test func segmentSplitsLikePamyatSegment() async throws {
        let server = try await TestServer.start(memories: try Self.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(#"SEGMENT ru "Вызовов много. Т. е. их больше, чем в 2020 г. Почему?\nВторой абзац.""#)
        #expect(answer["sentences"] as? [String] == ["Вызовов много.", "Т. е. их больше, чем в 2020 г.", "Почему?", "Второй абзац."], "\(answer)")
        let unknown = try await client.requestJSON(#"SEGMENT zu "Sawubona.""#)
        #expect(unknown["error"] as? String == "bad-language", "a language without rules: \(unknown)")
        try await server.stop()
    }
}
