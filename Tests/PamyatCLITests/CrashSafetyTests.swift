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

    /// The import that gets killed: big enough that a debug build is still importing 1.2 s in
    /// (250,000 units took ~5 s on 2 cores; the 60,000 used before took 0.8 s once the import read
    /// on a second thread). Made once for the suite.
    static let longImport = tmx(count: 250_000, prefix: "Долго")

    @Test(arguments: [0.25, 0.6, 1.2])
    func killDuringAnImportLosesNothingThatWasReportedDone(killAfter seconds: Double) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("crash.sqlite").path
        let small = folder.appendingPathComponent("small.tmx"), big = folder.appendingPathComponent("big.tmx")
        try Self.tmx(count: 50, prefix: "Готово").write(to: small)
        try Self.longImport.write(to: big)

        let done = try PamyatBinary.run(["import", small.path, "--memory", memory])
        try #require(done.status == 0, "the first import must succeed: \(done.stderr)")

        let process = Process()
        process.executableURL = PamyatBinary.url
        process.arguments = ["import", big.path, "--memory", memory]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: seconds)
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let store = try SQLiteMemoryStore(path: memory, create: false)
        #expect(try store.integrityCheck() == ["ok"], "integrity after kill -9 at \(seconds) s")
        try #require(killedWhileRunning && process.terminationReason == .uncaughtSignal,
                     "the import finished before the kill at \(seconds) s; the test needs a bigger file")
        let units = try store.stats().units
        #expect(units == 50, "the killed import left \(units - 50) units: a transaction must be all or nothing")
        #expect(try store.concordance(language: LanguageTag(canonical: "ru"), text: "Готово", limit: 100).count == 50,
                "every unit of the import reported done is there")
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
