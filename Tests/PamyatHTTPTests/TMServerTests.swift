import Foundation
import PamyatCore
import PamyatService
import Testing
@testable import PamyatHTTP

/// The tmserver/amaGama API, and a client written to it as Weblate's tmserver machinery is.
@Suite struct TMServerTests {
    @Test func languagesAreLowerCaseWithUnderscores() async throws {
        try await withHTTPServer { server in
            let reply = try await server.client.get("/tmserver/languages/")
            #expect(reply.status == 200)
            #expect(reply.object["sourceLanguages"] as? [String] == ["en", "pt_br", "ru"])
            #expect(reply.object["targetLanguages"] as? [String] == ["en", "pt_br", "ru"])
        }
    }

    @Test func unitAnswersMatchesBestFirstWithIntegerQuality() async throws {
        try await withHTTPServer { server in
            let text = "Президент провёл совещание с членами Совета безопасности."
            let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let reply = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/\(encoded)")!, body: nil, headers: [:])
            #expect(reply.status == 200, "\(reply.text)")
            let units = reply.json as? [[String: Any]] ?? []
            #expect(units.count == 1)
            #expect(units.first?["source"] as? String == "Президент провёл совещание с членами правительства.")
            #expect(units.first?["target"] as? String == "The President held a meeting with members of the Government.")
            #expect(units.first?["quality"] as? Int == 75)
            #expect(units.first?["rank"] as? Int == 1)
            #expect(Set(units.first?.keys.map { $0 } ?? []) == ["source", "target", "quality", "rank"])

            let strict = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/\(encoded)?min_similarity=80")!, body: nil, headers: [:])
            #expect(strict.json as? [Any] != nil)
            #expect((strict.json as? [Any])?.isEmpty == true, "min_similarity is honoured")

            let portuguese = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/pt_br/unit/\("Вызовов много.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")!,
                body: nil, headers: [:])
            #expect((portuguese.json as? [[String: Any]])?.first?["target"] as? String == "Há muitos desafios.")

            let long = String(repeating: "а", count: 501)
            let tooLong = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/\(long.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")!,
                body: nil, headers: [:])
            #expect(tooLong.status == 400)
        }
    }

    @Test func maxCandidatesLimitsTheList() async throws {
        try await withHTTPServer { server in
            let text = "В 2023 году объём торговли вырос на 15 процентов.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let all = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/\(text)?min_similarity=0&max_candidates=2")!,
                body: nil, headers: [:])
            let units = all.json as? [[String: Any]] ?? []
            #expect(units.count == 2, "\(all.text)")
            let qualities = units.compactMap { $0["quality"] as? Int }
            #expect(qualities == qualities.sorted(by: >), "best first")
            #expect(units.map { $0["rank"] as? Int } == [1, 2])
        }
    }

    /// What Weblate's machinery does: ask languages/, check the pair, ask unit/ with the text cut
    /// to 500 characters and every character but letters and digits percent-encoded (a / too), keep
    /// the answers whose quality reaches its threshold.
    @Test func aWeblateStyleClientGetsSuggestions() async throws {
        try await withHTTPServer { server in
            func suggestions(_ text: String, source: String, target: String, threshold: Int) async throws -> [(String, Int)] {
                let languages = try await server.client.get("/tmserver/languages/").object
                guard (languages["sourceLanguages"] as? [String])?.contains(source) == true,
                    (languages["targetLanguages"] as? [String])?.contains(target) == true
                else { return [] }
                let cut = String(text.prefix(500)).replacingOccurrences(of: "\r", with: " ")
                let path = "/tmserver/\(source)/\(target)/unit/\(cut.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                let reply = try await server.client.send("GET", URL(string: "http://127.0.0.1:\(server.port)\(path)")!, body: nil, headers: [:])
                return (reply.json as? [[String: Any]] ?? []).compactMap { line in
                    guard let quality = line["quality"] as? Int, quality >= threshold, let target = line["target"] as? String else { return nil }
                    return (target, quality)
                }
            }
            let found = try await suggestions("Вызовов много.", source: "ru", target: "pt_br", threshold: 75)
            #expect(found.map(\.0) == ["Há muitos desafios."])
            #expect(found.map(\.1) == [100])
            let slash = try await suggestions("Вызовов много / мало.", source: "ru", target: "en", threshold: 75)
            #expect(slash.isEmpty, "a / in the text is part of the text")
            let none = try await suggestions("Вызовов много.", source: "ru", target: "de", threshold: 75)
            #expect(none.isEmpty)
        }
    }

    @Test func unitsAreWrittenAsJSONEncoderWritesThem() throws {
        let texts = ["Вызовов много.", #"A "quoted" \ back/slash"#, "tab\tline\nbell\u{07}", "emoji 🙂 and ё", ""]
        let matches = texts.enumerated().map { index, text in
            LookupMatch(
                score: 101 - index * 10, source: text, target: String(text.reversed()), unit: Int64(index + 1), memory: "m",
                from: LanguageTag(canonical: "ru"), to: LanguageTag(canonical: "en"))
        }
        let expected = matches.enumerated().map { index, match in
            TMServerRoutes.Unit(source: match.source, target: match.target, quality: min(match.score, 100), rank: index + 1)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: TMServerRoutes.units(matches), as: UTF8.self) == String(decoding: try encoder.encode(expected), as: UTF8.self))
        #expect(TMServerRoutes.units([]) == Array("[]".utf8))
    }

    @Test func escapesThatAreNotUTF8AreBadRequestAndLookupsAreCountedAsLOOKUP() async throws {
        try await withHTTPServer { server in
            let malformed = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/%FF%FEx")!, body: nil, headers: [:])
            #expect(malformed.status == 400, "\(malformed.text)")
            #expect(malformed.errorCode == "bad-request")
            let unknown = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/xx_zz/en/unit/abc")!, body: nil, headers: [:])
            #expect(unknown.status >= 400, "\(unknown.text)")
            let found = try await server.client.send(
                "GET", URL(string: "http://127.0.0.1:\(server.port)/tmserver/ru/en/unit/\("Вызовов много.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")!,
                body: nil, headers: [:])
            #expect(found.status == 200, "\(found.text)")
            let metrics = try await server.client.get("/metrics").text
            #expect(metrics.contains(#"pamyat_http_verb_requests_total{verb="LOOKUP",result="ok"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"pamyat_http_verb_requests_total{verb="LOOKUP",result="error"} 1"#), "\(metrics)")
        }
    }

    @Test func theTextIsWhatFollowsUnitInThePath() {
        #expect(TMServerRoutes.encodedText(path: "/tmserver/ru/en/unit/%D0%90%2Fb") == "%D0%90%2Fb")
        #expect(TMServerRoutes.encodedText(path: "/tmserver/ru/en/unit/a/b c") == "a/b c", "a / sent as it is stays in the text")
        #expect(TMServerRoutes.encodedText(path: "/tmserver/ru/en/unit/") == "")
        #expect(TMServerRoutes.encodedText(path: "/tmserver/ru/en/units/a") == nil)
        #expect(TMServerRoutes.encodedText(path: "/api/v1/lookup") == nil)
    }
}
