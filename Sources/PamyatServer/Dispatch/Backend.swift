import PamyatCore
import PamyatService
import PamyatTMX
import PamyatText

/// What the verbs do, behind a small protocol so that the dispatch (parsing, checks, errors,
/// encoding) is tested apart from the memories. ``ServiceBackend`` implements it over PamyatService.
///
/// Implementations are called from many threads at once. The dispatcher calls `lookup` and
/// `segment` on an event loop when ``isQuick(_:)`` says so (and for short texts), every other method
/// on the server's thread pool.
package protocol Backend: Sendable {
    /// Whether `query` is CPU work short enough to answer on an event loop: no waiting on a lock,
    /// a disk or a long computation. The others run on the thread pool.
    func isQuick(_ query: LookupQuery) -> Bool
    /// The names of the memories served and the languages they hold.
    func hello() throws -> HelloInfo
    /// The matches of a lookup, as the JSON array that `pamyat lookup --json` prints.
    func lookup(_ query: LookupQuery) throws -> JSONFragment
    /// The matches of a lookup as values, for a front end that writes them in its own format (the
    /// HTTP API's tmserver endpoint): the same matches, in the same order, as ``lookup(_:)`` encodes.
    func lookupMatches(_ query: LookupQuery) throws -> [LookupMatch]
    /// The concordance hits, as a JSON array.
    func concordance(_ query: ConcordanceQuery) throws -> JSONFragment
    /// The sentences of `text`.
    func segment(language: LanguageTag, text: String) throws -> [String]
    /// Stores one unit; it is committed and indexed when this returns.
    func add(_ request: AddRequest) throws -> AddOutcome
    /// Unit counts over the memories served.
    func stats() throws -> StatsInfo
    /// The analysis of one document, as the JSON that `pamyat analyze --json` prints.
    func analyze(_ request: DocumentRequest, bands: MatchBands) throws -> JSONFragment
    /// The document pre-translated: its sentences with proposals and matches.
    func pretranslate(_ request: DocumentRequest, minimum: Int) throws -> XLIFFDocument
}

package struct HelloInfo: Sendable, Hashable {
    package var memories: [String]
    package var languages: [String]
}

package struct LookupQuery: Sendable, Hashable {
    package var source: LanguageTag
    package var target: LanguageTag
    package var text: String
    package var minimumScore: Int
    package var limit: Int
    package var previous: String?
    package var memory: String?
    /// `similar=1`: similar words get their partial cost (slow; see `LookupRequest.similarWords`).
    package var similarWords = false
}

package struct ConcordanceQuery: Sendable, Hashable {
    package var language: LanguageTag
    package var text: String
    package var target: LanguageTag?
    package var limit: Int
    package var memory: String?
}

package struct AddRequest: Sendable, Hashable {
    package var source: LanguageTag
    package var target: LanguageTag
    package var sourceText: String
    package var targetText: String
    package var document: String?
    package var memory: String?
}

/// A document sent with ANALYZE or PRETRANSLATE.
package struct DocumentRequest: Sendable, Hashable {
    package var source: LanguageTag
    package var target: LanguageTag
    package var text: String
    /// `text` or `html`; nil guesses from the text.
    package var format: DocumentFormat?
    package var memory: String?
}

package struct AddOutcome: Sendable, Hashable {
    package var unit: Int64
    package var created: Bool
}

package struct StatsInfo: Sendable, Hashable {
    package var units: Int
    package var pairs: [String: Int]
    /// Store changes the indexes have not applied yet (another process's import), and whether they
    /// are being applied in the background.
    package var indexBehind = 0
    package var indexCatchingUp = false
}
