import Foundation
import PamyatService
import Testing
@testable import PamyatServer

/// Every verb over a real loopback socket, against a ``FakeBackend``.
@Suite struct ServerVerbTests {
    @Test func helloDescribesTheServer() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let hello = try await client.requestJSON("HELLO")
            #expect(hello["ok"] as? Bool == true, "\(hello)")
            #expect(hello["server"] as? String == "pamyat")
            #expect(hello["version"] as? String == "test")
            #expect(hello["protocol"] as? Int == 1)
            #expect(hello["memories"] as? [String] == ["default"])
            #expect(hello["languages"] as? [String] == ["en", "ru"])
            #expect(hello["authRequired"] as? Bool == false)
            #expect(try await client.request("hello").hasPrefix(#"{"ok":true,"server":"pamyat""#), "lowercase verb, ok first")
        }
    }

    @Test func pingAnswersOk() async throws {
        try await withServer { server in
            let client = try await server.connect()
            #expect(try await client.request("PING") == #"{"ok":true}"#)
        }
    }

    @Test func lookupPassesArgumentsAndOptions() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let answer = try await client.requestJSON(#"LOOKUP ru en-gb "Вызовов много." min=80 limit=3 prev="Это так.""#)
            let match = try #require((answer["matches"] as? [[String: Any]])?.first, "\(answer)")
            #expect(match["source"] as? String == "Вызовов много.")
            #expect(match["target"] as? String == "ru>en-GB", "languages are canonicalised")
            #expect(match["score"] as? Int == 80)
            #expect(match["limit"] as? Int == 3)
            #expect(match["previous"] as? String == "Это так.")
            let defaults = try #require((try await client.requestJSON("lookup RU en слово")["matches"] as? [[String: Any]])?.first)
            #expect(defaults["score"] as? Int == 70, "min defaults to 70")
            #expect(defaults["limit"] as? Int == 5, "limit defaults to 5")
            #expect(defaults["similar"] as? Bool == false, "similar words are off by default")
            let similar = try #require((try await client.requestJSON("LOOKUP ru en слово similar=1")["matches"] as? [[String: Any]])?.first)
            #expect(similar["similar"] as? Bool == true)
            let bad = try await client.requestJSON("LOOKUP ru en слово similar=2")
            #expect(bad["ok"] as? Bool == false, "similar takes 0 or 1")
        }
    }

    @Test func concordancePassesArgumentsAndOptions() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let answer = try await client.requestJSON(#"CONCORDANCE ru "много" to=en limit=7"#)
            let hit = try #require((answer["hits"] as? [[String: Any]])?.first, "\(answer)")
            #expect(hit["language"] as? String == "ru")
            #expect(hit["text"] as? String == "много")
            #expect(hit["to"] as? String == "en")
            #expect(hit["limit"] as? Int == 7)
        }
    }

    @Test func segmentReturnsSentences() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let answer = try await client.requestJSON(#"SEGMENT ru "Один. Два.""#)
            #expect(answer["sentences"] as? [String] == ["Один.", "Два."], "\(answer)")
        }
    }

    @Test func addStoresAndStatsCounts() async throws {
        let backend = FakeBackend()
        try await withServer(backend: backend) { server in
            let client = try await server.connect()
            let first = try await client.requestJSON(#"ADD ru en "Вызовов много." "There are many challenges." document=doc-1"#)
            #expect(first["unit"] as? Int == 1 && first["created"] as? Bool == true, "\(first)")
            let again = try await client.requestJSON(#"ADD ru en "Вызовов много." "There are many challenges." document=doc-1"#)
            #expect(again["unit"] as? Int == 1 && again["created"] as? Bool == false, "\(again)")
            let stats = try await client.requestJSON("STATS")
            #expect(stats["units"] as? Int == 1, "\(stats)")
            #expect(stats["pairs"] as? [String: Int] == ["en-ru": 1], "\(stats)")
            #expect(backend.addedRequests.first?.document == "doc-1")
        }
    }

    @Test func quitAnswersThenCloses() async throws {
        try await withServer { server in
            let client = try await server.connect()
            #expect(try await client.request("QUIT") == #"{"ok":true}"#)
            #expect(try await client.readLine() == nil, "the server closed the connection")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { server in
            let client = try await server.connect()
            var lines: [String] = []
            for index in 0..<300 {
                switch index % 4 {
                case 0: lines.append("PING")
                case 1: lines.append("LOOKUP ru en t\(index)")
                case 2: lines.append("FROB \(index)")
                default: lines.append(#"SEGMENT ru "Раз \#(index). Два.""#)
                }
            }
            try await client.send(bytes: Array(lines.joined(separator: "\n").utf8) + [0x0A])
            for index in 0..<300 {
                let answer = try #require(try await client.readJSON(), "response \(index)")
                switch index % 4 {
                case 0: #expect(answer.count == 1 && answer["ok"] as? Bool == true, "PING \(index): \(answer)")
                case 1: #expect((answer["matches"] as? [[String: Any]])?.first?["source"] as? String == "t\(index)", "LOOKUP \(index)")
                case 2: #expect(answer["error"] as? String == "unknown-command", "FROB \(index)")
                default: #expect((answer["sentences"] as? [String])?.first == "Раз \(index).", "SEGMENT \(index)")
                }
            }
        }
    }

    @Test func requestsSentBeforeTheClientsEndOfInputAreAllAnswered() async throws {
        try await withServer { server in
            let client = try await server.connect()
            try await client.send(bytes: Array(String(repeating: "LOOKUP ru en слово\n", count: 2000).utf8))
            try await client.shutdownSending()
            var count = 0
            while let line = try await client.readLine() {
                #expect(line.hasPrefix(#"{"ok":true,"matches":"#), "response \(count)")
                count += 1
            }
            #expect(count == 2000, "every request answered before the server closed")
        }
    }
}

/// Issue 13 (13): ADD's `document=` has a documented limit, as its texts have.
@Suite struct ServerAddLimitTests {
    @Test func aDocumentIdOverTheLimitIsABadRequestWithABoundedExcerpt() async throws {
        try await withServer(configure: { $0.maximumLineLength = 65536 }) { server in
            let client = try await server.connect()
            let long = String(repeating: "d", count: 1001)
            let answer = try await client.requestJSON(#"ADD ru en "Да." "Yes." document=\#(long)"#)
            #expect(answer["error"] as? String == "bad-request", "\(answer)")
            let message = try #require(answer["message"] as? String)
            #expect(message.contains("document=") && message.contains("1001") && message.contains("1000"), "\(message)")
            #expect(message.count < 300, "a bounded excerpt: \(message)")
            let fits = String(repeating: "d", count: 1000)
            let added = try await client.requestJSON(#"ADD ru en "Да." "Yes." document=\#(fits)"#)
            #expect(added["ok"] as? Bool == true, "1000 bytes is allowed: \(added)")
        }
    }
}

/// Issue 13 (13): the request limits the server enforces are the ones docs/PROTOCOL.md states.
@Suite struct ProtocolDocumentationTests {
    private func protocolText() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/PROTOCOL.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    private func grouped(_ number: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: number)) ?? "\(number)"
    }

    @Test func theAddLimitsAndEveryWireCodeAreDocumented() throws {
        let text = try protocolText()
        #expect(text.contains("\(grouped(LookupService.maximumAddBytes)) bytes"), "ADD's text limit")
        #expect(text.contains("`document=` at\n  most \(grouped(Verb.maximumDocumentBytes)) bytes")
            || text.contains("`document` at most \(grouped(Verb.maximumDocumentBytes)) bytes"), "ADD's document= limit")
        for code in ServerError.Code.allCases where ![.configuration, .unreachable, .badResponse].contains(code) {
            #expect(text.contains("| `\(code.rawValue)` |"), "the error table has \(code.rawValue)")
        }
    }

    @Test func anAddTextOverTheLimitIsABadRequest() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories()) { $0.maximumLineLength = 1 << 20 }
        let client = try await server.connect()
        let long = String(repeating: "d", count: LookupService.maximumAddBytes + 1)
        let answer = try await client.requestJSON(#"ADD ru en "\#(long)" "Yes.""#)
        #expect(answer["error"] as? String == "bad-request", "\(answer)")
        #expect((answer["message"] as? String)?.contains("\(LookupService.maximumAddBytes)") == true, "\(answer)")
        try await server.stop()
    }
}
