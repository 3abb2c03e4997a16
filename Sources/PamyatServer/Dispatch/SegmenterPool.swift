import NIOConcurrencyHelpers
import PamyatCore
import PamyatText

/// Sentence segmenters kept for reuse: a `SentenceSegmenter` owns an ICU iterator and is costly
/// to create, and may be used by one thread at a time; each call takes one out of the pool (or
/// makes one) and puts it back when done.
final class SegmenterPool: Sendable {
    /// The idle segmenters by language. `@unchecked Sendable`: a segmenter is only touched by the
    /// thread that took it out, and the dictionary only under `idle`'s lock.
    private struct Idle: @unchecked Sendable {
        var byLanguage: [LanguageTag: [SentenceSegmenter]] = [:]
    }

    private let idle = NIOLockedValueBox(Idle())
    /// The most segmenters kept per language (one per worker thread is enough).
    private let keep: Int

    init(keep: Int) {
        self.keep = keep
    }

    /// The sentences of each paragraph (line) of `text`, as `pamyat segment` splits them, in one list.
    func sentences(_ language: LanguageTag, _ text: String) throws(TextError) -> [String] {
        let segmenter = try take(language)
        defer { give(segmenter) }
        return segmenter.paragraphs(in: text).flatMap { $0 }
    }

    private func take(_ language: LanguageTag) throws(TextError) -> SentenceSegmenter {
        if let reused = idle.withLockedValue({ $0.byLanguage[language]?.popLast() }) { return reused }
        return try SentenceSegmenter(language: language)
    }

    private func give(_ segmenter: SentenceSegmenter) {
        idle.withLockedValue { idle in
            if idle.byLanguage[segmenter.language, default: []].count < keep {
                idle.byLanguage[segmenter.language, default: []].append(segmenter)
            }
        }
    }
}
