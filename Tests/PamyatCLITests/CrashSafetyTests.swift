import Foundation
import PamyatCore
import PamyatStore
import Testing

/// A memory survives `kill -9` in the middle of a long write: it passes `PRAGMA integrity_check`,
/// holds every write that was reported done, and nothing of the write that was killed.
@Suite(.serialized) struct CrashSafetyTests {
    /// A TMX file of `count` ru-en units whose sources start with `prefix`.
    static func tmx(count: Int, prefix: String) -> Data {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" \
            o-tmf="test" adminlang="en" srclang="ru" datatype="plaintext"/><body>

            """
        for i in 0..<count {
            text += "<tu><tuv xml:lang=\"ru\"><seg>\(prefix) предложение номер \(i) о сотрудничестве.</seg></tuv>"
            text += "<tuv xml:lang=\"en\"><seg>\(prefix) sentence number \(i) on cooperation.</seg></tuv></tu>\n"
        }
        text += "</body></tmx>\n"
        return Data(text.utf8)
    }

    /// The import that gets killed: 60 batches of 512 units. Made once for the suite.
    static let longImport = tmx(count: 30_000, prefix: "Долго")

    /// A memory holding the 50 units of a finished import, and the long import's file beside it.
    static func memoryWithAFinishedImport() throws -> (folder: URL, memory: String, big: URL) {
        let folder = try PamyatBinary.temporaryDirectory()
        let memory = folder.appendingPathComponent("crash.sqlite").path
        let small = folder.appendingPathComponent("small.tmx"), big = folder.appendingPathComponent("big.tmx")
        try Self.tmx(count: 50, prefix: "Готово").write(to: small)
        try Self.longImport.write(to: big)
        let done = try PamyatBinary.run(["import", small.path, "--memory", memory])
        try #require(done.status == 0, "the first import must succeed: \(done.stderr)")
        return (folder, memory, big)
    }

    /// Checks that `memory` passes the integrity check and holds the finished import's 50 units and
    /// nothing else.
    static func expectOnlyTheFinishedImport(in memory: String, after what: String) throws {
        let store = try SQLiteMemoryStore(path: memory, create: false)
        #expect(try store.integrityCheck() == ["ok"], "integrity after \(what)")
        let units = try store.stats().units
        #expect(units == 50, "\(what) left \(units - 50) units: a transaction must be all or nothing")
        #expect(try store.concordance(language: LanguageTag(canonical: "ru"), text: "Готово", limit: 100).count == 50,
                "every unit of the import reported done is there")
    }

    /// Killed with `kill -9` while paused at a fault hook inside its transaction (after the first,
    /// a middle and the last batch but one): no clock decides whether the import is still running.
    @Test(arguments: [1, 30, 58])
    func killDuringAnImportLosesNothingThatWasReportedDone(afterBatch batch: Int) throws {
        let (folder, memory, big) = try Self.memoryWithAFinishedImport()
        defer { try? FileManager.default.removeItem(at: folder) }

        let process = Process()
        process.executableURL = PamyatBinary.url
        process.arguments = ["import", big.path, "--memory", memory]
        process.environment = ProcessInfo.processInfo.environment.merging([FaultHook.environmentVariable: "pause-after-batch:\(batch)"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Wait for the hook's line: the import has written `batch` batches and stopped.
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the process ended without pausing
            said.append(chunk)
        }
        let line = String(decoding: said, as: UTF8.self)
        try #require(line == "pamyat: fault hook: paused after batch \(batch)\n" && process.isRunning,
                     "the import pauses at the hook: \(line)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        try Self.expectOnlyTheFinishedImport(in: memory, after: "kill -9 after batch \(batch)")
    }

    /// A process that dies just before its commit (the hook exits there) leaves nothing of the write.
    @Test func anImportThatDiesJustBeforeItsCommitLeavesNothing() throws {
        let (folder, memory, big) = try Self.memoryWithAFinishedImport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PamyatBinary.run(["import", big.path, "--memory", memory],
                                       environment: [FaultHook.environmentVariable: "exit-at:commit"])
        #expect(run.status == FaultHook.exitStatus, "exits at the hook: \(run.stderr)")
        try Self.expectOnlyTheFinishedImport(in: memory, after: "an exit at commit")
    }

    @Test(arguments: ["pause-after-batch:0", "pause-after-batch:x", "exit-at:start", "yes"])
    func anInvalidFaultHookIsAOneLineUsageError(value: String) throws {
        let run = try PamyatBinary.run(["stats", "--memory", "/nonexistent/none.sqlite"],
                                       environment: [FaultHook.environmentVariable: value])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr == "pamyat: PAMYAT_FAULT=\(value) names no fault hook; use pause-after-batch:N (N ≥ 1) or exit-at:commit, or unset it.\n")
    }
}

@Suite struct ConcurrentWriterTests {
    /// Runs `pamyat import FILE --memory MEMORY` for every file at once; returns the exit codes and
    /// what the processes wrote to standard error.
    static func importAtOnce(_ files: [URL], into memory: String) throws -> (codes: [Int32], errors: String) {
        let errors = files.map { $0.appendingPathExtension("stderr") }
        let processes = try zip(files, errors).map { file, error -> Process in
            let process = Process()
            process.executableURL = PamyatBinary.url
            process.arguments = ["import", file.path, "--memory", memory]
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: error.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: error)
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let text = errors.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined()
        return (processes.map(\.terminationStatus), text)
    }

    @Test func twoProcessesImportingIntoOneMemoryWaitForEachOther() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("shared.sqlite").path
        let files = ["a", "b"].map { folder.appendingPathComponent("\($0).tmx") }
        try CrashSafetyTests.tmx(count: 8_000, prefix: "Первый").write(to: files[0])
        try CrashSafetyTests.tmx(count: 8_000, prefix: "Второй").write(to: files[1])
        let run = try Self.importAtOnce(files, into: memory)
        #expect(run.codes == [0, 0], "neither writer may fail with 'database is locked': \(run.errors)")
        #expect(try SQLiteMemoryStore(path: memory, create: false).stats().units == 16_000)
    }

    @Test func processesCreatingOneNewMemoryAtOnceAllSucceed() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = (0..<5).map { folder.appendingPathComponent("f\($0).tmx") }
        for (i, file) in files.enumerated() { try CrashSafetyTests.tmx(count: 20, prefix: "Файл \(i)").write(to: file) }
        for round in 0..<4 {
            let memory = folder.appendingPathComponent("new-\(round).sqlite").path
            let run = try Self.importAtOnce(files, into: memory)
            #expect(run.codes == [0, 0, 0, 0, 0], "round \(round): every creator succeeds: \(run.errors)")
            #expect(try SQLiteMemoryStore(path: memory, create: false).stats().units == 100)
        }
    }
}
