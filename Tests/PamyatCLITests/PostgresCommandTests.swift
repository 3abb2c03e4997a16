import Foundation
import PamyatTestSupport
import Testing

/// Every command on a PostgreSQL memory (`--memory postgresql://…`) answers as on a SQLite memory
/// with the same units: a throwaway cluster of the test process's own, no mock.
@Suite struct PostgresCommandTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("memories/samples")

    /// A SQLite memory `tm` in a temporary folder and a PostgreSQL memory in a new database.
    struct Memories {
        let folder: URL
        let url: String
        var environment: [String: String] {
            ["PAMYAT_MEMORIES": folder.appendingPathComponent("memories").path, "PAMYAT_CACHE": folder.appendingPathComponent("cache").path]
        }

        init(memory: String = "tm") throws {
            folder = try PamyatBinary.temporaryDirectory()
            url = try ThrowawayPostgres.shared().freshMemoryURL(memory: memory)
        }

        /// Runs pamyat with `MEMORY` in the arguments replaced by the SQLite memory's name or the URL.
        func run(_ arguments: [String], postgres: Bool, stdin: Data? = nil) throws -> PamyatBinary.Run {
            try PamyatBinary.run(arguments.map { $0 == "MEMORY" ? (postgres ? url : "tm") : $0 }, stdin: stdin, directory: folder, environment: environment)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The part of a TMX export after its header (the header carries the export's date).
    static func body(_ path: URL) throws -> String {
        let text = try String(contentsOf: path, encoding: .utf8)
        let body = try #require(text.range(of: "<body>"), "an export has a body")
        return String(text[body.lowerBound...])
    }

    @Test func importAndExportGiveTheSameTMXAsSQLite() throws {
        let memories = try Memories()
        defer { memories.remove() }
        let files = ["omegat-level2.tmx", "okapi.tmx", "trados.tmx", "translate-toolkit.tmx", "omegat-tmx11.tmx"].map(TMXCommandTests.fixture)
        for postgres in [false, true] {
            let imported = try memories.run(["import"] + files + ["--memory", "MEMORY"], postgres: postgres)
            #expect(imported.status == 0, "stderr: \(imported.stderr)")
            #expect(imported.stdout.contains("okapi.tmx: 3 units into"), "\(imported.stdout)")
            let again = try memories.run(["import", TMXCommandTests.fixture("okapi.tmx"), "--memory", "MEMORY"], postgres: postgres)
            #expect(again.stdout.contains("3 units into") && again.stdout.contains("(0 new"), "importing twice adds nothing: \(again.stdout)")
            let out = memories.folder.appendingPathComponent(postgres ? "pg.tmx" : "sqlite.tmx")
            let exported = try memories.run(["export", out.path, "--memory", "MEMORY"], postgres: postgres)
            #expect(exported.status == 0 && exported.stdout.contains("exported 11 units"), "\(exported.stdout) \(exported.stderr)")
        }
        let sqlite = try Self.body(memories.folder.appendingPathComponent("sqlite.tmx"))
        let postgres = try Self.body(memories.folder.appendingPathComponent("pg.tmx"))
        #expect(sqlite == postgres, "the same units export the same TMX from both stores")
        #expect(try TMXCommandTests.xmllint(memories.folder.appendingPathComponent("pg.tmx").path) == 0)
    }

    @Test func addLookupConcordanceAndStatsAnswerAsOnSQLite() throws {
        let memories = try Memories()
        defer { memories.remove() }
        let add = ["add", Self.samples.appendingPathComponent("press-release.ru.txt").path,
                   Self.samples.appendingPathComponent("press-release.en.txt").path, "--memory", "MEMORY"]
        var outputs: [Bool: [String]] = [:]
        for postgres in [false, true] {
            let added = try memories.run(add, postgres: postgres)
            #expect(added.status == 0, "stderr: \(added.stderr)")
            #expect(added.stdout.contains("units added"), "\(added.stdout)")
            let again = try memories.run(add, postgres: postgres)
            #expect(again.stdout.contains("already present"), "\(again.stdout)")
            let query = "Встреча прошла во Дворце Независимости и продолжалась три часа."
            let lookup = try memories.run(["lookup", "--from", "ru", "--to", "en", "--json", "--memory", "MEMORY", query], postgres: postgres)
            let exhaustive = try memories.run(["lookup", "--from", "ru", "--to", "en", "--json", "--exhaustive", "--memory", "MEMORY", query], postgres: postgres)
            let concordance = try memories.run(["concordance", "--lang", "ru", "--memory", "MEMORY", "секретар"], postgres: postgres)
            let stats = try memories.run(["stats", "--json", "--memory", "MEMORY"], postgres: postgres)
            for run in [lookup, exhaustive, concordance, stats] { #expect(run.status == 0, "stderr: \(run.stderr)") }
            #expect(lookup.stdout.contains("\"score\""), "a match: \(lookup.stdout)")
            outputs[postgres] = [lookup.stdout, exhaustive.stdout, concordance.stdout, stats.stdout].map(Self.withoutMemoryNames)
        }
        #expect(outputs[true]![0] == outputs[false]![0], "lookup answers the same")
        #expect(outputs[true]![1] == outputs[false]![1], "exhaustive lookup answers the same")
        #expect(outputs[true]![0] == outputs[true]![1], "index and exhaustive scan agree")
        #expect(outputs[true]![2] == outputs[false]![2], "concordance answers the same")
        let sqliteStats = try JSONSerialization.jsonObject(with: Data(outputs[false]![3].utf8)) as? [String: Any]
        let postgresStats = try JSONSerialization.jsonObject(with: Data(outputs[true]![3].utf8)) as? [String: Any]
        #expect(postgresStats?["units"] as? Int == sqliteStats?["units"] as? Int)
        #expect((postgresStats?["pairs"] as? [String: Int]) == (sqliteStats?["pairs"] as? [String: Int]))
    }

    /// The output with the memory's name (`tm`, or the URL) taken out, which is all that differs.
    static func withoutMemoryNames(_ text: String) -> String {
        text.replacingOccurrences(of: #"postgresql://[^"\s·]*"#, with: "MEMORY", options: .regularExpression)
            .replacingOccurrences(of: #""memory":"tm""#, with: #""memory":"MEMORY""#)
            .replacingOccurrences(of: " tm ·", with: " MEMORY ·")
    }

    @Test func aMissingPostgreSQLMemoryIsNoInputUnlessTheCommandCreatesIt() throws {
        let memories = try Memories(memory: "absent")
        defer { memories.remove() }
        for arguments in [["stats", "--memory", "MEMORY"], ["lookup", "--from", "ru", "--to", "en", "--memory", "MEMORY", "Текст."],
                          ["export", "-", "--memory", "MEMORY"], ["concordance", "--lang", "ru", "--memory", "MEMORY", "слово"]] {
            let run = try memories.run(arguments, postgres: true)
            #expect(run.status == 66, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
        }
        let broken = memories.folder.appendingPathComponent("broken.tmx")
        try Data("<tmx version=\"1.4\"><header srclang=\"ru\"/><body><tu><tuv xml:lang=\"ru\"><seg>Да".utf8).write(to: broken)
        let failed = try memories.run(["import", broken.path, "--memory", "MEMORY"], postgres: true)
        #expect(failed.status == 65, "a malformed TMX: \(failed.stderr)")
        #expect(try memories.run(["stats", "--memory", "MEMORY"], postgres: true).status == 66,
                "a failed first import leaves no memory behind")
        let imported = try memories.run(["import", TMXCommandTests.fixture("okapi.tmx"), "--memory", "MEMORY"], postgres: true)
        #expect(imported.status == 0, "import creates the memory: \(imported.stderr)")
        #expect(try memories.run(["stats", "--memory", "MEMORY"], postgres: true).status == 0)
    }
}
