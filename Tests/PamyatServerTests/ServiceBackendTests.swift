import Foundation
import PamyatCore
import PamyatService
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
        #expect(stats["indexBehind"] as? Int == 0 && stats["indexCatchingUp"] as? Bool == false, "the indexes are current: \(stats)")
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

/// LOOKUP, CONCORDANCE and ADD through PamyatService's LookupService.
@Suite struct ServiceBackendLookupTests {
    @Test func lookupGivesTheLookupServicesMatchesScoresAndOrder() async throws {
        let memories = try ServiceBackendTests.memories()
        let server = try await TestServer.start(memories: memories)
        let client = try await server.connect()
        let line = try await client.request(#"LOOKUP ru en "Вызовов очень много." min=50"#)
        let served = try JSONDecoder().decode(MatchesResponse.self, from: Data(line.utf8)).matches
        let local = try LookupService(memories: memories.map { LookupService.Memory(name: $0.name, store: $0.store) })
        let expected = try local.lookup(LookupRequest(text: "Вызовов очень много.", from: ServiceBackendTests.ru, to: ServiceBackendTests.en, minimum: 50))
        #expect(!expected.isEmpty, "the query has a fuzzy match")
        #expect(served == expected, "server: \(served)\nlocal: \(expected)")
        try await server.stop()
    }

    @Test func anAddedUnitIsFoundByTheNextLookupOnAnyConnection() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let writer = try await server.connect()
        let reader = try await server.connect()
        let added = try await writer.requestJSON(#"ADD ru en "Совещание перенесли на завтра." "The meeting was moved to tomorrow." document=memo-7"#)
        #expect(added["ok"] as? Bool == true && added["created"] as? Bool == true, "\(added)")
        let again = try await writer.requestJSON(#"ADD ru en "Совещание перенесли на завтра." "The meeting was moved to tomorrow.""#)
        #expect(again["created"] as? Bool == false && again["unit"] as? Int == added["unit"] as? Int, "a duplicate: \(again)")
        let found = try await reader.requestJSON(#"LOOKUP ru en "Совещание перенесли на завтра.""#)
        let match = try #require((found["matches"] as? [[String: Any]])?.first, "\(found)")
        #expect(match["score"] as? Int == 100 && match["target"] as? String == "The meeting was moved to tomorrow.", "\(match)")
        #expect(match["document"] as? String == "memo-7" && match["memory"] as? String == "main", "\(match)")
        let into = try await writer.requestJSON(#"ADD ru be "Совещание перенесли." "Нараду перанеслі." memory=extra"#)
        #expect(into["ok"] as? Bool == true, "\(into)")
        let other = try await reader.requestJSON(#"LOOKUP ru be "Совещание перенесли." memory=extra"#)
        #expect((other["matches"] as? [[String: Any]])?.first?["memory"] as? String == "extra", "\(other)")
        try await server.stop()
    }

    @Test func concurrentAddsAndLookupsLoseNothing() async throws {
        let memories = try ServiceBackendTests.memories()
        let server = try await TestServer.start(memories: memories)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<6 {
                group.addTask {
                    let client = try await server.connect()
                    for index in 0..<15 {
                        let text = "Строка номер \(connection * 100 + index) добавлена."
                        let added = try await client.requestJSON(#"ADD ru en "\#(text)" "Line \#(connection * 100 + index) added.""#)
                        #expect(added["created"] as? Bool == true, "\(added)")
                        let found = try await client.requestJSON(#"LOOKUP ru en "\#(text)" limit=1"#)
                        #expect((found["matches"] as? [[String: Any]])?.first?["score"] as? Int == 100, "found right after ADD: \(text)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let stats = try await (try await server.connect()).requestJSON("STATS")
        #expect(stats["units"] as? Int == 3 + 90, "every ADD stored: \(stats)")
        try await server.stop()
    }

    @Test func requestTextNeverReachesSQLAsText() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let hostile = #"Robert'); DROP TABLE units; -- \"%_* "#
        let added = try await client.requestJSON("ADD ru en \(RemoteClient.quoted(hostile)) \(RemoteClient.quoted("x' OR '1'='1"))")
        #expect(added["created"] as? Bool == true, "\(added)")
        let found = try await client.requestJSON("LOOKUP ru en \(RemoteClient.quoted(hostile))")
        #expect((found["matches"] as? [[String: Any]])?.first?["source"] as? String == hostile, "stored verbatim: \(found)")
        let hits = try await client.requestJSON(#"CONCORDANCE ru "'); DROP""#)
        #expect((hits["hits"] as? [[String: Any]])?.count == 1, "\(hits)")
        #expect(try await client.requestJSON("STATS")["units"] as? Int == 4, "the table is still there")
        try await server.stop()
    }

    @Test func concordanceFindsTheText() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(#"CONCORDANCE ru "много" to=en"#)
        let hits = try #require(answer["hits"] as? [[String: Any]], "\(answer)")
        #expect(hits.count == 1 && hits.first?["text"] as? String == "Вызовов много.", "only the ru-en unit: \(answer)")
        let all = try await client.requestJSON(#"CONCORDANCE ru "много""#)
        #expect((all["hits"] as? [[String: Any]])?.count == 2, "both memories: \(all)")
        try await server.stop()
    }

    /// Library errors reach protocol clients without command-line options (issue 13: "Check --from
    /// and --to." was sent to clients, who have no such options); the pamyat executable adds its hints.
    @Test(arguments: [
        ("LOOKUP ru kk \"Вызовов много.\"", "not-found"),
        (#"CONCORDANCE ru "много" to=ru"#, "bad-request"),
        (#"ADD en en-GB "a" "b""#, "bad-request"),
        ("LOOKUP ru ru a", "bad-request"),
    ])
    func errorMessagesNameNoCommandLineOptions(line: String, code: String) async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(line)
        #expect(answer["error"] as? String == code, "\(line): \(answer)")
        let message = try #require(answer["message"] as? String, "\(line): \(answer)")
        #expect(!message.contains("--"), "\(line): \(message)")
        try await server.stop()
    }

    @Test(arguments: [
        ("LOOKUP ru en a memory=nowhere", "not-found"),
        (#"CONCORDANCE ru "a" memory=nowhere"#, "not-found"),
        (#"ADD ru en-GB "a" "b""#, "ok"),
        (#"ADD en en-GB "a" "b""#, "bad-request"),
    ])
    func serviceErrorsBecomeProtocolErrors(line: String, code: String) async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(line)
        #expect((answer["error"] as? String ?? "ok") == code, "\(line): \(answer)")
        try await server.stop()
    }

    /// Issue 13 ("Docs that are true"): the service's messages name no command-line flag; a
    /// protocol client has none (the CLI adds "Check --from and --to." itself).
    @Test(arguments: ["LOOKUP ru kk Текст.", #"CONCORDANCE ru "много" to=ru"#])
    func protocolMessagesNameNoCommandLineFlag(line: String) async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(line)
        let message = try #require(answer["message"] as? String, "\(line): \(answer)")
        #expect(!message.contains("--"), "\(line): \(message)")
        try await server.stop()
    }
}

private struct MatchesResponse: Decodable {
    var matches: [LookupMatch]
}
