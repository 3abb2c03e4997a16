import Foundation
import Testing

/// `--memory` and `PAMYAT_MEMORY` values with a URL scheme are never taken for paths.
@Suite struct MemoryURLCommandTests {
    @Test(arguments: [
        (["stats", "--memory", "postgresql://u:secret@/tm?memory=press&host=SOCKETS"], [String: String]()),
        (["import", "--memory", "postgres:///tm?host=SOCKETS", "/nonexistent.tmx"], [:]),
        (["stats"], ["PAMYAT_MEMORY": "postgresql:///tm?host=SOCKETS"]),
        (["serve", "--port", "0", "--memory", "postgresql:///tm?host=SOCKETS"], [:]),
    ])
    func aPostgreSQLServerThatIsNotThereIsUnreachable(arguments: [String], environment: [String: String]) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // SOCKETS: a folder with no server's socket in it.
        let sockets = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: sockets) }
        let run = try PamyatBinary.run(
            arguments.map { $0.replacingOccurrences(of: "SOCKETS", with: sockets.path) }, directory: folder,
            environment: environment.mapValues { $0.replacingOccurrences(of: "SOCKETS", with: sockets.path) }
                .merging(["PAMYAT_MEMORIES": folder.appendingPathComponent("memories").path]) { a, _ in a })
        #expect(run.status == 69, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.contains("cannot reach the PostgreSQL server"), "got: \(run.stderr)")
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
