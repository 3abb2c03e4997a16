import Foundation
import PamyatAlign
import PamyatCore

/// The hand-aligned fixtures.
enum Corpus {
    static let ruEn = LanguagePair(source: LanguageTag(canonical: "ru"), target: LanguageTag(canonical: "en"))

    static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/corpus")
    }

    /// Every `*.aligned.tsv` document, by name.
    static func documents() throws -> [AlignedDocument] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".aligned.tsv") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return try AlignedDocument(alignedTSV: text, name: file)
        }
    }
}
