import Foundation
import PamyatCore
import PamyatText

/// A document read from a file and split into paragraphs of sentences.
public struct LoadedDocument: Sendable {
    /// The path as given.
    public var path: String
    public var language: LanguageTag
    /// Sentences, paragraph by paragraph.
    public var paragraphs: [[String]]

    public init(path: String, language: LanguageTag, paragraphs: [[String]]) {
        self.path = path
        self.language = language
        self.paragraphs = paragraphs
    }

    /// All sentences in order.
    public var sentences: [String] { paragraphs.flatMap { $0 } }

    /// Characters in all sentences.
    public var characterCount: Int { paragraphs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }

    /// Reads a document sent as text (a protocol request's argument): `format` nil guesses text or
    /// HTML from the text itself; `name` stands for it in errors and reports.
    public static func fromText(_ text: String, name: String, language: LanguageTag, format: DocumentFormat? = nil, layout: TextLayout = .auto) throws -> LoadedDocument {
        let paragraphs = try DocumentReader.paragraphs(of: text, format: format ?? DocumentFormat.sniff(text), layout: layout, source: name)
        return try segmented(paragraphs, path: name, language: language)
    }

    /// Reads `path` (text or HTML) in `language`, or in the language its name or script tells when
    /// `language` is nil; `layout` says how plain-text lines make paragraphs.
    public static func load(path: String, language: LanguageTag?, layout: TextLayout = .auto) throws -> LoadedDocument {
        let paragraphs = try DocumentReader.paragraphs(ofFile: path, layout: layout)
        guard let language = language ?? LanguageGuess.fromFileName(path) ?? LanguageGuess.fromScript(paragraphs.joined(separator: "\n")) else {
            throw AddingError(.unknownLanguage, "cannot tell the language of this document from its name or its letters; say which language it is in.", source: path)
        }
        return try segmented(paragraphs, path: path, language: language)
    }

    private static func segmented(_ paragraphs: [String], path: String, language: LanguageTag) throws -> LoadedDocument {
        let segmenter = try SentenceSegmenter(language: language)
        let sentences = paragraphs.map { segmenter.sentences(in: $0) }.filter { !$0.isEmpty }
        guard !sentences.isEmpty else {
            throw AddingError(.usage, "the document has no sentences.", source: path)
        }
        return LoadedDocument(path: path, language: language, paragraphs: sentences)
    }
}
