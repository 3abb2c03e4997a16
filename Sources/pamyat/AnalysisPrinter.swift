import Foundation
import PamyatService

/// Writes an ``AnalysisReport`` as a table for people, JSON or CSV.
struct AnalysisPrinter {
    let report: AnalysisReport

    /// Labels for the table: `101 (context)`, `repetitions`, `100%`, `95–99%`, `no match`.
    static func label(_ band: MatchBands.Band) -> String {
        switch band {
        case .context: "101 (context)"
        case .repetition: "repetitions"
        case .scores(let lowest, let highest): lowest == highest ? "\(lowest)%" : "\(lowest)–\(highest)%"
        case .noMatch: "no match"
        }
    }

    func table() -> String {
        var text = ""
        var tables = report.documents
        if tables.count > 1 { tables.append(report.total) }
        for table in tables {
            text += "\(table.document ?? "all \(report.documents.count) documents")\n"
            text += row("band", "segments", "words", "characters")
            for band in report.bands.all {
                let count = table.count(band)
                text += row(Self.label(band), "\(count.segments)", "\(count.words)", "\(count.characters)")
            }
            let total = table.total
            text += row("total", "\(total.segments)", "\(total.words)", "\(total.characters)")
            text += "\n"
        }
        return text
    }

    private func row(_ label: String, _ segments: String, _ words: String, _ characters: String) -> String {
        "  " + label.padding(toLength: 15, withPad: " ", startingAt: 0) + pad(segments, 9) + pad(words, 9) + pad(characters, 12) + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self) + "\n"
    }

    func csv() -> String {
        var text = "document,band,segments,words,characters\n"
        var tables = report.documents
        tables.append(report.total)
        for table in tables {
            let name = Self.csvField(table.document ?? "total")
            for band in report.bands.all {
                let count = table.count(band)
                text += "\(name),\(band.name),\(count.segments),\(count.words),\(count.characters)\n"
            }
            let total = table.total
            text += "\(name),total,\(total.segments),\(total.words),\(total.characters)\n"
        }
        return text
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
