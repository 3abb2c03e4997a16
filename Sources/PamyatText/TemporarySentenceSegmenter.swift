import Foundation
import PamyatCore

// TEMPORARY: a minimal stand-in for helper `seg`'s `SentenceSegmenter` (same API), so that the
// aligner can be written before "Segmentation: …" lands on main. Delete this file after
// `git merge main` brings the real one.

/// Splits paragraphs into sentences with ICU's sentence break iterator, not breaking after
/// initials (`А.Г.`) and a few abbreviations (`г.`, `т.е.`). One per task; not shared.
public final class SentenceSegmenter {
    private let iterator: BreakIterator
    private static let abbreviations: Set<String> = ["г", "гг", "т.е", "т.д", "т.п", "др", "им", "ул", "e.g", "i.e", "mr", "mrs", "dr", "st"]

    public init(language: LanguageTag) throws(TextError) {
        iterator = try BreakIterator(.sentence, locale: language.language)
    }

    public func sentences(in paragraph: String) -> [String] {
        let bytes = Array(paragraph.utf8)
        var result: [String] = []
        var start = 0
        iterator.forEachBoundary(in: paragraph) { boundary in
            let piece = String(decoding: bytes[start..<boundary.offset], as: UTF8.self)
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if boundary.offset < bytes.count, Self.endsWithAbbreviation(trimmed) { return }
            if !trimmed.isEmpty { result.append(trimmed) }
            start = boundary.offset
        }
        if start < bytes.count {
            let rest = String(decoding: bytes[start...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { result.append(rest) }
        }
        return result
    }

    public func paragraphs(in text: String) -> [[String]] {
        text.split(separator: "\n").map { sentences(in: String($0)) }.filter { !$0.isEmpty }
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        guard text.hasSuffix(".") else { return false }
        let body = text.dropLast()
        let word = body.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "«" }).last.map(String.init) ?? ""
        if word.count == 1, word.first!.isUppercase { return true }  // an initial: А.
        if word.count >= 3, word.dropFirst(1).first == ".", word.first!.isUppercase, word.count <= 4 { return true }  // А.Г
        return abbreviations.contains(word.lowercased())
    }
}
