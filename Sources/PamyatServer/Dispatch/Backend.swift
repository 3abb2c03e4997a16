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
protocol Backend: Sendable {
    /// Whether `query` is CPU work short enough to answer on an event loop: no waiting on a lock,
    /// a disk or a long computation. The others run on the thread pool.
    func isQuick(_ query: LookupQuery) -> Bool
    /// The names of the memories served and the languages they hold.
    func hello() throws -> HelloInfo
    /// The matches of a lookup, as the JSON array that `pamyat lookup --json` prints.
    func lookup(_ query: LookupQuery) throws -> JSONFragment
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

struct HelloInfo: Sendable, Hashable {
    var memories: [String]
    var languages: [String]
}

struct LookupQuery: Sendable, Hashable {
    var source: LanguageTag
    var target: LanguageTag
    var text: String
    var minimumScore: Int
    var limit: Int
    var previous: String?
    var memory: String?
    /// `similar=1`: similar words get their partial cost (slow; see `LookupRequest.similarWords`).
    var similarWords = false
}

struct ConcordanceQuery: Sendable, Hashable {
    var language: LanguageTag
    var text: String
    var target: LanguageTag?
    var limit: Int
    var memory: String?
}

struct AddRequest: Sendable, Hashable {
    var source: LanguageTag
    var target: LanguageTag
    var sourceText: String
    var targetText: String
    var document: String?
    var memory: String?
}

/// A document sent with ANALYZE or PRETRANSLATE.
struct DocumentRequest: Sendable, Hashable {
    var source: LanguageTag
    var target: LanguageTag
    var text: String
    /// `text` or `html`; nil guesses from the text.
    var format: DocumentFormat?
    var memory: String?
}

struct AddOutcome: Sendable, Hashable {
    var unit: Int64
    var created: Bool
}

struct StatsInfo: Sendable, Hashable {
    var units: Int
    var pairs: [String: Int]
    /// Store changes the indexes have not applied yet (another process's import), and whether they
    /// are being applied in the background.
    var indexBehind = 0
    var indexCatchingUp = false
}
