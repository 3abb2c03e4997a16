import Foundation
import Testing

/// Align, add, TMX export and import over real HTTP.
@Suite struct DocumentRouteTests {
    static let original = """
        Президент провёл совещание с членами правительства.
        Обсуждались вопросы экономики. Решения будут приняты до конца года.
        В 2023 году объём торговли вырос на 15 процентов.
        """
    static let translation = """
        The President held a meeting with members of the Government.
        Economic issues were discussed. Decisions will be taken by the end of the year.
        In 2023, trade grew by 15 percent.
        """

    @Test func alignReturnsBeadsAndStoresNothing() async throws {
        try await withHTTPServer { server in
            let reply = try await server.client.post(
                "/api/v1/align", json: ["original": Self.original, "translation": Self.translation, "from": "ru", "to": "en"])
            #expect(reply.status == 200, "\(reply.text)")
            let pairs = reply.object["pairs"] as? [[String: Any]] ?? []
            #expect(pairs.count == 4, "\(reply.text)")
            #expect(pairs.first?["target"] as? String == "The President held a meeting with members of the Government.")
            #expect(pairs.allSatisfy { ($0["score"] as? Double ?? 0) > 0.5 })
            #expect(reply.object["unmatched"] as? [Any] != nil)
            let stats = try await server.client.get("/api/v1/stats")
            #expect(stats.object["units"] as? Int == 4, "nothing stored")

            let implausible = try await server.client.post(
                "/api/v1/align", json: ["original": Self.original, "translation": "Hi.", "from": "ru", "to": "en"])
            #expect(implausible.status == 422)
            #expect(implausible.errorCode == "not-translations", "\(implausible.text)")

            let same = try await server.client.post("/api/v1/align", json: ["original": "a", "translation": "b", "from": "ru", "to": "ru"])
            #expect(same.errorCode == "bad-request")
            let missing = try await server.client.post("/api/v1/align", json: ["original": "a", "from": "ru", "to": "en"])
            #expect(missing.status == 400)
            #expect(missing.errorMessage?.contains("translation") == true, "\(missing.text)")
        }
    }

    @Test func addStoresPairsInOneTransactionAndLookupFindsThem() async throws {
        try await withHTTPServer { server in
            let pairs: [[String: Any]] = [
                ["source": "Обсуждались вопросы экономики.", "target": "Economic issues were discussed."],
                ["source": "Решения будут приняты до конца года.", "target": "Decisions will be taken by the end of the year.", "position": "3"],
            ]
            let reply = try await server.client.post("/api/v1/add", json: ["from": "ru", "to": "en", "document": "review-1", "pairs": pairs])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.object["created"] as? Int == 2)
            #expect((reply.object["units"] as? [Int])?.count == 2)
            let found = try await server.client.get("/api/v1/lookup", [("q", "Обсуждались вопросы экономики."), ("from", "ru"), ("to", "en")])
            let match = (found.object["matches"] as? [[String: Any]])?.first
            #expect(match?["score"] as? Int == 100)
            #expect(match?["document"] as? String == "review-1")

            let again = try await server.client.post("/api/v1/add", json: ["from": "ru", "to": "en", "pairs": pairs])
            #expect(again.object["alreadyPresent"] as? Int == 2)

            let oneBad: [[String: Any]] = [["source": "Новое предложение.", "target": "A new sentence."], ["source": "Пусто.", "target": "  "]]
            let bad = try await server.client.post("/api/v1/add", json: ["from": "ru", "to": "en", "pairs": oneBad])
            #expect(bad.status == 400)
            #expect(bad.errorMessage?.contains("Pair 2") == true, "\(bad.text)")
            let stats = try await server.client.get("/api/v1/stats")
            #expect(stats.object["units"] as? Int == 6, "the bad request stored nothing")
        }
    }

    @Test func readOnlyServerRefusesWrites() async throws {
        try await withHTTPServer(configure: { $0.isReadOnly = true }) { server in
            let add = try await server.client.post("/api/v1/add", json: ["from": "ru", "to": "en", "pairs": [["source": "а", "target": "b"]]])
            #expect(add.status == 403)
            #expect(add.errorCode == "read-only")
            let upload = try await server.client.post("/api/v1/import", body: Data("<tmx/>".utf8), contentType: "application/x-tmx+xml")
            #expect(upload.errorCode == "read-only")
        }
    }

    @Test func exportStreamsTMXAndImportReadsItBack() async throws {
        try await withHTTPServer(configure: { $0.maximumUploadBytes = 4_096 }) { server in
            let export = try await server.client.get("/api/v1/export", [("from", "ru"), ("to", "en")])
            #expect(export.status == 200)
            #expect(export.header("Content-Type")?.hasPrefix("application/x-tmx+xml") == true)
            #expect(export.header("Content-Disposition") == "attachment; filename=\"main.tmx\"")
            #expect(export.text.contains("<tmx version=\"1.4\">"))
            #expect(export.text.components(separatedBy: "<tu>").count + export.text.components(separatedBy: "<tu ").count - 2 == 3, "the three ru-en units")
            #expect(!export.text.contains("pt-BR"))

            let half = try await server.client.get("/api/v1/export", [("from", "ru")])
            #expect(half.status == 400)

            let tmx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="ru" datatype="plaintext"/>
                <body><tu><tuv xml:lang="ru"><seg>Импорт прошёл успешно.</seg></tuv><tuv xml:lang="en"><seg>The import succeeded.</seg></tuv></tu></body></tmx>
                """
            let imported = try await server.client.post("/api/v1/import", body: Data(tmx.utf8), contentType: "application/x-tmx+xml")
            #expect(imported.status == 200, "\(imported.text)")
            #expect(imported.object["created"] as? Int == 1)
            let found = try await server.client.get("/api/v1/lookup", [("q", "Импорт прошёл успешно."), ("from", "ru"), ("to", "en")])
            #expect((found.object["matches"] as? [[String: Any]])?.first?["target"] as? String == "The import succeeded.")

            let malformed = try await server.client.post("/api/v1/import", body: Data("<tmx version=\"1.4\"><body><tu>".utf8), contentType: "application/x-tmx+xml")
            #expect(malformed.status == 422)
            #expect(malformed.errorCode == "bad-tmx", "\(malformed.text)")
            #expect(malformed.errorMessage?.contains("pamyat-upload") == false, "no temporary path in the message")

            let large = try await server.client.post("/api/v1/import", body: Data(repeating: 0x20, count: 10_000), contentType: "application/x-tmx+xml")
            #expect(large.status == 413)
            #expect(large.errorCode == "too-large")
            let stats = try await server.client.get("/api/v1/stats")
            #expect(stats.object["units"] as? Int == 5, "only the good import was stored")
        }
    }
}
