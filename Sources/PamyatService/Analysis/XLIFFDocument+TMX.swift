import Foundation
import PamyatCore
import PamyatTMX

extension XLIFFDocument {
    /// The proposals of a pre-translation as a TMX 1.4b document (`pretranslate --format tmx`), for CAT
    /// tools that take a project memory rather than a pre-filled file: one `<tu>` per sentence that got a
    /// proposal (source copies and sentences without a match are left out), in document order, with the
    /// document as `x-document`, the sentence before as `x-context-prev` (so a 101 stays a 101 there),
    /// and the match as props: `x-match-quality` (the score), `x-match-origin` (memory/document) and
    /// `x-match-kind` (`exact` or `fuzzy`).
    public func tmx(toolVersion: String, creationDate: Date = Date()) throws -> String {
        var output = Data()
        let header = TMXHeader(
            creationToolVersion: toolVersion, sourceLanguage: .language(sourceLanguage), creationDate: creationDate)
        let writer = TMXWriter(header: header) { bytes in output.append(contentsOf: bytes) }
        try writer.start()
        var previous: String?
        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            for (sentenceIndex, unit) in paragraph.enumerated() {
                defer { previous = unit.source }
                guard let target = unit.target, unit.proposal != .sourceCopy, let best = unit.alternatives.first else { continue }
                var properties = [
                    Property(type: "x-match-quality", value: String(best.quality)),
                    Property(type: "x-match-origin", value: best.origin),
                    Property(type: "x-match-kind", value: unit.proposal == .exact ? "exact" : "fuzzy"),
                ]
                properties.sort { $0.type < $1.type }
                try writer.write(TranslationUnit(
                    sourceLanguage: sourceLanguage,
                    variants: [Variant(language: sourceLanguage, text: unit.source), Variant(language: targetLanguage, text: target)],
                    origin: .imported,
                    provenance: Provenance(
                        documentID: original, position: "\(paragraphIndex + 1).\(sentenceIndex + 1)", contextPrevious: previous),
                    externalID: "p\(paragraphIndex + 1)s\(sentenceIndex + 1)",
                    createdAt: creationDate, properties: properties))
            }
        }
        try writer.finish()
        return String(decoding: output, as: UTF8.self)
    }
}
