import Foundation
import PamyatCore
import PamyatText

/// The review file of `pamyat add --review FILE`: tab-separated values, a header line, one
/// ``ReviewItem`` per row. A person sets the first column to `keep` for the rows to store (and may
/// write the missing side of an unpaired sentence, or correct either text), then adds the file back
/// with `pamyat add --reviewed FILE`.
///
/// Columns: `decision document from to source_pos target_pos score reason source target title date`.
/// Lines starting with `#` are comments. Texts never hold tabs or line breaks (they are written as
/// spaces).
public enum ReviewFile {
    static let columns = ["decision", "document", "from", "to", "source_pos", "target_pos", "score", "reason", "source", "target", "title", "date"]

    /// The file's text for `items`.
    public static func text(_ items: [ReviewItem]) -> String {
        var lines = [
            "# pamyat review file: set 'decision' to keep for the rows to store (you may fill in or correct a text),",
            "# then run: pamyat add --reviewed THIS_FILE [--memory M]. Rows left as drop are ignored.",
            columns.joined(separator: "\t"),
        ]
        for item in items {
            let cells = [
                item.keep ? "keep" : "drop", item.documentID, item.sourceLanguage.identifier, item.targetLanguage.identifier,
                item.sourcePositions, item.targetPositions, String(format: "%.2f", item.score), item.reason.rawValue,
                item.source, item.target, item.title ?? "", item.date ?? "",
            ]
            lines.append(cells.map(cell).joined(separator: "\t"))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Writes `items` to `path` through a temporary file renamed into place, so that a failed write
    /// leaves no partial file.
    public static func write(_ items: [ReviewItem], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text(items).utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary) }
            else { try FileManager.default.moveItem(at: temporary, to: url) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReviewFileError(.unwritable, "cannot write the review file (\(error.localizedDescription)); check the folder exists and is writable.", source: path)
        }
    }

    /// The items of the review file at `path`. Throws ``ReviewFileError`` naming the line for a
    /// file that is not a review file or a row that cannot be read, and `TextError` for a file that
    /// cannot be read as text.
    public static func read(path: String) throws -> [ReviewItem] {
        try parse(try InputText.read(path: path), source: path)
    }

    /// The items of review-file `text`; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws -> [ReviewItem] {
        var items: [ReviewItem] = []
        var sawHeader = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let location = "\(source):\(offset + 1)"
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                guard cells.first == "decision", cells.count >= 10 else {
                    throw ReviewFileError(.malformed, "this is not a pamyat review file (the first row must be the header: \(columns.prefix(4).joined(separator: " ")) …).", source: location)
                }
                sawHeader = true
                continue
            }
            guard cells.count >= 10 else {
                throw ReviewFileError(.malformed, "a row needs at least 10 tab-separated cells (decision … target); this one has \(cells.count).", source: location)
            }
            items.append(try item(cells, location: location))
        }
        guard sawHeader else {
            throw ReviewFileError(.malformed, "this is not a pamyat review file (no header row).", source: source)
        }
        return items
    }

    private static func item(_ cells: [String], location: String) throws -> ReviewItem {
        let decision = cells[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard decision == "keep" || decision == "drop" else {
            throw ReviewFileError(.malformed, "the decision must be keep or drop, not '\(TextExcerpt.short(cells[0]))'.", source: location)
        }
        func language(_ cell: String, _ name: String) throws -> LanguageTag {
            do {
                return try LanguageTag.parse(cell.trimmingCharacters(in: .whitespaces))
            } catch {
                throw ReviewFileError(.malformed, "the '\(name)' language '\(TextExcerpt.short(cell))' is not a language tag.", source: location)
            }
        }
        guard let reason = ReviewItem.Reason(rawValue: cells[7]) else {
            throw ReviewFileError(.malformed, "the reason must be one of \(ReviewItem.Reason.allCases.map(\.rawValue).joined(separator: ", ")), not '\(TextExcerpt.short(cells[7]))'.", source: location)
        }
        let document = cells[1].trimmingCharacters(in: .whitespaces)
        guard !document.isEmpty else {
            throw ReviewFileError(.malformed, "the document column is empty.", source: location)
        }
        let item = ReviewItem(
            keep: decision == "keep", documentID: document, sourceLanguage: try language(cells[2], "from"),
            targetLanguage: try language(cells[3], "to"), sourcePositions: cells[4], targetPositions: cells[5],
            score: Double(cells[6]) ?? 0, reason: reason, source: Normalizer.foldWhitespace(cells[8]),
            target: Normalizer.foldWhitespace(cells[9]), title: cells.count > 10 && !cells[10].isEmpty ? cells[10] : nil,
            date: cells.count > 11 && !cells[11].isEmpty ? cells[11] : nil)
        if item.keep, item.source.isEmpty || item.target.isEmpty {
            throw ReviewFileError(.malformed, "a row to keep needs both texts; write the missing \(item.source.isEmpty ? "original" : "translation") or set the decision to drop.", source: location)
        }
        if item.sourceLanguage.sharesLanguage(with: item.targetLanguage) {
            throw ReviewFileError(.malformed, "'from' and 'to' are the same language (\(item.sourceLanguage.identifier)).", source: location)
        }
        return item
    }

    /// Tabs and line breaks inside a text are written as spaces.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

/// An error reading or writing a review file.
public struct ReviewFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The file is not a review file, or a row cannot be read.
        case malformed
        /// The file cannot be written.
        case unwritable
    }

    public var code: Code
    public var message: String
    /// The file (and line) concerned.
    public var source: String

    public init(_ code: Code, _ message: String, source: String) {
        self.code = code
        self.message = message
        self.source = source
    }

    public var description: String { "\(source): \(message)" }
}
