import Foundation
import Testing

/// `pamyat import` and `pamyat export` as a user runs them.
@Suite struct TMXCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PamyatTMXTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func xmllint(_ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--nonet", "--dtdvalid", fixture("tmx14.dtd"), path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func importThenExportGivesValidTMX() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        let files = ["omegat-level2.tmx", "okapi.tmx", "trados.tmx", "translate-toolkit.tmx", "omegat-tmx11.tmx"].map(Self.fixture)
        let imported = try PamyatBinary.run(["import"] + files + ["--memory", "tm"], environment: env)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout.contains("okapi.tmx: 3 units into tm (3 new, 0 updated, 0 unchanged)"), "\(imported.stdout)")

        let again = try PamyatBinary.run(["import", Self.fixture("okapi.tmx"), "--memory", "tm"], environment: env)
        #expect(again.stdout.contains("3 units into tm (0 new"), "importing twice adds nothing: \(again.stdout)")

        let out = folder.appendingPathComponent("all.tmx").path
        let exported = try PamyatBinary.run(["export", out, "--memory", "tm"], environment: env)
        #expect(exported.status == 0, "stderr: \(exported.stderr)")
        #expect(exported.stdout.contains("exported 11 units"), "\(exported.stdout)")
        #expect(try Self.xmllint(out) == 0)

        let pair = folder.appendingPathComponent("pair.tmx").path
        let pairRun = try PamyatBinary.run(["export", pair, "--memory", "tm", "--from", "en-GB", "--to", "ru"], environment: env)
        #expect(pairRun.status == 0 && pairRun.stdout.contains("exported 2 units"), "\(pairRun.stdout) \(pairRun.stderr)")
        #expect(try String(contentsOfFile: pair, encoding: .utf8).contains(#"srclang="en-GB""#))
        #expect(try Self.xmllint(pair) == 0)
    }

    @Test func exportToStandardOutput() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        _ = try PamyatBinary.run(["import", Self.fixture("translate-toolkit.tmx"), "--memory", "tm"], environment: env)
        let run = try PamyatBinary.run(["export", "-", "--memory", "tm", "--langs", "en,be", "--srclang", "en"], environment: env)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<?xml") && run.stdout.hasSuffix("</tmx>\n"), "only TMX on standard output")
        #expect(run.stderr.contains("exported 2 units"))
    }

    @Test func importReadsStandardInput() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("translate-toolkit.tmx")))
        let run = try PamyatBinary.run(["import", "-", "--memory", "tm"], stdin: data, environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("-: 2 units into tm (2 new"), "\(run.stdout)")
    }

    @Test func dryRunWritesNothing() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(["import", "--dry-run", Self.fixture("trados.tmx"), "--memory", "tm"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("trados.tmx: 2 units would be imported") && run.stdout.contains("variants: en-GB 2, ru-RU 2"), "\(run.stdout)")
        #expect(run.stdout.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tm.sqlite").path))
    }

    @Test func aBadFileIsRefusedWithItsLineAndColumn() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        let bad = folder.appendingPathComponent("bad.tmx")
        try Data("""
            <?xml version="1.0"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/><body>
            <tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg>Нет <b>bold</b>.</seg></tuv></tu>
            </body></tmx>
            """.utf8).write(to: bad)
        let run = try PamyatBinary.run(["import", bad.path, "--memory", "tm"], environment: env)
        #expect(run.status == 65, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("bad.tmx:4:35: <b> is not allowed in <seg>"), "\(run.stderr)")
        let stats = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: env)
        #expect(stats.status == 66, "nothing imported, and the memory this import would have created is not left behind: \(stats.stdout)")
    }

    /// Issue 13, items 2–5: hostile files are refused with exit 65 and one short line on stderr naming
    /// file:line:column (no raw libxml2 line, no echo of a megabyte value), and nothing is written.
    @Test func hostileFilesGetOneShortLineAndExit65() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        let header = #"<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/><body>"#
        let good = #"<tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>"#
        func file(_ body: String, encoding: String = "UTF-8", doctype: String = "") -> [UInt8] {
            Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n\(doctype)\(header)\n\(good)\n\(body)\n</body></tmx>\n".utf8)
        }
        let long = String(repeating: "a", count: 3_000_000)
        let cases: [(name: String, bytes: [UInt8], place: String)] = [
            ("xml:lang from the DOCTYPE", file(#"<tu><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv><seg>No.</seg></tuv></tu>"#, doctype: "<!DOCTYPE tmx [<!ATTLIST tuv xml:lang CDATA \"en\">]>\n"), "bad.tmx:5:"),
            ("30 February", file(#"<tu creationdate="20240230T120000Z">\#(good.dropFirst(4))"#), "bad.tmx:4:"),
            ("year 0000", file(#"<tu changedate="00000101T000000Z">\#(good.dropFirst(4))"#), "bad.tmx:4:"),
            ("a 3 MB language", file("<tu><tuv xml:lang=\"en-\(long)\"><seg>x</seg></tuv></tu>"), "bad.tmx:4:"),
            ("a 3 MB date", file("<tu creationdate=\"\(long)\">\(good.dropFirst(4))"), "bad.tmx:4:"),
            ("Shift_JIS bytes that are not", Array("<?xml version=\"1.0\" encoding=\"SHIFT_JIS\"?>\n<!-- ".utf8) + [0xFF, 0xFE, 0x80, 0xA0] + Array(" -->\n\(header)</body></tmx>".utf8), "bad.tmx:"),
            ("UTF-32 declared, bytes UTF-8", file("", encoding: "UTF-32"), "bad.tmx:"),
            // A fuzz finding (docs/FUZZING.md): UTF-16 with an odd number of bytes.
            ("UTF-16 with an odd byte count", [0xFF, 0xFE] + String(decoding: file("", encoding: "UTF-16"), as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x0A], "bad.tmx:"),
        ]
        for bad in cases {
            let path = folder.appendingPathComponent("bad.tmx")
            try Data(bad.bytes).write(to: path)
            let run = try PamyatBinary.run(["import", path.path, "--memory", "tm"], environment: env)
            #expect(run.status == 65, "\(bad.name): \(run.status) \(run.stderr.prefix(300))")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(bad.name): one line, not \(lines.count): \(run.stderr.prefix(600))")
            #expect(run.stderr.utf8.count < 500, "\(bad.name): \(run.stderr.utf8.count) bytes on stderr")
            let line = String(lines.first ?? "")
            #expect(line.contains(bad.place), "\(bad.name): \(line.prefix(300))")
            #expect(line.range(of: #"bad\.tmx:[0-9]+:[0-9]+: "#, options: .regularExpression) != nil, "\(bad.name): file:line:column: \(line.prefix(300))")
            let stats = try PamyatBinary.run(["stats", "--memory", "tm", "--json"], environment: env)
            #expect(stats.status == 66, "\(bad.name): nothing written: \(stats.stdout)")
        }
    }

    /// Issue 13, item 6: a blank target (an untranslated unit) is skipped with a counted warning.
    @Test func blankSegmentsAreSkippedAndCounted() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("blank.tmx")
        try Data("""
            <?xml version="1.0"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/><body>
            <tu><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
            <tu><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv xml:lang="en"><seg/></tuv></tu>
            <tu><tuv xml:lang="ru"><seg> </seg></tuv><tuv xml:lang="en"><seg>
            </seg></tuv></tu>
            </body></tmx>
            """.utf8).write(to: path)
        let run = try PamyatBinary.run(["import", path.path, "--memory", "tm"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("blank.tmx: 2 units into tm (2 new") && run.stdout.contains("3 blank segments skipped (1 unit left out)"), "\(run.stdout)")
        #expect(run.stderr.contains("blank.tmx:4: the <tuv xml:lang=\"en\">"), "\(run.stderr)")
    }

    @Test func optionsAreChecked() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PAMYAT_MEMORIES": folder.path]
        let halfPair = try PamyatBinary.run(["export", "x.tmx", "--from", "ru"], environment: env)
        #expect(halfPair.status == 64 && halfPair.stderr.contains("--from and --to go together"))
        let badLanguage = try PamyatBinary.run(["export", "x.tmx", "--from", "ru", "--to", "klingon"], environment: env)
        #expect(badLanguage.status == 64 && badLanguage.stderr.contains("'klingon'"))
        let badDate = try PamyatBinary.run(["export", "x.tmx", "--since", "yesterday"], environment: env)
        #expect(badDate.status == 64 && badDate.stderr.contains("--since"))
        let missing = try PamyatBinary.run(["export", folder.appendingPathComponent("x.tmx").path, "--memory", "none"], environment: env)
        #expect(missing.status == 66)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.tmx").path))
        let noFile = try PamyatBinary.run(["import", folder.appendingPathComponent("nope.tmx").path, "--memory", "tm"], environment: env)
        #expect(noFile.status == 66 && noFile.stderr.contains("no such file"), "\(noFile.stderr)")
    }
}
