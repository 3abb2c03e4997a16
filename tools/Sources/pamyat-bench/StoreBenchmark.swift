import Foundation
import PamyatCore
import PamyatStore

/// Write and read throughput of the SQLite store: units stored per second in one transaction,
/// streamed back per second, and the file size per unit.
enum StoreBenchmark {
    static let entry = Benchmark(name: "store", summary: "store write/read throughput (units/s)") { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 200_000
        try run(count: count)
    }

    static func run(count: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-bench-store-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteMemoryStore(path: folder.appendingPathComponent("bench.sqlite").path)
        var generator = SentenceGenerator(seed: 42)
        let units = (0..<count).map { _ in generator.unit() }
        let start = Date()
        let cpuStart = processCPUSeconds()
        try store.write { session in
            for unit in units { _ = try session.store(unit, onDuplicate: .mergeMetadata) }
        }
        let writeSeconds = Date().timeIntervalSince(start)
        let writeCPU = processCPUSeconds() - cpuStart
        let readStart = Date()
        var read = 0
        try store.forEachUnit(matching: UnitFilter(), batchSize: 1000) { read += $0.count }
        let readSeconds = Date().timeIntervalSince(readStart)
        let stats = try store.stats()
        print(String(format: "store: %d units written in %.2f s = %.0f units/s wall, %.0f units per CPU-second (one transaction; load average %.1f)",
                     count, writeSeconds, Double(count) / writeSeconds, Double(count) / writeCPU, loadAverage()))
        print(String(format: "store: %d units streamed back in %.2f s = %.0f units/s", read, readSeconds, Double(read) / readSeconds))
        print(String(format: "store: %.0f bytes per unit on disk (%d units, %@)", Double(stats.fileSize) / Double(max(1, stats.units)),
                     stats.units, ByteCountFormatter.string(fromByteCount: stats.fileSize, countStyle: .file)))
    }
}

/// CPU time (user + system) this process has used, in seconds: steadier than wall time on a shared machine.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The one-minute load average, printed beside wall-clock figures.
func loadAverage() -> Double {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) > 0 ? loads[0] : 0
}
