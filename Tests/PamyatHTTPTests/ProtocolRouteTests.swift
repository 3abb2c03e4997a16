import Foundation
import Testing

/// The routes that answer what a protocol verb answers: the same answers and error codes, over real
/// HTTP on loopback.
@Suite struct ProtocolRouteTests {
    @Test func lookupAnswersTheProtocolsMatchesAndErrors() async throws {
        try await withHTTPServer { server in
            let client = server.client
            let reply = try await client.get("/api/v1/lookup", [("q", "Вызовов много."), ("from", "ru"), ("to", "en")])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            let matches = reply.object["matches"] as? [[String: Any]] ?? []
            #expect(matches.count == 1, "one ru-en match: \(reply.text)")
            #expect(matches.first?["score"] as? Int == 100)
            #expect(matches.first?["target"] as? String == "There are many challenges.")
            #expect(reply.text.contains("Вызовов"), "Cyrillic is sent as UTF-8, not \\u escapes")

            let adapted = try await client.get(
                "/api/v1/lookup", [("q", "В 2024 году объём торговли вырос на 20 процентов."), ("from", "ru"), ("to", "en"), ("limit", "1")])
            #expect((adapted.object["matches"] as? [[String: Any]])?.first?["target"] as? String == "In 2024, trade grew by 20 percent.")

            let badLanguage = try await client.get("/api/v1/lookup", [("q", "Текст"), ("from", "xx"), ("to", "en")])
            #expect(badLanguage.status == 400)
            #expect(badLanguage.errorCode == "bad-language", "\(badLanguage.text)")

            let missing = try await client.get("/api/v1/lookup", [("from", "ru"), ("to", "en")])
            #expect(missing.status == 400)
            #expect(missing.errorCode == "bad-request")
            #expect(missing.errorMessage?.contains("q") == true)

            let unknown = try await client.get("/api/v1/lookup", [("q", "x"), ("from", "ru"), ("to", "en"), ("colour", "red")])
            #expect(unknown.errorCode == "bad-request")

            let range = try await client.get("/api/v1/lookup", [("q", "x"), ("from", "ru"), ("to", "en"), ("min", "101")])
            #expect(range.status == 400)
            #expect(range.errorMessage?.contains("min=101") == true, "the protocol's message: \(range.text)")

            let memory = try await client.get("/api/v1/lookup", [("q", "x y"), ("from", "ru"), ("to", "en"), ("memory", "nope")])
            #expect(memory.status == 404)
            #expect(memory.errorCode == "not-found")

            let noRoute = try await client.get("/api/v2/lookup")
            #expect(noRoute.status == 404)
            #expect(noRoute.errorCode == "no-route")
        }
    }

    @Test func batchLookupAnswersEachQueryInOrder() async throws {
        try await withHTTPServer { server in
            let reply = try await server.client.post(
                "/api/v1/lookup",
                json: ["from": "ru", "to": "en", "queries": [["q": "Вызовов много."], ["q": "Совсем другой текст без совпадений."]]])
            #expect(reply.status == 200, "\(reply.text)")
            let results = reply.object["results"] as? [[String: Any]] ?? []
            #expect(results.count == 2)
            #expect((results.first?["matches"] as? [Any])?.count == 1)
            #expect((results.last?["matches"] as? [Any])?.count == 0)

            let bad = try await server.client.post("/api/v1/lookup", json: ["from": "ru", "to": "en", "queries": [["q": "a"], ["q": " "]]])
            #expect(bad.status == 400)
            #expect(bad.errorMessage?.hasPrefix("queries[1]") == true, "\(bad.text)")

            let notJSON = try await server.client.post("/api/v1/lookup", body: Data("{".utf8), contentType: "application/json")
            #expect(notJSON.status == 400)
            #expect(notJSON.errorCode == "bad-request")
        }
    }

    @Test func concordanceSegmentStatsAndHello() async throws {
        try await withHTTPServer { server in
            let client = server.client
            let hits = try await client.get("/api/v1/concordance", [("q", "совещание"), ("lang", "ru"), ("to", "en")])
            #expect(hits.status == 200, "\(hits.text)")
            let hit = (hits.object["hits"] as? [[String: Any]])?.first
            #expect(hit?["highlights"] as? [[Int]] == [[17, 26]])

            let sentences = try await client.post("/api/v1/segment", json: ["lang": "ru", "text": "Вызовов много. Т. е. их больше, чем в 2020 г. Почему?"])
            #expect(sentences.object["sentences"] as? [String] == ["Вызовов много.", "Т. е. их больше, чем в 2020 г.", "Почему?"])

            let stats = try await client.get("/api/v1/stats")
            #expect(stats.object["units"] as? Int == 4)
            #expect(stats.object["pairs"] as? [String: Int] == ["ru-en": 3, "ru-pt-BR": 1])

            let hello = try await client.get("/api/v1/hello")
            #expect(hello.object["memories"] as? [String] == ["main"])
            #expect(hello.object["version"] as? String == "test")
        }
    }

    @Test func analyzeAndPretranslateAnswerAsTheVerbs() async throws {
        try await withHTTPServer { server in
            let document = "Вызовов много.\nСовершенно новое предложение о погоде."
            let analysis = try await server.client.post("/api/v1/analyze", json: ["from": "ru", "to": "en", "document": document])
            #expect(analysis.status == 200, "\(analysis.text)")
            let total = ((analysis.object["analysis"] as? [String: Any])?["total"] as? [String: Any])?["bands"] as? [String: Any]
            #expect((total?["100"] as? [String: Any])?["segments"] as? Int == 1, "\(analysis.text)")

            let xliff = try await server.client.post("/api/v1/pretranslate", json: ["from": "ru", "to": "en", "document": document])
            #expect(xliff.status == 200)
            #expect(xliff.header("Content-Type")?.hasPrefix("application/xliff+xml") == true)
            #expect(xliff.text.contains("<xliff version=\"1.2\""))
            #expect(xliff.text.contains("There are many challenges."))

            let bad = try await server.client.post("/api/v1/pretranslate", json: ["from": "ru", "to": "en", "document": document, "format": "pdf"])
            #expect(bad.status == 400)
            #expect(bad.errorMessage?.contains("format=pdf") == true)
        }
    }
}
