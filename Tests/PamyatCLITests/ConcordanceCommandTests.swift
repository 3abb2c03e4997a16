import Foundation
import Testing

@Suite struct ConcordanceCommandTests {
    @Test func marksTheHitAndShowsTheTranslation() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let run = try folder.run(["concordance", "--lang", "ru", "--to", "en", "одкб"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == """
            ru  Генеральный секретарь [[ОДКБ]] выступил на форуме.
            en  The CSTO Secretary General spoke at the forum.
                default · press-1 · 2023-02-13 · unit 3

            """, "got: \(run.stdout)")
    }

    @Test func findsPartOfAWordAsJSON() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let run = try folder.run(["concordance", "--lang", "ru", "--json", "сотрудничеств"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["highlights"] as? [[Int]] == [[25, 38]])
    }

    @Test func badInputIsAClearError() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let empty = try folder.run(["concordance", "--lang", "ru", " "])
        #expect(empty.status == 64 && empty.stderr.contains("empty"), "got: \(empty.stderr)")
        let missing = try folder.run(["concordance", "--lang", "ru", "--memory", "nothing", "ОДКБ"])
        #expect(missing.status == 66)
        let none = try folder.run(["concordance", "--lang", "ru", "НАТО"])
        #expect(none.status == 0 && none.stdout.contains("no sentence contains «НАТО»"))
    }
}
