import Foundation
import Testing

/// A command that fails before storing anything leaves no empty memory file behind.
@Suite struct FailedFirstWriteTests {
    @Test func aFailedImportIntoANewMemoryCreatesNoFile() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.tmx")
        try Data("<?xml version=\"1.0\"?><tmx version=\"1.4\"><header/><body><tu><seg>".utf8).write(to: bad)
        let run = try PamyatBinary.run(["import", bad.path, "--memory", "fresh"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 65, "stderr: \(run.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("fresh") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func aFailedAddIntoANewMemoryCreatesNoFile() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ru = folder.appendingPathComponent("doc.ru.txt"), en = folder.appendingPathComponent("doc.en.txt")
        try Data("Первое предложение. Второе предложение.\n".utf8).write(to: ru)
        try Data([0x48, 0x69, 0xFF, 0x0A]).write(to: en)
        let run = try PamyatBinary.run(["add", ru.path, en.path, "--memory", "fresh"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 65, "stderr: \(run.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("fresh") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func aFailedImportIntoAnExistingMemoryKeepsIt() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.tmx"), bad = folder.appendingPathComponent("bad.tmx")
        try CrashSafetyTests.tmx(count: 3, prefix: "Хорошо").write(to: good)
        try Data("<tmx version=\"1.4\"><body>".utf8).write(to: bad)
        let env = ["PAMYAT_MEMORIES": folder.path]
        #expect(try PamyatBinary.run(["import", good.path, "--memory", "kept"], environment: env).status == 0)
        #expect(try PamyatBinary.run(["import", bad.path, "--memory", "kept"], environment: env).status == 65)
        let stats = try PamyatBinary.run(["stats", "--memory", "kept", "--json"], environment: env)
        #expect(stats.stdout.contains("\"units\":3"), "got: \(stats.stdout)")
    }
}
