import Foundation
import Testing

@Suite struct AlignAddCommandTests {
    static var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("memories/samples")
    }

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    @Test func alignPrintsTheExpectedPairsAsTSV() throws {
        let run = try PamyatBinary.run(["align", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let got = run.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().joined(separator: "\t") }
        let expected = try String(contentsOfFile: Self.sample("press-release.ru-en.expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().joined(separator: "\t") }
        #expect(got == expected)
    }

    @Test func alignWritesJSONAndTMX() throws {
        let json = try PamyatBinary.run(["align", Self.sample("press-release.ru.txt"), Self.sample("press-release.be.txt"), "--json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["pairs"] as? [Any])?.count == 29)
        #expect(((object?["target"] as? [String: Any])?["language"] as? String) == "be")
        let tmx = try PamyatBinary.run(["align", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--tmx"])
        #expect(tmx.status == 0)
        #expect(tmx.stdout.hasPrefix("<?xml") && tmx.stdout.contains("<tmx version=\"1.4\">") && tmx.stdout.contains("xml:lang=\"en\""))
    }

    @Test func alignTMXImportsBackWithItsProvenance() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmx = try PamyatBinary.run(["align", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--tmx"])
        #expect(tmx.status == 0)
        let imported = try PamyatBinary.run(["import", "-", "--memory", "tm"], stdin: Data(tmx.stdout.utf8), environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        let stats = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: ["PAMYAT_MEMORIES": folder.path])
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(object?["units"] as? Int == 28)
    }

    @Test func addStoresOnceAndThenReportsAlreadyPresent() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        let arguments = ["add", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--memory", "tm", "--date", "2024-03-14"]
        let first = try PamyatBinary.run(arguments, environment: env)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("added press-release (ru → en): 28 units added"), "got: \(first.stdout)")
        let second = try PamyatBinary.run(arguments, environment: env)
        #expect(second.status == 0)
        #expect(second.stdout.contains("already present"), "got: \(second.stdout)")
        let stats = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(object?["units"] as? Int == 28)
    }

    @Test func addDirectoryPairsFilesAndEndsWithASummary() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for language in ["ru", "en", "be"] {
            try FileManager.default.copyItem(atPath: Self.sample("press-release.\(language).txt"), toPath: documents.appendingPathComponent("release.\(language).txt").path)
        }
        let run = try PamyatBinary.run(["add", documents.path, "--memory", "tm"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("[1/1] added release (ru → be, en)"), "plain progress lines off a terminal: \(run.stderr)")
        #expect(run.stdout.contains("documents              1 (added 1"))
        #expect(run.stdout.contains("units added"))
    }

    @Test(arguments: [
        ("empty.en.txt", [UInt8]("  \n".utf8), 65, "empty"),
        ("binary.en.txt", [0x00, 0x01, 0x02], 65, "binary"),
        ("latin1.en.txt", [0x41, 0xE9, 0x42], 65, "UTF-8"),
        ("page.en.html", [UInt8]("<html><body><div>x</div></body></html>".utf8), 65, "no paragraphs"),
        ("short.en.txt", [UInt8]("Hello.".utf8), 65, "--force"),
    ])
    func badInputExitsNonZeroAndStoresNothing(file: String, bytes: [UInt8], status: Int32, message: String) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file)
        try Data(bytes).write(to: path)
        let env = ["PAMYAT_MEMORIES": folder.path]
        let run = try PamyatBinary.run(["add", Self.sample("press-release.ru.txt"), path.path, "--memory", "tm"], environment: env)
        #expect(run.status == status, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.contains(message), "got: \(run.stderr)")
        let stats = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: env)
        let object = try? JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect((object?["units"] as? Int ?? 0) == 0, "nothing stored")
    }

    @Test func aSameLanguagePairIsRefused() throws {
        let run = try PamyatBinary.run(["align", Self.sample("press-release.ru.txt"), Self.sample("press-release.ru.txt")])
        #expect(run.status == 65)
        #expect(run.stderr.contains("both documents are in 'ru'"))
    }

    @Test func usageMistakesAreExplained() throws {
        let run = try PamyatBinary.run(["add", Self.sample("press-release.ru.txt")])
        #expect(run.status == 64)
        #expect(run.stderr.contains("not a directory"))
        let date = try PamyatBinary.run(["add", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--date", "14.03.2024"])
        #expect(date.status == 64 && date.stderr.contains("YYYY-MM-DD"))
    }
}

@Suite struct AlignHTMLCommandTests {
    /// The sample as a web page: each paragraph in <p>, the title in <h1>, site chrome around it.
    static func page(_ paragraphs: [String]) -> String {
        var html = "<!DOCTYPE html><html><head><title>Site</title><script>var x = '<p>no</p>';</script></head><body>"
        html += "<header><nav><ul><li>Home</li><li>News</li></ul></nav></header><article>"
        html += "<h1>\(paragraphs[0])</h1>"
        for paragraph in paragraphs.dropFirst() {
            html += "<p>" + paragraph.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "«", with: "&laquo;") + "</p>\n"
        }
        return html + "</article><footer><p>© Press service</p></footer></body></html>"
    }

    @Test func alignsWebPagesLikeTheirText() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in ["ru", "en"] {
            let text = try String(contentsOfFile: AlignAddCommandTests.sample("press-release.\(language).txt"), encoding: .utf8)
            let paragraphs = text.split(separator: "\n").map(String.init)
            try Data(Self.page(paragraphs).utf8).write(to: folder.appendingPathComponent("page.\(language).html"))
        }
        let html = try PamyatBinary.run(["align", folder.appendingPathComponent("page.ru.html").path, folder.appendingPathComponent("page.en.html").path])
        let text = try PamyatBinary.run(["align", AlignAddCommandTests.sample("press-release.ru.txt"), AlignAddCommandTests.sample("press-release.en.txt")])
        #expect(html.status == 0, "stderr: \(html.stderr)")
        #expect(html.stdout == text.stdout, "the page aligns exactly like the text")
    }
}
