import Foundation
import PamyatCore
import PamyatServer
import PamyatService
import PamyatWeb
import Testing

/// The web page's routes over loopback HTTP: what each page shows, escaping of stored text, the
/// login redirect and the CSRF check of the align form.
@Suite struct WebPageTests {
    static func withWebServer(token: String? = nil, _ body: (HTTPTestServer) async throws -> Void) async throws {
        try await withHTTPServer(routes: [try WebPage()], configure: { configuration in
            if let token { configuration.token = try! AccessToken(token) }
        }, body)
    }

    static let html = ["Accept": "text/html,application/xhtml+xml"]

    static func form(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&").utf8)
    }

    @Test func searchShowsTheMatchWithItsDifferencesMarkedAndTheTranslation() async throws {
        try await Self.withWebServer { server in
            let page = try await server.client.get(
                "/search", [("q", "Президент провёл совещание с членами Совета безопасности."), ("pair", "ru-en")], headers: Self.html)
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.text.contains("The President held a meeting with members of the Government."), "\(page.text)")
            #expect(page.text.contains("<del class=\"replaced\"> правительства</del><ins class=\"replaced\"> безопасности</ins>"))
            #expect(page.text.contains("<ins> Совета</ins>"))
            #expect(page.text.contains("press-2024-03"), "the document the match comes from")
            #expect(page.text.contains("<option value=\"ru-en\" selected>"))

            let empty = try await server.client.get("/search", headers: Self.html)
            #expect(empty.status == 200)
            #expect(!empty.text.contains("class=\"match\""))
            let bad = try await server.client.get("/search", [("q", "Текст"), ("pair", "xx-en")], headers: Self.html)
            #expect(bad.text.contains("class=\"error\""), "a bad language is said on the page")
        }
    }

    @Test func concordanceMarksTheHits() async throws {
        try await Self.withWebServer { server in
            let page = try await server.client.get("/concordance", [("q", "совещание"), ("pair", "ru-en")], headers: Self.html)
            #expect(page.status == 200)
            #expect(page.text.contains("Президент провёл <mark>совещание</mark> с членами правительства."), "\(page.text)")
            #expect(page.text.contains("The President held a meeting"))
            let latin = try await server.client.get("/concordance", [("q", "2023"), ("pair", "ru-en")], headers: Self.html)
            #expect(latin.text.contains("In <mark>2023</mark>, trade grew"), "a hit the translation keeps is marked there too")
        }
    }

    @Test func storedMarkupIsEscapedOnEveryPage() async throws {
        try await Self.withWebServer { server in
            let pair: [String: Any] = [
                "from": "ru", "to": "en", "document": "<script>doc</script>",
                "pairs": [["source": "Опасный <script>alert(1)</script> текст.", "target": "A <script>alert(2)</script> text."]],
            ]
            #expect(try await server.client.post("/api/v1/add", json: pair).status == 200)
            let search = try await server.client.get("/search", [("q", "Опасный <script>alert(1)</script> текст."), ("pair", "ru-en")], headers: Self.html)
            let concordance = try await server.client.get("/concordance", [("q", "Опасный"), ("pair", "ru-en")], headers: Self.html)
            let align = try await server.client.post(
                "/align", body: Self.form([("from", "ru"), ("original", "Текст <b onclick=x>тут</b>."), ("to", "en"), ("translation", "Text <i>here</i>."), ("input", "text")]),
                contentType: "application/x-www-form-urlencoded")
            for page in [search, concordance, align] {
                #expect(page.status == 200, "\(page.text)")
                #expect(!page.text.contains("<script>alert"), "\(page.text)")
                #expect(!page.text.contains("<b onclick"))
            }
            #expect(search.text.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
            #expect(search.text.contains("&lt;script&gt;doc&lt;/script&gt;"))
            #expect(concordance.text.contains("&lt;script&gt;alert(1)"))
        }
    }

    @Test func alignShowsTheBeadsToReviewAndStoresNothing() async throws {
        try await Self.withWebServer { server in
            let reply = try await server.client.post(
                "/align",
                body: Self.form([
                    ("from", "ru"), ("original", "Вызовов много. Решения будут приняты до конца года."), ("to", "en"),
                    ("translation", "There are many challenges. Decisions will be taken by the end of the year."), ("input", "guess"),
                    ("document", "review-1"),
                ]),
                contentType: "application/x-www-form-urlencoded")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.text.contains("<section class=\"review\" data-from=\"ru\" data-to=\"en\""))
            #expect(reply.text.components(separatedBy: "<tr class=\"bead").count - 1 == 2, "\(reply.text)")
            #expect(reply.text.contains("<span class=\"s\">Решения будут приняты до конца года.</span>"))
            #expect(reply.text.contains("id=\"store\""))
            let stats = try await server.client.get("/api/v1/stats")
            #expect(stats.object["units"] as? Int == 4, "aligning stores nothing")

            let same = try await server.client.post(
                "/align", body: Self.form([("from", "ru"), ("original", "Текст."), ("to", "ru"), ("translation", "Текст.")]),
                contentType: "application/x-www-form-urlencoded")
            #expect(same.status == 422)
            #expect(same.text.contains("class=\"error\""))
        }
    }

    @Test func memoryListsPairsDocumentsWithTheirUnitsAndTMXDownloads() async throws {
        let memories = try HTTPTestServer.memories()
        try memories[0].store.write { session in
            try session.saveDocument(DocumentRecord(
                id: "press-2024-03", title: "Совещание", date: "2024-03-14", sourceLanguage: HTTPTestServer.ru,
                languages: [HTTPTestServer.ru, HTTPTestServer.en, HTTPTestServer.ptBR], contentHash: "h"))
            try session.saveDocument(DocumentRecord(
                id: "empty-doc", sourceLanguage: HTTPTestServer.ru, languages: [HTTPTestServer.ru, HTTPTestServer.en], contentHash: "e"))
        }
        try await withHTTPServer(memories: memories, routes: [try WebPage()]) { server in
            let page = try await server.client.get("/memory", headers: Self.html)
            #expect(page.status == 200)
            #expect(page.text.contains("main: 4 unit(s), 2 document(s)"), "\(page.text)")
            #expect(page.text.contains("<td>ru-en</td><td class=\"num\">3</td>"))
            #expect(page.text.contains("href=\"/api/v1/export?memory=main&amp;from=ru&amp;to=en\""))
            #expect(
                page.text.contains("<td>press-2024-03</td><td>2024-03-14</td><td>ru, en, pt-BR</td><td class=\"num\">4</td>"),
                "the document's row counts its four units")
            #expect(page.text.contains("<td>empty-doc</td><td></td><td>ru, en</td><td class=\"num\">0</td>"))
            #expect(page.text.contains("href=\"/api/v1/export?memory=main&amp;doc=press-2024-03\""))
        }
    }

    @Test func aReviewFileIsShownInTheReviewTableADocumentPerSection() async throws {
        let ru = HTTPTestServer.ru, en = HTTPTestServer.en
        let file = ReviewFile.text([
            ReviewItem(
                keep: true, documentID: "release-7", sourceLanguage: ru, targetLanguage: en, sourcePositions: "3", targetPositions: "3",
                score: 0.42, reason: .lowConfidence, source: "Стороны обсудили <торговлю>.", target: "The sides discussed trade.",
                title: "Релиз 7", date: "2024-05-01"),
            ReviewItem(
                keep: false, documentID: "release-7", sourceLanguage: ru, targetLanguage: en, sourcePositions: "4", targetPositions: "",
                score: 0, reason: .noTranslation, source: "Без пары.", target: ""),
            ReviewItem(
                keep: false, documentID: "release-8", sourceLanguage: ru, targetLanguage: en, sourcePositions: "1", targetPositions: "1",
                score: 0.5, reason: .lowConfidence, source: "Второй документ.", target: "The second document."),
        ])
        try await Self.withWebServer { server in
            let page = try await server.client.post(
                "/align/review", body: Self.form([("review", file)]), contentType: "application/x-www-form-urlencoded")
            #expect(page.status == 200, "\(page.text)")
            #expect(page.text.contains("data-document=\"release-7\" data-title=\"Релиз 7\" data-date=\"2024-05-01\""), "\(page.text)")
            #expect(page.text.contains("data-document=\"release-8\""), "a section per document")
            #expect(page.text.contains("release-7, ru → en: 2 bead(s), 1 low-confidence, 1 sentence(s) without a partner"))
            #expect(page.text.contains("<span class=\"s\">Стороны обсудили &lt;торговлю&gt;.</span>"), "stored text is escaped")
            let rows = page.text.components(separatedBy: "<tr class=\"bead").dropFirst()
            #expect(rows.count == 3)
            #expect(rows.first?.contains("class=\"keep\" checked") == true, "a row to keep starts accepted")
            #expect(rows.dropFirst().first?.contains("disabled") == true, "a sentence without a partner cannot be accepted")
            #expect(rows.last?.contains("checked") == false, "a row to drop starts rejected")
            #expect(page.text.contains("id=\"store\""))

            let malformed = try await server.client.post(
                "/align/review", body: Self.form([("review", "decision\tdocument\nkeep\tx\n")]), contentType: "application/x-www-form-urlencoded")
            #expect(malformed.status == 422)
            #expect(malformed.text.contains("the review file:1: this is not a pamyat review file"), "\(malformed.text)")
        }
    }

    @Test func pagesNeedTheLoginAndTheAlignFormItsCSRFToken() async throws {
        let token = "web-page-token"
        try await Self.withWebServer(token: token) { server in
            // URLSession follows the redirect: the login page, with the way back.
            let redirected = try await server.client.get("/search", [("q", "Вызовов много.")], headers: Self.html)
            #expect(redirected.status == 200)
            #expect(redirected.text.contains("action=\"/login\""))
            #expect(redirected.text.contains("name=\"next\" value=\"/search?q="), "\(redirected.text)")
            let api = try await server.client.get("/search")
            #expect(api.status == 401, "a program (no text/html) gets the API's 401")

            let login = try await server.client.post("/login", body: Data("token=\(token)".utf8), contentType: "application/x-www-form-urlencoded")
            let csrf = login.object["csrfToken"] as? String ?? ""
            let session = (login.header("Set-Cookie") ?? "").components(separatedBy: "pamyat_session=").dropFirst().first?.prefix { $0 != ";" } ?? ""
            let cookie = ["Cookie": "pamyat_session=\(session); pamyat_csrf=\(csrf)"]
            let page = try await server.client.get("/search", [("q", "Вызовов много.")], headers: cookie.merging(Self.html) { $1 })
            #expect(page.text.contains("There are many challenges."))
            #expect(page.text.contains("id=\"logout\""))

            let form = Self.form([("from", "ru"), ("original", "Вызовов много."), ("to", "en"), ("translation", "There are many challenges.")])
            let refused = try await server.client.post("/align", body: form, contentType: "application/x-www-form-urlencoded", headers: cookie)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "forbidden")
            let accepted = try await server.client.post(
                "/align", body: form, contentType: "application/x-www-form-urlencoded", headers: cookie.merging(["X-CSRF-Token": csrf]) { $1 })
            #expect(accepted.status == 200, "\(accepted.text)")
            #expect(accepted.text.contains("data-csrf=\"\(csrf)\""))
        }
    }
}
