import Foundation
import PamyatCore
import Testing
@testable import PamyatServer

/// ANALYZE and PRETRANSLATE over real memories: the same answers as `pamyat analyze --json` and
/// `pamyat pretranslate`, through the same service code.
@Suite struct DocumentVerbTests {
    @Test func analyzeCountsTheBandsOfADocument() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let answer = try await client.requestJSON(#"ANALYZE ru en "Вызовов много.\nПогода хорошая.\nВызовов много.""#)
        #expect(answer["ok"] as? Bool == true, "\(answer)")
        let analysis = try #require(answer["analysis"] as? [String: Any])
        #expect(analysis["bands"] as? [String] == ["101", "repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match"])
        let total = try #require((analysis["total"] as? [String: Any])?["bands"] as? [String: [String: Int]])
        #expect(total["100"]?["segments"] == 1)
        #expect(total["repetitions"]?["segments"] == 1)
        #expect(total["no-match"]?["segments"] == 1)
        #expect(total["no-match"]?["words"] == 2)
        let bands = try await client.requestJSON(#"ANALYZE ru en "Вызовов много." bands=100,80"#)
        #expect((bands["analysis"] as? [String: Any])?["bands"] as? [String] == ["101", "repetitions", "100", "80-99", "no-match"])
        let bad = try await client.requestJSON(#"ANALYZE ru en "Вызовов много." bands=90"#)
        #expect(bad["error"] as? String == "bad-request", "\(bad)")
        let empty = try await client.requestJSON(#"ANALYZE ru en "   ""#)
        #expect(empty["error"] as? String == "bad-request", "\(empty)")
        let memory = try await client.requestJSON(#"ANALYZE ru en "Вызовов много." memory=nowhere"#)
        #expect(memory["error"] as? String == "not-found", "\(memory)")
        try await server.stop()
    }

    @Test func pretranslateAnswersXLIFFOrADraft() async throws {
        let server = try await TestServer.start(memories: try ServiceBackendTests.memories())
        let client = try await server.connect()
        let xliff = try await client.requestJSON(#"PRETRANSLATE ru en "Вызовов много. Погода хорошая.""#)
        #expect(xliff["format"] as? String == "xliff", "\(xliff)")
        let document = try #require(xliff["document"] as? String)
        #expect(document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\""))
        #expect(document.contains(#"<target state="translated" state-qualifier="exact-match">There are many challenges.</target>"#))
        let draft = try await client.requestJSON(#"PRETRANSLATE ru en "<p>Вызовов много.</p><p>Погода хорошая.</p>" format=text input=html"#)
        #expect(draft["document"] as? String == "There are many challenges.\n[ru: Погода хорошая.]\n", "\(draft)")
        let xliff2 = try await client.requestJSON(#"PRETRANSLATE ru en "Вызовов много." format=xliff2"#)
        #expect((xliff2["document"] as? String)?.contains(#"<xliff version="2.1""#) == true)
        let tmx = try await client.requestJSON(#"PRETRANSLATE ru en "Вызовов много." format=tmx"#)
        #expect((tmx["document"] as? String)?.contains("<seg>There are many challenges.</seg>") == true, "\(tmx)")
        let format = try await client.requestJSON(#"PRETRANSLATE ru en "Вызовов много." format=docx"#)
        #expect(format["error"] as? String == "bad-request", "\(format)")
        let same = try await client.requestJSON(#"PRETRANSLATE ru ru "Вызовов много.""#)
        #expect(same["error"] as? String == "bad-request", "\(same)")
        try await server.stop()
    }
}
