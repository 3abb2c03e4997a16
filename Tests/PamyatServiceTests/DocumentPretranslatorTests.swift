import Foundation
import PamyatCore
import PamyatService
import PamyatTMX
import Testing

@Suite struct DocumentPretranslatorTests {
    static func pretranslate(_ lines: [String], configure: (inout DocumentPretranslator) -> Void = { _ in }) throws -> XLIFFDocument {
        let folder = try TemporaryFolder()
        let path = folder.path("release.ru.txt")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var pretranslator = DocumentPretranslator(service: try DocumentAnalyzerTests.memory(), source: Tags.ru, target: Tags.en)
        pretranslator.layout = .lines
        configure(&pretranslator)
        return try pretranslator.pretranslate(path)
    }

    @Test func exactFuzzyAndUnmatchedSentences() throws {
        let document = try Self.pretranslate([
            "Встреча прошла в Минске. Стороны обсудили вопросы сотрудничества.",
            "Делегация посетила завод тракторов в Гомеле.",
            "Погода сегодня солнечная и тёплая.",
        ])
        #expect(document.original == "release.ru.txt")
        #expect(document.paragraphs.map(\.count) == [2, 1, 1], "a group per paragraph")
        let units = document.paragraphs.flatMap { $0 }
        #expect(units[0].target == "The meeting took place in Minsk.")
        #expect(units[0].proposal == .exact)
        #expect(units[1].alternatives.first?.quality == 101, "the sentence before is the stored context")
        #expect(units[1].proposal == .exact)
        #expect(units[2].proposal == .fuzzy)
        #expect(units[2].target == "The delegation visited the tractor plant in Minsk.")
        #expect(units[2].alternatives.first?.origin == "main")
        #expect(units[3].target == nil, "no match: no target")
        #expect(units[3].alternatives.isEmpty)
        #expect(document.draft == """
            The meeting took place in Minsk. The parties discussed cooperation.
            The delegation visited the tractor plant in Minsk.
            [ru: Погода сегодня солнечная и тёплая.]

            """)
    }

    @Test func theMinimumAndCopiedSources() throws {
        let document = try Self.pretranslate(["Делегация посетила завод тракторов в Гомеле."]) {
            $0.minimum = 90
            $0.copiesSource = true
        }
        let unit = try #require(document.paragraphs.first?.first)
        #expect(unit.proposal == .sourceCopy, "85 is below --min 90")
        #expect(unit.target == "Делегация посетила завод тракторов в Гомеле.")
        #expect(document.draft == "[ru: Делегация посетила завод тракторов в Гомеле.]\n")
    }

    @Test func theXLIFFIsWellFormedAndEscaped() throws {
        var document = try Self.pretranslate(["Встреча прошла в Минске.", "Погода сегодня солнечная и тёплая."])
        document.paragraphs[1][0].source = "A < B & \"C\""
        document.original = "a\"b.txt"
        let xliff = XLIFFWriter.xliff12(document, toolVersion: "1.0")
        #expect(xliff.contains(#"<target state="translated" state-qualifier="exact-match">The meeting took place in Minsk.</target>"#))
        #expect(xliff.contains(#"<alt-trans match-quality="100" origin="main">"#))
        #expect(xliff.contains("<source>A &lt; B &amp; \"C\"</source>"))
        #expect(xliff.contains(#"original="a&quot;b.txt""#))
        let folder = try TemporaryFolder()
        try xliff.write(toFile: folder.path("out.xlf"), atomically: true, encoding: .utf8)
        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        lint.arguments = ["--noout", folder.path("out.xlf")]
        try lint.run()
        lint.waitUntilExit()
        #expect(lint.terminationStatus == 0, "xmllint (make deps installs libxml2-utils) reads the XLIFF as well-formed XML")
    }
}
