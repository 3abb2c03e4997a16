import Foundation
import Testing

/// `--memory` and `PAMYAT_MEMORY` values with a URL scheme are never taken for paths.
@Suite struct MemoryURLCommandTests {
    @Test(arguments: [
        (["stats", "--memory", "postgresql://u:secret@db.local/tm?memory=press"], [String: String]()),
        (["import", "--memory", "postgres://db.local/tm", "/nonexistent.tmx"], [:]),
        (["stats"], ["PAMYAT_MEMORY": "postgresql://db.local/tm"]),
        (["serve", "--port", "0", "--memory", "postgresql://db.local/tm"], [:]),
    ])
    func aPostgreSQLURLIsUnavailableInThisBuild(arguments: [String], environment: [String: String]) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(
            arguments, directory: folder, environment: environment.merging(["PAMYAT_MEMORIES": folder.appendingPathComponent("memories").path]) { a, _ in a })
        #expect(run.status == 69, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.contains("PostgreSQL memories are not available"), "got: \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
        #expect(!run.stderr.contains("secret"), "no password: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no postgresql: folder, nothing created")
    }

    @Test func anUnknownSchemeIsAUsageError() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(["stats", "--memory", "mysql://db/tm"], directory: folder)
        #expect(run.status == 64, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("'mysql://'"), "got: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
