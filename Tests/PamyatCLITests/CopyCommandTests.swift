import Foundation
import PamyatTestSupport
import Testing

/// `pamyat copy SRC DST`: SQLite → PostgreSQL → SQLite, lossless, refusing a non-empty destination.
@Suite struct CopyCommandTests {
    @Test func aCopyThereAndBackExportsTheSameTMX() throws {
        let memories = try PostgresCommandTests.Memories()
        defer { memories.remove() }
        let files = ["omegat-level2.tmx", "okapi.tmx", "trados.tmx", "translate-toolkit.tmx", "omegat-tmx11.tmx"].map(TMXCommandTests.fixture)
        #expect(try memories.run(["import"] + files + ["--memory", "MEMORY"], postgres: false).status == 0)
        let samples = PostgresCommandTests.samples
        let added = try memories.run(["add", samples.appendingPathComponent("press-release.ru.txt").path,
                                      samples.appendingPathComponent("press-release.en.txt").path, "--memory", "MEMORY"], postgres: false)
        #expect(added.status == 0, "\(added.stderr)")

        let there = try memories.run(["copy", "tm", memories.url], postgres: false)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("new, 0 merged") && there.stdout.contains("and 1 document records"), "\(there.stdout)")
        let back = try memories.run(["copy", memories.url, "back"], postgres: false)
        #expect(back.status == 0, "\(back.stderr)")

        var bodies: [String] = []
        for (memory, file) in [("tm", "a.tmx"), (memories.url, "b.tmx"), ("back", "c.tmx")] {
            let out = memories.folder.appendingPathComponent(file)
            let exported = try memories.run(["export", out.path, "--memory", memory], postgres: false)
            #expect(exported.status == 0, "\(exported.stderr)")
            bodies.append(try PostgresCommandTests.body(out))
        }
        #expect(bodies[0] == bodies[1], "SQLite and its PostgreSQL copy export the same TMX")
        #expect(bodies[0] == bodies[2], "and so does the copy back")

        let again = try memories.run(["add", samples.appendingPathComponent("press-release.ru.txt").path,
                                      samples.appendingPathComponent("press-release.en.txt").path, "--memory", "MEMORY"], postgres: true)
        #expect(again.stdout.contains("already present"), "the document records came along: \(again.stdout)")

        let refused = try memories.run(["copy", "tm", memories.url], postgres: false)
        #expect(refused.status == 73, "a non-empty destination is refused: \(refused.stderr)")
        #expect(refused.stderr.contains("--merge") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        let merged = try memories.run(["copy", "tm", memories.url, "--merge"], postgres: false)
        #expect(merged.status == 0 && merged.stdout.contains("(0 new"), "\(merged.stdout) \(merged.stderr)")
        let same = try memories.run(["copy", "tm", "tm", "--merge"], postgres: false)
        #expect(same.status == 64, "\(same.stderr)")
    }
}
