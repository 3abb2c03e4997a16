import Foundation
import Testing

@Suite struct PretranslateCommandTests {
    @Test func writesXLIFFToAFileAndADraftToStandardOutput() throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let out = folder.url.appendingPathComponent("release.xlf").path
        let run = try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "-o", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let xliff = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xliff.components(separatedBy: "<trans-unit ").count - 1 == 5)
        #expect(xliff.contains(#"<alt-trans match-quality="101" origin="default/press-1">"#))
        let draft = try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "--format", "text", "--min", "70"])
        #expect(draft.status == 0, "stderr: \(draft.stderr)")
        #expect(draft.stdout.hasPrefix("[ru: Визит продлится три дня.]\nThe President met the Chinese delegation.\nThe parties discussed cooperation.\n"), "got: \(draft.stdout)")
    }

    @Test func tmxHoldsTheProposalsAndImportsIntoAProjectMemory() throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let out = folder.url.appendingPathComponent("release.tmx").path
        let run = try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "--min", "70", "--format", "tmx", "-o", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let tmx = try String(contentsOfFile: out, encoding: .utf8)
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 2, "the 101 and the fuzzy proposal; no-match sentences left out")
        #expect(tmx.contains(#"<prop type="x-match-quality">101</prop>"#))
        #expect(tmx.contains(#"<prop type="x-match-kind">fuzzy</prop>"#))
        let imported = try folder.run(["import", out, "--memory", "project"])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout.contains("2 units into project"), "got: \(imported.stdout)")
        let lookup = try folder.run([
            "lookup", "Президент провёл встречу с делегацией Китая.", "--from", "ru", "--to", "en", "--memory", "project",
            "--prev", "Визит продлится три дня.", "--json",
        ])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [String: Any], "got: \(lookup.stdout)")
        let best = try #require((answer["matches"] as? [[String: Any]])?.first, "got: \(lookup.stdout)")
        #expect(best["score"] as? Int == 101, "the context travels with the proposal")
        #expect(best["target"] as? String == "The President met the Chinese delegation.")
    }

    @Test func anOutputThatCannotBeWrittenIsExit73AndNothingIsWritten() throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let out = folder.url.appendingPathComponent("no-such-folder/release.xlf").path
        let run = try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "-o", out])
        #expect(run.status == 73)
        #expect(run.stderr.hasSuffix("does not exist; nothing was written.\n"), "got: \(run.stderr)")
        let format = try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "--format", "docx"])
        #expect(format.status == 64)
    }
}

@Suite struct XLIFFImportCommandTests {
    @Test func aFinishedXLIFFIsImportedAndAMalformedOneStoresNothing() throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let xlf = folder.url.appendingPathComponent("release.xlf").path
        #expect(try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "--min", "70", "-o", xlf]).status == 0)
        let run = try folder.run(["import", xlf, "--memory", "finished"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "\(xlf): XLIFF ru→en, 2 segments with a target; 1 unit into finished (0 already present); not confirmed, left out: 1 needs-review-translation\n")
        let again = try folder.run(["import", xlf, "--memory", "finished", "--states", "final"])
        #expect(again.stdout.hasSuffix("0 units into finished (0 already present); not confirmed, left out: 1 needs-review-translation, 1 translated\n"), "got: \(again.stdout)")
        let bad = folder.url.appendingPathComponent("bad.xlf").path
        try #"<xliff version="1.2"><file source-language="ru" target-language="en"><body><trans-unit id="1"><source>a</source><target>b</target>"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try folder.run(["import", bad, "--memory", "other"])
        #expect(failed.status == 65)
        #expect(failed.stderr.hasPrefix("pamyat: \(bad):1:"), "file:line:column, got: \(failed.stderr)")
        #expect(failed.stderr.components(separatedBy: "\n").count == 2, "one line")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("other.sqlite").path), "a failed first write leaves no memory behind")
    }
}

@Suite struct AddXLIFFCommandTests {
    @Test func addXLIFFStoresTheConfirmedSegmentsAndLookupFindsThem() throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("release.ru.txt").path
        let xlf = folder.url.appendingPathComponent("release.xlf").path
        #expect(try folder.run(["pretranslate", path, "--from", "ru", "--to", "en", "--min", "70", "-o", xlf]).status == 0)
        let added = try folder.run(["add", "--xliff", xlf, "--memory", "finished"])
        #expect(added.status == 0, "stderr: \(added.stderr)")
        #expect(added.stdout == "\(xlf): XLIFF ru→en, 2 segments with a target; 1 unit into finished (0 already present); not confirmed, left out: 1 needs-review-translation\n")
        let again = try folder.run(["add", "--xliff", xlf, "--memory", "finished"])
        #expect(again.stdout.contains("0 units into finished (1 already present)"), "idempotent, got: \(again.stdout)")
        let lookup = try folder.run(["lookup", "Президент провёл встречу с делегацией Китая.", "--from", "ru", "--to", "en", "--memory", "finished", "--json"])
        #expect(lookup.status == 0, "stderr: \(lookup.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [String: Any], "got: \(lookup.stdout)")
        let best = try #require((answer["matches"] as? [[String: Any]])?.first, "the imported segment is found, got: \(lookup.stdout)")
        #expect(best["score"] as? Int == 100)
        #expect(best["target"] as? String == "The President met the Chinese delegation.")
        #expect(best["document"] as? String == "release.ru.txt", "the XLIFF's document is the provenance")
    }

    @Test(arguments: [
        (["add", "--xliff", "x.xlf", "a.ru.txt"], "give no documents with it"),
        (["add", "--states", "final", "a.ru.txt", "a.en.txt"], "it needs --xliff FILE"),
        (["add", "--xliff", "x.xlf", "--review", "r.tsv"], "cannot be combined"),
    ])
    func addXLIFFRefusesMixedUse(arguments: [String], message: String) throws {
        let folder = try AnalyzeCommandTests().folder()
        defer { folder.remove() }
        let run = try folder.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "got: \(run.stderr)")
    }
}
