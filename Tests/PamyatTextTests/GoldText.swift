import PamyatCore
import PamyatText

/// A test text written with its sentence ends marked ` | `: the input is the text with each mark
/// replaced by one space, and the expected sentences are the parts between the marks.
struct GoldText: CustomStringConvertible, Sendable {
    let marked: String

    init(_ marked: String) { self.marked = marked }

    var sentences: [String] { marked.components(separatedBy: " | ") }
    var text: String { sentences.joined(separator: " ") }
    var description: String { marked }
}

extension GoldText: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(value) }
}

/// A segmenter for a language tag.
func segmenter(_ tag: String) throws -> SentenceSegmenter {
    try SentenceSegmenter(language: LanguageTag.parse(tag))
}
