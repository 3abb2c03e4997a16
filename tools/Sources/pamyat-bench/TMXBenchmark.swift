import Foundation
import PamyatCore
import PamyatService
import PamyatStore
import PamyatTMX

/// TMX import and export throughput on a generated memory, with the peak RSS of each phase.
///
///   pamyat-bench tmx [UNITS]     (default 1,000,000)
///
/// Phases, each in its own process so that its peak RSS is its own: write a TMX file of UNITS ru/en
/// units (TMXWriter alone); read it through without a store (TMXReader alone, what --dry-run does);
/// import it into a new SQLite memory (one transaction), reading the file on a second thread (the
/// default) and, for comparison, in turn with writing (into a memory removed afterwards); export the
/// memory back to TMX, reading the store on a second thread (the default) and, for comparison, in
/// turn with writing.
/// Each line gives wall-clock units/s and units per CPU-second (user + system time of the phase's
/// process, all threads), and the 1-minute load average: on a shared machine the wall clock alone
/// says more about the neighbours than about pamyat.
enum TMXBenchmark {
    static let entry = Benchmark(name: "tmx", summary: "TMX import/export throughput (units/s) and peak RSS") { arguments in
        // `tmx --phase NAME DIR UNITS` is how `tmx` runs each phase in a child process.
        if arguments.first == "--phase" {
            guard arguments.count == 4, let count = Int(arguments[3]) else { throw TMXError(.io, "usage: tmx --phase NAME DIR UNITS") }
            try phase(arguments[1], folder: URL(fileURLWithPath: arguments[2]), count: count)
        } else {
            try run(count: arguments.first.flatMap(Int.init) ?? 1_000_000)
        }
    }

    static func run(count: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-bench-tmx-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["write", "read", "import", "import-serial", "export", "export-serial"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["tmx", "--phase", name, folder.path, String(count)]
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { throw TMXError(.io, "phase \(name) failed") }
        }
    }

    static func phase(_ name: String, folder: URL, count: Int) throws {
        let input = folder.appendingPathComponent("input.tmx").path
        let memory = folder.appendingPathComponent("bench.sqlite").path
        let output = folder.appendingPathComponent("output.tmx").path
        let start = Date()
        let units: Int
        var note = ""
        switch name {
        case "write":
            _ = FileManager.default.createFile(atPath: input, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: input) else { throw TMXError(.cannotWrite, "cannot create", file: input) }
            defer { try? handle.close() }
            let header = TMXHeader(creationToolVersion: "bench", sourceLanguage: .language(LanguageTag(canonical: "ru")))
            let writer = TMXWriter(header: header) { bytes in handle.write(Data(bytes)) }
            try writer.start()
            var generator = SentenceGenerator(seed: 7)
            for index in 0..<count {
                var unit = generator.unit()
                unit.id = Int64(index + 1)
                try writer.write(unit)
            }
            try writer.finish()
            units = count
            let size = ((try? FileManager.default.attributesOfItem(atPath: input))?[.size] as? NSNumber)?.int64Value ?? 0
            note = String(format: " (generating included; file %.0f MB, %.0f bytes per unit)", Double(size) / 1e6, Double(size) / Double(count))
        case "read":
            units = try TMXImporter().importFile(input, into: nil).units
            note = " (TMXReader alone, as --dry-run)"
        case "import", "import-serial":
            let path = name == "import" ? memory : folder.appendingPathComponent("serial.sqlite").path
            let store = try SQLiteMemoryStore(path: path)
            let report = try TMXImporter(readAhead: name == "import").importFile(input, into: store)
            units = report.units
            // This thread holds the write transaction: with the file read on a second thread, its
            // CPU time per unit bounds the wall-clock rate when the second core is free.
            let writing = threadCPUSeconds()
            note = String(format: " (one transaction; %d units stored, %d repeats merged; ", report.created, report.updated + report.unchanged)
                + (name == "import" ? "file read on a second thread" : "file read and store written in turn")
                + String(format: "; writing thread %.2f µs per unit)", writing / Double(max(1, units)) * 1e6)
            if name == "import-serial" {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        case "export", "export-serial":
            let store = try SQLiteMemoryStore(path: memory, create: false)
            let exporter = TMXExporter(toolVersion: "bench", readAhead: name == "export")
            units = try exporter.export(from: store, to: output, selection: TMXExportSelection()).units
            note = name == "export" ? " (store read on a second thread)" : " (store read and TMX written in turn)"
        default:
            throw TMXError(.io, "no phase \(name)")
        }
        let seconds = Date().timeIntervalSince(start)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        var load = [Double](repeating: 0, count: 1)
        _ = getloadavg(&load, 1)
        print(String(format: "tmx %@: %d units in %.2f s = %.0f units/s (CPU %.2f s = %.0f units per CPU-second), peak RSS %.0f MB, load %.1f%@",
                     name, units, seconds, Double(units) / seconds, cpu, Double(units) / cpu,
                     Double(peakRSSKilobytes()) / 1024, load[0], note))
    }

    /// CPU time (user + system) of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// VmHWM (peak resident set size) from /proc/self/status, in kB.
    static func peakRSSKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
