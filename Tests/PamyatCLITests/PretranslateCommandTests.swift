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
