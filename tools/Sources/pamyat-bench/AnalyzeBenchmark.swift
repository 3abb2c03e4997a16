import Foundation

/// The document for the analysis benchmark (`tools/analyze-bench.sh`): a Russian "new release" of
/// SENTENCES sentences, five to a paragraph, drawn as the match benchmark draws its queries against a
/// memory of SIZE units — a third stored sources, a third stored sources changed to about 90/80/70 %
/// similarity, a third sentences the memory does not hold — so that `pamyat analyze` meets every band.
enum AnalyzeBenchmark {
    static let entry = Benchmark(
        name: "analyze-document",
        summary: "write the analysis benchmark's document (SIZE SENTENCES) and print its path"
    ) { arguments in
        let size = arguments.first.flatMap(Int.init) ?? 1_000_000
        let sentences = arguments.dropFirst().first.flatMap(Int.init) ?? 5_000
        guard size > 0, sentences > 0 else { throw BenchFailure("analyze-document: SIZE and SENTENCES must be positive") }
        try FileManager.default.createDirectory(at: MatchBenchmark.dataFolder, withIntermediateDirectories: true)
        let path = MatchBenchmark.dataFolder.appendingPathComponent("analyze-\(size)-\(sentences).ru.txt").path
        let queries = MatchCorpus.queries(count: sentences, memorySize: size)
        var text = ""
        for start in stride(from: 0, to: queries.count, by: 5) {
            text += queries[start..<min(start + 5, queries.count)].joined(separator: " ") + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print(path)
    }
}
