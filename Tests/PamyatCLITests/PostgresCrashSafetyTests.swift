import Foundation
import PamyatCore
import PamyatTestSupport
import Testing

/// A PostgreSQL memory survives `kill -9` of an import in the middle of its transaction: it holds
/// every unit of the import reported done, and nothing of the one that was killed.
@Suite struct PostgresCrashSafetyTests {
    @Test(.timeLimit(.minutes(5)), arguments: [1, 4])
    func killDuringAnImportLosesNothingThatWasReportedDone(afterBatch batch: Int) throws {
        let url = try ThrowawayPostgres.shared().freshMemoryURL()
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small.tmx"), big = folder.appendingPathComponent("big.tmx")
        try CrashSafetyTests.tmx(count: 50, prefix: "Готово").write(to: small)
        try CrashSafetyTests.longImport.write(to: big)
        let done = try PamyatBinary.run(["import", small.path, "--memory", url])
        try #require(done.status == 0, "the first import must succeed: \(done.stderr)")

        let process = Process()
        process.executableURL = PamyatBinary.url
        process.arguments = ["import", big.path, "--memory", url]
        process.environment = ProcessInfo.processInfo.environment.merging([FaultHook.environmentVariable: "pause-after-batch:\(batch)"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        let line = String(decoding: said, as: UTF8.self)
        try #require(line == "pamyat: fault hook: paused after batch \(batch)\n" && process.isRunning,
                     "the import pauses at the hook: \(line)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let exported = folder.appendingPathComponent("out.tmx")
        let export = try PamyatBinary.run(["export", exported.path, "--memory", url])
        try #require(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.components(separatedBy: "<tu ").count - 1 + text.components(separatedBy: "<tu>").count - 1 == 50,
                "the killed import left nothing, the finished one everything")
        #expect(!text.contains("Долго"), "no unit of the killed transaction")
        // The killed transaction's lock is gone: the memory takes a new import.
        let again = try PamyatBinary.run(["import", small.path, "--memory", url])
        #expect(again.status == 0, "\(again.stderr)")
    }
}
