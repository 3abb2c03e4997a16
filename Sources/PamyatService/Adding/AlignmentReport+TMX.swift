import Foundation
import PamyatAlign
import PamyatCore
import PamyatTMX

extension AlignmentReport {
    /// A TMX 1.4b document of the pairs, written by PamyatTMX's writer: one `<tu>` per bead with
    /// origin `aligned`, the confidence (`x-alignment-confidence`), the original's sentence
    /// positions (`x-position`) and the neighbouring original sentences as provenance props.
    public func tmx(creationDate: Date = Date()) throws -> String {
        var output = Data()
        let header = TMXHeader(creationToolVersion: "0.1.0", sourceLanguage: .language(alignment.languages.source), creationDate: creationDate)
        let writer = TMXWriter(header: header) { bytes in output.append(contentsOf: bytes) }
        try writer.start()
        for unit in units(createdAt: creationDate) { try writer.write(unit) }
        try writer.finish()
        return String(decoding: output, as: UTF8.self)
    }

    /// The pairs as translation units (what `add` would store, without document details).
    func units(createdAt date: Date) -> [TranslationUnit] {
        let sentences = alignment.sourceSentences
        return alignment.pairs.map { bead in
            let range = bead.source
            let position = range.count == 1 ? "\(range.lowerBound + 1)" : "\(range.lowerBound + 1)-\(range.upperBound)"
            let provenance = Provenance(
                position: position, confidence: (bead.confidence * 1000).rounded() / 1000,
                contextPrevious: range.lowerBound > 0 ? sentences[range.lowerBound - 1] : nil,
                contextNext: range.upperBound < sentences.count ? sentences[range.upperBound] : nil)
            return TranslationUnit(
                sourceLanguage: alignment.languages.source,
                variants: [
                    Variant(language: alignment.languages.source, text: alignment.sourceText(of: bead)),
                    Variant(language: alignment.languages.target, text: alignment.targetText(of: bead)),
                ],
                origin: .aligned, provenance: provenance, createdAt: date)
        }
    }
}
