import ArgumentParser
import Foundation
import PamyatCore

extension Pamyat {
    /// `pamyat stats`: what a memory holds.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show units per language pair, documents and file size of a memory.",
            discussion: """
                Example:
                  pamyat stats --memory default
                  pamyat stats --json
                """)

        @OptionGroup var memories: MemoryOptions

        @Flag(help: "Print JSON: {\"memory\":…,\"units\":…,\"pairs\":{\"ru-en\":…},\"languages\":{…},\"documents\":…,\"fileSize\":…}.")
        var json = false

        func run() throws {
            do {
                let names = memories.memory.isEmpty ? [nil] : memories.memory.map(Optional.some)
                var reports: [[String: Any]] = []
                for name in names {
                    let store = try memories.catalog.open(name, create: false, readOnly: true)
                    let stats = try store.stats()
                    if json {
                        reports.append([
                            "memory": memories.catalog.displayName(name), "path": store.location,
                            "units": stats.units, "pairs": stats.pairs, "languages": stats.languages,
                            "documents": stats.documents, "fileSize": stats.fileSize,
                        ])
                    } else {
                        print(Self.render(stats, name: memories.catalog.displayName(name), path: store.location))
                    }
                }
                if json {
                    let value: Any = reports.count == 1 ? reports[0] : reports
                    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                }
            } catch {
                throw reportedExit(for: error)
            }
        }

        static func render(_ stats: MemoryStats, name: String, path: String) -> String {
            var lines = ["memory     \(name) (\(path))", "units      \(stats.units)", "documents  \(stats.documents)",
                         "file size  \(ByteCountFormatter.string(fromByteCount: stats.fileSize, countStyle: .file))"]
            if !stats.pairs.isEmpty {
                lines.append("pairs")
                for (pair, count) in stats.pairs.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                    lines.append("  \(pair.padding(toLength: 9, withPad: " ", startingAt: 0)) \(count)")
                }
            }
            if !stats.languages.isEmpty {
                lines.append("languages  " + stats.languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            return lines.joined(separator: "\n")
        }
    }
}
