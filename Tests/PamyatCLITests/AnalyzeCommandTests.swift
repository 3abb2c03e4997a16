import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    /// A release whose sentences hit 101 (the stored unit's previous sentence is the one before
    /// it here), 50–74 (two words added to a stored five-token sentence: 100 − 10 × 2/7 → 71),
    /// no match (twice: the first sentence is stored only as a unit's context) and a repetition.
    static let release = """
        Визит продлится три дня.
        Президент провёл встречу с делегацией Китая.
        Стороны обсудили вопросы сотрудничества и торговли.
        Погода была солнечной.
        Визит продлится три дня.
        """

    func folder() throws -> LookupFolder {
        let folder = try LookupFolder()
        try folder.memory("default", LookupFolder.press)
        try Self.release.write(to: folder.url.appendingPathComponent("release.ru.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func jsonCountsEachBand() throws {
        let folder = try folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let run = try folder.run(["analyze", path, "--from", "ru", "--to", "en", "--json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["bands"] as? [String] == ["101", "repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match"])
        let total = try #require(object["total"] as? [String: Any])
        let bands = try #require(total["bands"] as? [String: [String: Int]])
        #expect(bands["101"]?["segments"] == 1, "the stored previous sentence is the document's")
        #expect(bands["repetitions"]?["segments"] == 1)
        #expect(bands["repetitions"]?["words"] == 4)
        #expect(bands["50-74"]?["segments"] == 1)
        #expect(bands["no-match"]?["segments"] == 2)
        #expect(bands["no-match"]?["characters"] == 41, "«Визит продлится три дня.» and «Погода была солнечной.» without their spaces: 21 + 20")
        #expect((total["total"] as? [String: Int])?["segments"] == 5)
    }

    @Test func tableAndCSV() throws {
        let folder = try folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let table = try folder.run(["analyze", path, "--from", "ru", "--to", "en"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("  101 (context)          1        6          39\n"), "got: \(table.stdout)")
        #expect(table.stdout.contains("  total                  5"))
        let csv = try folder.run(["analyze", path, "--from", "ru", "--to", "en", "--csv", "--bands", "100,90,70"])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "document,band,segments,words,characters")
        #expect(lines.contains("total,70-89,1,6,46"), "got: \(csv.stdout)")
        #expect(lines.contains("total,total,5,23,147"))
    }

    @Test func badUsageAndMissingFilesHaveTheirExitCodes() throws {
        let folder = try folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let bands = try folder.run(["analyze", path, "--from", "ru", "--to", "en", "--bands", "90,80"])
        #expect(bands.status == 64)
        #expect(bands.stderr == "pamyat: the bands '90,80' must start with 100, the exact matches' band (e.g. 100,95,85,75,50).\n")
        let both = try folder.run(["analyze", path, "--from", "ru", "--to", "en", "--json", "--csv"])
        #expect(both.status == 64)
        let missing = try folder.run(["analyze", folder.url.appendingPathComponent("nope.ru.txt").path, "--from", "ru", "--to", "en"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasSuffix("nope.ru.txt: no such file.\n"), "got: \(missing.stderr)")
        #expect(missing.stdout.isEmpty)
        let memory = try folder.run(["analyze", path, "--from", "ru", "--to", "en", "--memory", "absent"])
        #expect(memory.status == 66, "stderr: \(memory.stderr)")
    }
}
