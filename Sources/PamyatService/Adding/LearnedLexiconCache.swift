import Foundation
import PamyatAlign
import PamyatCore

/// Learned lexicons by language pair, built once per adder and dropped after each write (so `add
/// DIR` learns from the documents it has added so far). The lock guards `cache`.
final class LearnedLexiconCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [LanguagePair: LearnedLexicon?] = [:]
    private var addsSinceBuild = 0

    func lexicon(for pair: LanguagePair, store: any MemoryStore) throws -> LearnedLexicon? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[pair] { return cached }
        let built = try LearnedLexicon.learn(from: store, languages: pair)
        cache[pair] = .some(built)
        return built
    }

    /// Called after a write: rebuild after every 20 documents, so that a long `add DIR` does not
    /// re-read the memory for each one.
    func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        addsSinceBuild += 1
        if addsSinceBuild >= 20 {
            cache.removeAll()
            addsSinceBuild = 0
        }
    }
}
