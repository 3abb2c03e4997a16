import Foundation
import Testing

/// Issue 13, items 5, 7 and 8 as a user meets them: every command names a directory given as a
/// memory for what it is with one exit code (it used to be "disk I/O error", 74, or 73 depending on
/// the command); an empty memory file is new, not "needs a schema upgrade"; an impossible `--date`
/// is refused.
@Suite struct MemoryFileFaultTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("memories/samples")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    static let commands: [[String]] = [
        ["stats"],
        ["lookup", "--from", "ru", "--to", "en", "Текст."],
        ["concordance", "--lang", "ru", "Текст"],
        ["export", "-"],
        ["add", sample("press-release.ru.txt"), sample("press-release.en.txt")],
    ]

    @Test(arguments: commands)
    func aDirectoryGivenAsAMemoryIsNamedWithExit65(command: [String]) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(command + ["--memory", folder.path])
        #expect(run.status == 65, "\(command[0]): \(run.status) \(run.stderr)")
        #expect(run.stderr == "pamyat: \(folder.path): is a directory, not a memory file; give a memory name or the path of a .sqlite file. Choose the memory with --memory NAME (e.g. --memory press) or --memory FILE.sqlite.\n",
                "\(command[0]): \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(command[0]) wrote nothing into it")
    }

    @Test func anEmptyMemoryFileIsNamedSoAndIsANewMemoryToAddTo() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("empty.sqlite")
        _ = FileManager.default.createFile(atPath: memory.path, contents: Data())
        let stats = try PamyatBinary.run(["stats", "--memory", memory.path])
        #expect(stats.status == 65 && stats.stderr.contains("is an empty file (0 bytes), not a memory yet"), "\(stats.stderr)")
        #expect(!stats.stderr.contains("read-only") && !stats.stderr.contains("upgrade"), "\(stats.stderr)")
        let add = try PamyatBinary.run(["add", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--memory", memory.path])
        #expect(add.status == 0, "\(add.stderr)")
    }

    @Test(arguments: ["2024-13-45", "2024-02-30", "0000-01-01"])
    func anImpossibleDateIsRefusedAndNothingIsStored(date: String) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("tm.sqlite")
        let run = try PamyatBinary.run(["add", Self.sample("press-release.ru.txt"), Self.sample("press-release.en.txt"), "--date", date, "--memory", memory.path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr == "pamyat: --date must be a day that exists, written YYYY-MM-DD; '\(date)' is not.\n")
        #expect(!FileManager.default.fileExists(atPath: memory.path), "no memory made")
    }
}
