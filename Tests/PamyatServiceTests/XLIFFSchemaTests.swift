import Foundation
import PamyatCore
import PamyatService
import PamyatTMX
import Testing

/// The XLIFF that `pamyat pretranslate` writes, validated by xmllint against the OASIS schemas
/// (XLIFF 1.2 strict, XLIFF 2.0 core for 2.1 files) as Debian's php-symfony-translation ships them
/// (`make test` installs it). The schemas import xml.xsd by a web address; the test rewrites that
/// import to the local copy in a temporary folder, and xmllint runs with --nonet.
@Suite struct XLIFFSchemaTests {
    static let schemas = "/usr/share/php/Symfony/Component/Translation/Resources/schemas"

    /// A document whose units take every shape the writer knows: exact, context (101), fuzzy,
    /// no match, and with --copy-source a source copy; markup-like text escaped.
    static func documents() throws -> [XLIFFDocument] {
        let lines = [
            "Встреча прошла в Минске. Стороны обсудили вопросы сотрудничества.",
            "Делегация посетила завод тракторов в Гомеле.",
            "Погода сегодня солнечная и тёплая <b> & \"ясная\".",
        ]
        let plain = try DocumentPretranslatorTests.pretranslate(lines)
        let copied = try DocumentPretranslatorTests.pretranslate(lines) { $0.copiesSource = true }
        let proposals = Set((plain.paragraphs + copied.paragraphs).flatMap { $0 }.map(\.proposal))
        #expect(proposals == [.exact, .fuzzy, .sourceCopy], "every shape of unit is written, got \(proposals)")
        #expect(plain.paragraphs.flatMap { $0 }.contains { $0.target == nil }, "a unit without a target is written")
        #expect(copied.paragraphs.flatMap { $0 }.contains { $0.proposal == .sourceCopy && $0.target == $0.source }, "a source copy is written")
        #expect(plain.paragraphs.flatMap { $0 }.contains { $0.alternatives.first?.quality == 101 }, "a context match is written")
        return [plain, copied]
    }

    /// Copies `schema` and xml.xsd into `folder`, pointing the schema's import at the copy.
    static func localSchema(_ schema: String, importing remote: String, in folder: TemporaryFolder) throws -> String {
        let source = "\(schemas)/\(schema)"
        try #require(
            FileManager.default.fileExists(atPath: source),
            "\(source) is missing: install Debian's php-symfony-translation (make test-deps does)")
        let text = try String(contentsOfFile: source, encoding: .utf8)
        #expect(text.contains(remote), "\(schema) imports \(remote)")
        try FileManager.default.copyItem(atPath: "\(schemas)/xml.xsd", toPath: folder.path("xml.xsd"))
        let local = folder.path(schema)
        try text.replacingOccurrences(of: remote, with: "xml.xsd").write(toFile: local, atomically: true, encoding: .utf8)
        return local
    }

    static func validate(_ xliff: String, against schema: String, in folder: TemporaryFolder, name: String) throws -> (status: Int32, output: String) {
        let file = folder.path(name)
        try xliff.write(toFile: file, atomically: true, encoding: .utf8)
        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        lint.arguments = ["--nonet", "--noout", "--schema", schema, file]
        let output = Pipe()
        lint.standardError = output
        lint.standardOutput = output
        try lint.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lint.waitUntilExit()
        return (lint.terminationStatus, text)
    }

    @Test func xliff12IsValidAgainstTheStrictSchema() throws {
        let folder = try TemporaryFolder()
        let schema = try Self.localSchema("xliff-core-1.2-strict.xsd", importing: "http://www.w3.org/2001/xml.xsd", in: folder)
        for (number, document) in try Self.documents().enumerated() {
            let result = try Self.validate(XLIFFWriter.xliff12(document, toolVersion: "1.0"), against: schema, in: folder, name: "out\(number).xlf")
            #expect(result.status == 0, "xmllint: \(result.output)")
        }
    }

    @Test func xliff21IsValidAgainstTheCoreSchema() throws {
        let folder = try TemporaryFolder()
        let schema = try Self.localSchema("xliff-core-2.0.xsd", importing: "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd", in: folder)
        for (number, document) in try Self.documents().enumerated() {
            let result = try Self.validate(XLIFFWriter.xliff21(document, toolVersion: "1.0"), against: schema, in: folder, name: "out\(number).xlf")
            #expect(result.status == 0, "xmllint: \(result.output)")
        }
    }

    /// The check can fail: a 1.2 file with an element the schema does not know is refused.
    @Test func theSchemaRefusesAnInvalidFile() throws {
        let folder = try TemporaryFolder()
        let schema = try Self.localSchema("xliff-core-1.2-strict.xsd", importing: "http://www.w3.org/2001/xml.xsd", in: folder)
        let document = try #require(try Self.documents().first)
        let broken = XLIFFWriter.xliff12(document, toolVersion: "1.0").replacingOccurrences(of: "<source>", with: "<sauce/><source>")
        #expect(try Self.validate(broken, against: schema, in: folder, name: "broken.xlf").status != 0)
    }
}
