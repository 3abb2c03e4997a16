import Foundation
import PamyatCore
import PamyatStore
import Testing

@Suite struct StatsCommandTests {
    @Test func statsReportsUnitsPairsAndDocuments() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteMemoryStore(path: folder.appendingPathComponent("tm.sqlite").path)
        let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en")
        try store.write { session in
            for i in 0..<3 {
                _ = try session.store(TranslationUnit(sourceLanguage: ru, variants: [
                    Variant(language: ru, text: "Предложение \(i)."), Variant(language: en, text: "Sentence \(i)."),
                ], origin: .aligned), onDuplicate: .keepExisting)
            }
        }
        let run = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["units"] as? Int == 3)
        #expect((json?["pairs"] as? [String: Int]) == ["ru-en": 3])
        let text = try PamyatBinary.run(["stats", "--memory", folder.appendingPathComponent("tm.sqlite").path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ru-en") && text.stdout.contains("units      3"), "got: \(text.stdout)")
    }

    @Test func statsOnAMissingMemoryFailsWithNoInput() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(["stats", "--memory", "nothing"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 66)
        #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.contains("nothing.sqlite"), "got: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nothing.sqlite").path), "stats creates nothing")
    }

    @Test func statsOnANonMemoryFileIsADataError() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("junk.sqlite")
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: path)
        let run = try PamyatBinary.run(["stats", "--memory", path.path])
        #expect(run.status == 65, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("not a pamyat memory"))
    }
}
