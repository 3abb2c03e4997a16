import Foundation
import PamyatCore
import PamyatTMX
import PamyatText

/// Fills in a new document from the memories, as a CAT tool's "Pre-translate" does: every sentence
/// is looked up (with the sentence before it as context; numbers adapted as `lookup` adapts them)
/// and the best match at or above ``minimum`` becomes its proposed translation.
public struct DocumentPretranslator {
    public let service: LookupService
    public let source: LanguageTag
    public let target: LanguageTag
    /// The least score a match needs to be proposed.
    public var minimum = 75
    /// How many stored matches each sentence carries along (XLIFF `alt-trans`), best first.
    public var alternatives = 3
    /// Whether a sentence without a proposal gets its source copied as a placeholder target.
    public var copiesSource = false
    public var layout: TextLayout = .auto
    /// Only this memory (by name); nil for all, in order.
    public var memory: String?

    public init(service: LookupService, source: LanguageTag, target: LanguageTag) {
        self.service = service
        self.source = source
        self.target = target
    }

    /// The document at `path`, sentence by sentence, with proposals and matches.
    public func pretranslate(_ path: String) throws -> XLIFFDocument {
        try pretranslate(document: LoadedDocument.load(path: path, language: source, layout: layout))
    }

    /// A document already read (one sent to the server), sentence by sentence.
    public func pretranslate(document: LoadedDocument) throws -> XLIFFDocument {
        var previous: String?
        let paragraphs = try document.paragraphs.map { sentences in
            try sentences.map { sentence in
                defer { previous = sentence }
                let request = LookupRequest(
                    text: sentence, from: source, to: target, minimum: minimum, limit: max(1, alternatives), previous: previous, memory: memory)
                let matches = try service.lookup(request)
                var unit = XLIFFDocument.Unit(
                    source: sentence, target: nil, proposal: .sourceCopy,
                    alternatives: matches.prefix(alternatives).map { match in
                        XLIFFDocument.Unit.Alternative(
                            source: match.source, target: match.target, quality: match.score,
                            origin: match.document.map { "\(match.memory)/\($0)" } ?? match.memory)
                    })
                if let best = matches.first {
                    unit.target = best.target
                    unit.proposal = best.score >= 100 ? .exact : .fuzzy
                } else if copiesSource {
                    unit.target = sentence
                }
                return unit
            }
        }
        return XLIFFDocument(
            original: URL(fileURLWithPath: document.path).lastPathComponent, sourceLanguage: source, targetLanguage: target, paragraphs: paragraphs)
    }
}

extension XLIFFDocument {
    /// A draft of the translated document for a quick read: a paragraph per line, each sentence
    /// replaced by its proposal; a sentence without one stays in the original, marked
    /// `[ru: …]`, and so does a copied source.
    public var draft: String {
        paragraphs.map { paragraph in
            paragraph.map { unit in
                if let target = unit.target, unit.proposal != .sourceCopy { return target }
                return "[\(sourceLanguage): \(unit.source)]"
            }.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }
}
