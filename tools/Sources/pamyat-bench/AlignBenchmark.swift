import Foundation
import PamyatAlign
import PamyatCore
import PamyatService

/// Alignment benchmarks: speed and memory on a 5,000-sentence pair, adding throughput, quality on
/// the hand-aligned corpus, and the gain of the learned lexicon.
///
///   pamyat-bench align                 everything below
///   pamyat-bench align calibrate       the length model's c and s² from hand-aligned pairs
///   pamyat-bench align speed [N]       align an N-sentence pair (default 5000), both modes; peak memory
///   pamyat-bench align add [N]         add an N-sentence pair to a fresh memory: sentence pairs/s
///   pamyat-bench align quality [SEEDS] precision/recall on the corpus variants
///   pamyat-bench align lexicon [SEEDS] the learned lexicon's gain (leave-one-document-out)
enum AlignBenchmark {
    static let entry = Benchmark(name: "align", summary: "alignment speed, memory, adding pairs/s, quality, learned-lexicon gain") { arguments in
        let part = arguments.first ?? "all"
        let number = arguments.dropFirst().first.flatMap(Int.init)
        switch part {
        case "speed": try speed(sentences: number ?? 5000)
        case "add": try add(sentences: number ?? 10_000)
        case "quality": try quality(seeds: number ?? 10)
        case "lexicon": try lexiconGain(seeds: number ?? 10)
        case "calibrate": try calibrate()
        case "all":
            try calibrate()
            try speed(sentences: 5000)
            try add(sentences: 10_000)
            try quality(seeds: 10)
            try lexiconGain(seeds: 10)
        default:
            throw BenchError("unknown part '\(part)'; use calibrate, speed, add, quality or lexicon.")
        }
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let ruEn = LanguagePair(source: LanguageTag(canonical: "ru"), target: LanguageTag(canonical: "en"))

    /// The hand-aligned corpus of the test suite (Tests/PamyatAlignTests/Fixtures/corpus).
    static func corpus() throws -> [AlignedDocument] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/PamyatAlignTests/Fixtures/corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".aligned.tsv") }.sorted()
        return try files.map { try AlignedDocument(alignedTSV: String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8), name: $0) }
    }

    /// A long document: the corpus repeated (in alternating order) until it has `sentences` source
    /// sentences, with 10% of the translation's paragraphs omitted. With `unique`, every bead's
    /// sentences get a number so that no two units are the same (for adding).
    static func longDocument(sentences: Int, unique: Bool) throws -> AlignedDocument {
        let documents = try corpus()
        var parts: [AlignedDocument] = []
        var count = 0
        var pass = 0
        while count < sentences {
            for document in pass % 2 == 0 ? documents : documents.reversed() where count < sentences {
                parts.append(document)
                count += document.sourceSentences.count
            }
            pass += 1
        }
        var joined = AlignedDocument.joined(parts, name: "long")
        if unique {
            var k = 0
            joined.sourceParagraphs = joined.sourceParagraphs.map { $0.map { k += 1; return "\($0) [\(k)]" } }
            k = 0
            var targetNumber: [Int] = []
            for bead in joined.beads { for _ in bead.target { targetNumber.append(bead.source.lowerBound + 1) } }
            joined.targetParagraphs = joined.targetParagraphs.map { $0.map { k += 1; return "\($0) [\(targetNumber[k - 1])]" } }
        }
        return joined.applying(EvaluationVariant(omittedParagraphs: 0.1), seed: 11)
    }

    /// CPU seconds used by this process so far (less sensitive than wall time to a busy machine).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Gale and Church's parameters from 1-1 beads: c = Σ target characters / Σ source characters,
    /// s² = the variance of (l₂ − c·l₁) / √l₁.
    static func calibrate() throws {
        var sets: [(String, [(Int, Int)])] = []
        let corpusPairs = try corpus().flatMap { document in
            let source = document.sourceSentences, target = document.targetSentences
            return document.beads.filter { $0.source.count == 1 && $0.target.count == 1 }.map {
                (source[$0.source.lowerBound].count, target[$0.target.lowerBound].count)
            }
        }
        sets.append(("ru-en (corpus)", corpusPairs))
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("memories/samples")
        for pair in ["ru-en", "ru-be"] {
            let text = try String(contentsOf: samples.appendingPathComponent("press-release.\(pair).expected.tsv"), encoding: .utf8)
            let beads = text.split(separator: "\n").filter { $0.hasPrefix("1-1\t") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            sets.append(("\(pair) (sample)", beads.map { ($0[1].count, $0[2].count) }))
        }
        sets.append(("ru-en (corpus + sample)", sets[0].1 + sets[1].1))
        for (name, pairs) in sets {
            let c = Double(pairs.reduce(0) { $0 + $1.1 }) / Double(pairs.reduce(0) { $0 + $1.0 })
            let deviations = pairs.map { (Double($0.1) - c * Double($0.0)) / Double($0.0).squareRoot() }
            let mean = deviations.reduce(0, +) / Double(deviations.count)
            let variance = deviations.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(deviations.count - 1)
            print(String(format: "align calibrate (%@): %d 1-1 beads, c = %.3f, s² = %.2f", name, pairs.count, c, variance))
        }
    }

    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func speed(sentences: Int) throws {
        let document = try longDocument(sentences: sentences, unique: false)
        let aligner = try Aligner(languages: ruEn)
        _ = try aligner.align(source: Array(document.sourceParagraphs.prefix(20)), target: Array(document.targetParagraphs.prefix(20)))
        let before = peakMemoryMB()
        for (name, running) in [("paragraph per line", false), ("running text", true)] {
            let source = running ? [document.sourceParagraphs.flatMap { $0 }] : document.sourceParagraphs
            let target = running ? [document.targetParagraphs.flatMap { $0 }] : document.targetParagraphs
            var best = Double.infinity
            var bestCPU = Double.infinity
            var alignment: Alignment?
            for _ in 0..<5 {
                let start = Date()
                let cpu = cpuSeconds()
                alignment = try aligner.align(source: source, target: target)
                best = min(best, Date().timeIntervalSince(start))
                bestCPU = min(bestCPU, cpuSeconds() - cpu)
            }
            let score = AlignmentScore(predicted: alignment!.pairs, expected: document.beads)
            print(String(format: "align speed (%@): %d × %d sentences aligned in %.3f s wall, %.3f s CPU (best of 5), %@; peak RSS %.0f MB (%.0f MB before)",
                         name, document.sourceSentences.count, document.targetSentences.count, best, bestCPU, score.description, peakMemoryMB(), before))
        }
    }

    static func add(sentences: Int) throws {
        let document = try longDocument(sentences: sentences, unique: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-bench-align-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ru = folder.appendingPathComponent("long.ru.txt"), en = folder.appendingPathComponent("long.en.txt")
        try document.sourceParagraphs.map { $0.joined(separator: " ") }.joined(separator: "\n").write(to: ru, atomically: true, encoding: .utf8)
        try document.targetParagraphs.map { $0.joined(separator: " ") }.joined(separator: "\n").write(to: en, atomically: true, encoding: .utf8)
        let store = try MemoryCatalog(environment: ["PAMYAT_MEMORIES": folder.path], currentDirectory: folder).open("bench", create: true)
        let start = Date()
        let cpu = cpuSeconds()
        let report = try DocumentAdder(store: store, learnsFromMemory: false).add(AddRequest(original: ru.path, translations: [en.path]))
        let seconds = Date().timeIntervalSince(start)
        let cpuUsed = cpuSeconds() - cpu
        print(String(format: "align add: %d sentence pairs added in %.2f s wall = %.0f pairs/s (%.2f s CPU = %.0f pairs/s; read, segment, align, store in one transaction; %d × %d sentences)",
                     report.unitsAdded, seconds, Double(report.unitsAdded) / seconds, cpuUsed, Double(report.unitsAdded) / cpuUsed,
                     document.sourceSentences.count, document.targetSentences.count))
    }

    static let qualityVariants = EvaluationVariant.targets + [
        EvaluationVariant(runningText: true, omittedParagraphs: 0.2),
        EvaluationVariant(omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
        EvaluationVariant(runningText: true, omittedParagraphs: 0.1, mergedSentences: 2, reorderedPairs: 1),
    ]

    static func quality(seeds: Int) throws {
        let documents = try corpus()
        let evaluation = AlignmentEvaluation(documents: documents + [AlignedDocument.joined(documents, name: "all")], seeds: seeds)
        for (label, builtIn) in [("built-in lexicon", true), ("no lexicon", false), ("Gale–Church only", false)] {
            var configuration = AlignerConfiguration(languages: ruEn)
            configuration.usesBuiltInLexicon = builtIn
            if label == "Gale–Church only" {
                // The baseline: length alone, Gale and Church's priors, no runs, no paragraph evidence.
                configuration.lexicalScale = 0
                configuration.paragraphBoundaryPenalty = 0
                configuration.sentencePriors = BeadPriors(omission: 4.5, merge: 2.3, twoTwo: 4.4, threeOne: 4.6, omissionRun: 4.5, longestRun: 1)
                configuration.paragraphPriors = configuration.sentencePriors
            }
            let aligner = try Aligner(languages: ruEn, configuration: configuration)
            for variant in qualityVariants {
                let (score, beads) = try evaluation.score(aligner, variant: variant)
                let wrong = beads.filter { !$0.correct }
                let confidentWrong = wrong.filter { $0.confidence >= 0.5 }.count
                print("align quality (\(label), \(variant)): \(score); wrong beads \(wrong.count), of them ≥ 0.5 confidence \(confidentWrong)")
            }
        }
    }

    /// Leave one document out: learn from the true pairs of the others, align the one left out.
    static func lexiconGain(seeds: Int) throws {
        let documents = try corpus()
        let variants = [EvaluationVariant(omittedParagraphs: 0.1), EvaluationVariant(runningText: true, omittedParagraphs: 0.1),
                        EvaluationVariant(runningText: true, omittedParagraphs: 0.2, mergedSentences: 2, reorderedPairs: 1)]
        for builtIn in [false, true] {
            for variant in variants {
                var without = AlignmentScore(), with = AlignmentScore()
                var learnedPairs = 0
                var lowWithout = 0, lowWith = 0
                for (index, document) in documents.enumerated() {
                    let training = documents.enumerated().filter { $0.offset != index }.flatMap { pairs(of: $0.element) }
                    let learned = LearnedLexicon.learn(from: training, languages: ruEn)
                    learnedPairs += learned.pairs.count
                    var configuration = AlignerConfiguration(languages: ruEn)
                    configuration.usesBuiltInLexicon = builtIn
                    let evaluation = AlignmentEvaluation(documents: [document], seeds: seeds)
                    let plain = try evaluation.score(try Aligner(languages: ruEn, configuration: configuration), variant: variant)
                    let helped = try evaluation.score(try Aligner(languages: ruEn, learned: learned, configuration: configuration), variant: variant)
                    without = without + plain.score
                    with = with + helped.score
                    lowWithout += plain.beads.filter { $0.correct && $0.confidence < 0.5 }.count
                    lowWith += helped.beads.filter { $0.correct && $0.confidence < 0.5 }.count
                }
                print("align lexicon (\(builtIn ? "built-in lexicon" : "no built-in lexicon"), \(variant)): without learned \(without), right beads below 0.5 \(lowWithout); with learned \(with), right beads below 0.5 \(lowWith) [\(learnedPairs / documents.count) learned word pairs per fold]")
            }
        }
    }

    static func pairs(of document: AlignedDocument) -> [(String, String)] {
        let source = document.sourceSentences, target = document.targetSentences
        return document.beads.filter { !$0.isOmission }.map { bead in
            (bead.source.map { source[$0] }.joined(separator: " "), bead.target.map { target[$0] }.joined(separator: " "))
        }
    }
}
