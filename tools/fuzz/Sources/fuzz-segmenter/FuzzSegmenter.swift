// libFuzzer target: the sentence segmenter (PamyatText's SentenceSegmenter: ICU's sentence breaks
// and the rule layer) for each language with rules.
//
// The first byte picks the language (ru, en, be, uk, kk); the rest, decoded as UTF-8 (invalid bytes
// replaced), is the text, segmented paragraph by paragraph (`paragraphs(in:)`) and as one paragraph
// (`sentences(in:)`).
//
// Promises checked: no crash; no sentence is empty or has a space at either end; the sentences of a
// paragraph are its cleaned text cut into pieces — joined with single spaces they give back every
// non-space character, in order.
import FuzzCheck
import PamyatCore
@testable import PamyatText

nonisolated(unsafe) private var segmenters: [SentenceSegmenter] = SentenceSegmenter.supportedLanguages.sorted().map {
    try! SentenceSegmenter(language: LanguageTag.parse($0))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmenter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let first = bytes.first else { return 0 }
    let segmenter = segmenters[Int(first) % segmenters.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    for sentences in segmenter.paragraphs(in: text) { check(sentences) }
    let whole = segmenter.sentences(in: text)
    check(whole)
    var cleaned = text
    let cleanedBytes = cleaned.withUTF8 { ParagraphCleaner.clean($0) }
    FuzzCheck.require(
        nonSpace(whole.joined(separator: " ")) == nonSpace(String(decoding: cleanedBytes, as: UTF8.self)),
        "the sentences are not the cleaned paragraph: \(whole) vs \(String(decoding: cleanedBytes, as: UTF8.self).debugDescription)")
    return 0
}

private func check(_ sentences: [String]) {
    for sentence in sentences {
        FuzzCheck.require(!sentence.isEmpty, "an empty sentence")
        FuzzCheck.require(!sentence.hasPrefix(" ") && !sentence.hasSuffix(" "), "a sentence with a space at an end: \(sentence.debugDescription)")
    }
}

private func nonSpace(_ text: String) -> [UInt8] { text.utf8.filter { $0 != 0x20 } }
