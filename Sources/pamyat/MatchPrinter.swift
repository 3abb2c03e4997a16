import Foundation
import PamyatMatch
import PamyatService

/// Prints lookup results: text for people (coloured on a terminal) or one JSON object per query.
struct MatchPrinter {
    var json: Bool
    var color: Bool
    var minimum: Int

    func print(query: String, matches: [LookupMatch], batch: Bool) {
        if json {
            Swift.print(Self.encode(LookupResult(query: query, matches: matches)))
            return
        }
        var lines: [String] = []
        if batch { lines.append((color ? "\u{1B}[1m» \(query)\u{1B}[0m" : "» \(query)")) }
        if matches.isEmpty { lines.append("  no match at or above \(minimum)") }
        for match in matches {
            let score = String(match.score).leftPadded(to: 3)
            lines.append("\(score)  \(match.diff.rendered(color ? .ansi : .plain))")
            lines.append("     \(match.target)")
            var provenance = [match.memory]
            if let document = match.document { provenance.append(document) }
            if let date = match.date { provenance.append(date) }
            provenance.append("unit \(match.unit)")
            for flag in match.flags {
                switch flag {
                case "several-translations": provenance.append("\(match.translations) translations")
                case "penalty": provenance.append("penalty \(match.penalty)")
                default: provenance.append(flag)
                }
            }
            let line = provenance.joined(separator: " · ")
            lines.append(color ? "     \u{1B}[2m\(line)\u{1B}[0m" : "     \(line)")
        }
        if batch { lines.append("") }
        Swift.print(lines.joined(separator: "\n"))
    }

    /// One line of JSON, keys sorted.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
