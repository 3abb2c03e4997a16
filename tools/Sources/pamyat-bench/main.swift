// pamyat-bench: reproducible benchmarks printing figures for docs/PERFORMANCE.md.
//
//   pamyat-bench all            run every benchmark
//   pamyat-bench NAME [ARGS…]   run one (names below)
import Foundation

/// A benchmark: a name, what it measures, and how to run it with the remaining arguments.
struct Benchmark: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([String]) throws -> Void
}

let benchmarks: [Benchmark] = [
    // Each benchmark file adds its entry here.
    segmentBenchmark,
    StoreBenchmark.entry,
    AlignBenchmark.entry,
    MatchBenchmark.entry,
    MatchBenchmark.generateEntry,
    MatchBenchmark.runEntry,
    MatchQuality.entry,
    TMXBenchmark.entry,
    AnalyzeBenchmark.entry,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "--help", name != "-h" else {
    print("usage: pamyat-bench all | NAME [ARGS…]\n")
    for b in benchmarks { print("  \(b.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(b.summary)") }
    exit(arguments.isEmpty ? 64 : 0)
}
do {
    if name == "all" {
        for b in benchmarks { print("== \(b.name): \(b.summary)"); try b.run([]) }
    } else if let b = benchmarks.first(where: { $0.name == name }) {
        try b.run(Array(arguments.dropFirst()))
    } else {
        FileHandle.standardError.write(Data("pamyat-bench: no benchmark '\(name)'; run without arguments for the list.\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("pamyat-bench: \(error)\n".utf8))
    exit(1)
}
