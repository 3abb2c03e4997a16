import Foundation
import LoadQueries
import PamyatCore
import PamyatMatch
import PamyatService
import PamyatStore

/// The fuzzy-matching benchmark: index build and load time, lookup latency (median, p90, p99),
/// lookups per second and peak RSS on a generated memory, and the exhaustive scan's median on the
/// same queries in the same run (the ratio is the headline).
///
///   pamyat-bench match [SIZE …]            sizes default to 10000 100000 (1000000 is run on its own)
///   pamyat-bench match-generate SIZE       (used by `match`) writes tools/.data/match-SIZE.sqlite
///   pamyat-bench match-run SIZE [--build] [--index-only] [--server-mix] [--similar-words]
///                                          (used by `match`) builds the index and its cache, or opens the
///                                          memory from its cache and measures lookups (and the scan)
///
/// Memories are generated once and kept in tools/.data/ (ignored by git).
enum MatchBenchmark {
    static let entry = Benchmark(name: "match", summary: "fuzzy lookup latency vs exhaustive scan, index build/load, RSS") { arguments in
        let sizes = arguments.compactMap(Int.init)
        for size in sizes.isEmpty ? [10_000, 100_000] : sizes { try measure(size: size) }
    }
    static let generateEntry = Benchmark(name: "match-generate", summary: "generate the match benchmark's memory (SIZE units)") { arguments in
        try generate(size: arguments.first.flatMap(Int.init) ?? 10_000)
    }
    static let runEntry = Benchmark(name: "match-run", summary: "open a generated memory from its cache and time lookups") { arguments in
        try runLookups(size: arguments.first.flatMap(Int.init) ?? 10_000)
    }

    static let minimum = 70
    static let limit = 5

    static var dataFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".data")
    }

    static func memoryPath(size: Int) -> String { dataFolder.appendingPathComponent("match-\(size).sqlite").path }

    /// Runs this executable with `arguments` and waits; its output goes to ours.
    static func child(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchFailure("pamyat-bench \(arguments.joined(separator: " ")) failed") }
    }

    static func measure(size: Int) throws {
        let path = memoryPath(size: size)
        if !FileManager.default.fileExists(atPath: path) { try child(["match-generate", "\(size)"]) }
        // Build from the store in a process of its own (its peak RSS is the build's), then load from
        // the cache and look up in another (its peak RSS is a serving process's).
        try child(["match-run", "\(size)", "--build"])
        try child(["match-run", "\(size)"] + (similarWords ? ["--similar-words"] : []))
    }

    /// `--similar-words` on the command line: lookups give similar words their partial cost.
    static var similarWords: Bool { CommandLine.arguments.contains("--similar-words") }

    static func generate(size: Int) throws {
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let path = memoryPath(size: size)
        let temporary = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        let start = Date()
        let store = try SQLiteMemoryStore(path: temporary)
        var corpus = MatchCorpus(seed: 42)
        var batch: [TranslationUnit] = []
        func flush() throws {
            try store.write { session in for unit in batch { _ = try session.store(unit, onDuplicate: .keepExisting) } }
            batch.removeAll(keepingCapacity: true)
        }
        try corpus.units(count: size) { unit in
            batch.append(unit)
            if batch.count == 50_000 { try flush() }
        }
        try flush()
        try store.updateConcordanceIndex()
        let units = try store.stats().units
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        print(String(format: "match: generated %d units (%d distinct) in %.1f s → %@", size, units, Date().timeIntervalSince(start), path))
    }

    static func runLookups(size: Int) throws {
        let build = CommandLine.arguments.contains("--build")
        let path = memoryPath(size: size)
        let store = try SQLiteMemoryStore(path: path, create: false, readOnly: false)
        let cache = FuzzyIndex.cacheURL(for: store.identity)!
        if build {
            try? FileManager.default.removeItem(at: cache)
            let (index, opening) = try FuzzyIndex.open(store: store, cache: cache, cacheUnits: 0)
            print(String(format: "match %d: index built from the store in %.2f s (%d units), cache written: %@, peak RSS %.0f MiB",
                         size, opening.seconds, index.unitCount, opening.cacheWritten ? "yes" : "no", peakRSS()))
            return
        }
        let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en")
        let openStart = Date()
        let service = try LookupService(memories: [LookupService.Memory(name: "bench", store: store)])
        let index = try service.fuzzyIndex()
        let opening = service.openings["bench"]!
        print(String(format: "match %d: memory opened, index %@, ready to answer in %.2f s",
                     size, opening.source == .cache ? "loaded from its cache file" : "built from the store (no valid cache)",
                     Date().timeIntervalSince(openStart)))
        let serverMix = CommandLine.arguments.contains("--server-mix")
        // The server mix: pamyat-load's queries, each twice (as a load run repeats them).
        let queries = serverMix ? try sampledQueries(from: store) + sampledQueries(from: store) : MatchCorpus.queries(count: 1000, memorySize: size)
        // Warm up (first touches of the arrays), then time each lookup on this one thread.
        for query in queries.prefix(20) { _ = try index.lookup(query, from: ru, to: en, minimum: minimum, limit: limit, similarWords: similarWords) }
        var latencies: [Double] = []
        var cpuTimes: [Double] = []
        var found = 0
        let total = Date()
        for query in queries {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = threadCPUNanoseconds()
            let result = try index.lookup(query, from: ru, to: en, minimum: minimum, limit: limit, similarWords: similarWords)
            cpuTimes.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if !result.isEmpty { found += 1 }
        }
        let seconds = Date().timeIntervalSince(total)
        let sorted = latencies.sorted()
        let cpu = cpuTimes.sorted()
        print(String(format: "match %d: %d lookups (min %d, limit %d), %d with matches: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms, %.0f lookups/s (one core)",
                     size, queries.count, minimum, limit, found, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                     sorted.last ?? 0, Double(queries.count) / seconds))
        print(String(format: "match %d: the same lookups in thread CPU time (what a loaded machine does not inflate): median %.3f ms, p90 %.3f ms, p99 %.3f ms",
                     size, percentile(cpu, 50), percentile(cpu, 90), percentile(cpu, 99)))
        // The whole lookup as `pamyat lookup` and the server do it: units read from SQLite,
        // explanations, number placeables.
        var serviceTimes: [Double] = []
        let serviceStart = threadCPUNanoseconds()
        let serviceQueries = serverMix ? queries : Array(queries.prefix(300))
        for query in serviceQueries {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try service.lookup(LookupRequest(text: query, from: ru, to: en, minimum: minimum, limit: limit, similarWords: similarWords))
            serviceTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let serviceSorted = serviceTimes.sorted()
        print(String(format: "match %d: through LookupService (units read from SQLite, explained): median %.3f ms, p90 %.3f ms, p99 %.3f ms",
                     size, percentile(serviceSorted, 50), percentile(serviceSorted, 90), percentile(serviceSorted, 99)))
        print(String(format: "match %d: through LookupService: %.0f lookups per CPU-second (%d lookups)",
                     size, Double(serviceQueries.count) / (Double(threadCPUNanoseconds() - serviceStart) / 1e9), serviceQueries.count))
        if CommandLine.arguments.contains("--index-only") || serverMix { return }
        // The exhaustive scan on a subset of the same queries (it is slow), and the index on the same subset.
        let subset = Array(queries.prefix(size >= 1_000_000 ? 30 : size >= 100_000 ? 90 : 300))
        var scanTimes: [Double] = []
        var indexTimes: [Double] = []
        var differences = 0
        for query in subset {
            var start = DispatchTime.now().uptimeNanoseconds
            let scanned = try index.lookup(query, from: ru, to: en, minimum: minimum, limit: limit, exhaustive: true, similarWords: similarWords)
            scanTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            start = DispatchTime.now().uptimeNanoseconds
            let indexed = try index.lookup(query, from: ru, to: en, minimum: minimum, limit: limit, similarWords: similarWords)
            indexTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if scanned != indexed { differences += 1 }
        }
        let scanMedian = percentile(scanTimes.sorted(), 50)
        let indexMedian = percentile(indexTimes.sorted(), 50)
        print(String(format: "match %d: exhaustive scan median %.2f ms vs index %.3f ms on the same %d queries: %.0f× faster; results differing: %d",
                     size, scanMedian, indexMedian, subset.count, scanMedian / indexMedian, differences))
        print(String(format: "match %d: peak RSS %.0f MiB", size, peakRSS()))
    }

    /// CPU time this thread has used, in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// VmHWM from /proc/self/status, in MiB.
    static func peakRSS() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
