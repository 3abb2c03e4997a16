import PamyatCore

/// Splits paragraphs into sentences: ICU's sentence break iterator for the language gives the
/// candidate breaks, and a rule layer with per-language rule data (`Rules/<language>.rules`)
/// decides which to keep and adds the breaks ICU never makes (after «…», before a dialogue dash,
/// before the items of a list). docs/SEGMENTATION-RULES.md describes every rule.
///
/// Stateful (it owns an ICU iterator): create one per task and do not share it.
public final class SentenceSegmenter {
    /// The language this segmenter was created for.
    public let language: LanguageTag
    let rules: SegmentationRules
    private let iterator: BreakIterator
    /// Buffers reused from paragraph to paragraph (the segmenter is used by one task at a time).
    private var cleanedScratch: [UInt8] = []
    var candidateScratch: [BreakCandidate] = []

    /// A segmenter for `language` (its primary subtag picks the rules: `en-GB` uses `en`).
    ///
    /// Throws ``TextError/Code/unknownLanguage`` when there are no rules for the language.
    public init(language: LanguageTag) throws(TextError) {
        self.language = language
        rules = try SegmentationRules.forLanguage(language.language)
        iterator = try BreakIterator(.sentence, locale: rules.icuLocale)
    }

    /// The primary language subtags that have segmentation rules (`be`, `en`, `kk`, `ru`, `uk`).
    public static var supportedLanguages: [String] { SegmentationRules.availableLanguages }

    /// The sentences of one paragraph, in order.
    ///
    /// The paragraph is cleaned first (NFC, every run of white space — line ends included — folded
    /// into one space, trimmed), so the sentences returned are in that form; an empty or blank
    /// paragraph has no sentences.
    public func sentences(in paragraph: String) -> [String] {
        var paragraph = paragraph
        let cleaned = paragraph.withUTF8 { ParagraphCleaner.clean($0) }
        return sentences(inCleaned: cleaned)
    }

    /// The sentences of each paragraph of `text`, where a paragraph is one line (LF, CRLF or CR;
    /// also U+2028, U+2029, NEL, VT and FF end a line). Blank lines give no paragraph.
    public func paragraphs(in text: String) -> [[String]] {
        var text = text
        return text.withUTF8 { buffer in
            var result: [[String]] = []
            var lineStart = 0
            var index = 0
            let count = buffer.count
            while index <= count {
                let length = index < count ? Self.lineEndLength(buffer, at: index) : 1
                if length == 0 {
                    index += 1
                    continue
                }
                if index > lineStart {
                    ParagraphCleaner.clean(UnsafeBufferPointer(rebasing: buffer[lineStart..<index]), into: &cleanedScratch)
                    let sentences = sentences(inCleaned: cleanedScratch)
                    if !sentences.isEmpty { result.append(sentences) }
                }
                index += length
                lineStart = index
            }
            return result
        }
    }

    /// Calls `body` with the byte range of each sentence of an already cleaned paragraph.
    func forEachSentence(inCleaned bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard !bytes.isEmpty else { return }
        let decider = BreakDecider(text: UTF8Text(bytes: bytes), rules: rules)
        collectCandidates(decider.text, into: &candidateScratch)
        var start = 0
        for candidate in candidateScratch {
            guard candidate.offset > start, candidate.offset < bytes.count else { continue }
            guard let kept = decider.decide(candidate, sentenceStart: start), kept > start else { continue }
            let range = trimmed(start..<kept, in: bytes)
            if !range.isEmpty { body(range) }
            start = kept
        }
        let range = trimmed(start..<bytes.count, in: bytes)
        if !range.isEmpty { body(range) }
    }

    private func sentences(inCleaned cleaned: [UInt8]) -> [String] {
        cleaned.withUnsafeBufferPointer { bytes in
            var result: [String] = []
            forEachSentence(inCleaned: bytes) { range in
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            return result
        }
    }

    /// ICU's boundaries of `bytes` (UTF-8), each with its rule status.
    func icuBoundaries(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (BreakIterator.Boundary) -> Void) {
        iterator.forEachBoundary(in: bytes, body)
    }

    private func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && bytes[lower] == 0x20 { lower += 1 }
        while upper > lower && bytes[upper - 1] == 0x20 { upper -= 1 }
        return lower..<upper
    }

    /// The length of the line terminator at `index` (CRLF counts as one), or 0.
    private static func lineEndLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }
}
