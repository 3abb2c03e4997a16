import Foundation
import NIOConcurrencyHelpers
import PamyatCore
import struct PamyatService.LookupMatch
import struct PamyatService.MatchBands
import PamyatTMX
@testable import PamyatServer

/// A backend that answers from memory and records what it was asked, so dispatch and server tests
/// do not depend on a real memory. `LOOKUP … "slow"` runs on the thread pool and waits until the
/// test calls ``releaseSlowLookups()`` (an event, not a delay); `LOOKUP … "explode"` fails
/// with a non-protocol error (→ `internal`); `memory=missing` is `not-found`.
final class FakeBackend: Backend {
    struct Failure: Error {}

    private struct Slow {
        var started = 0
        var released = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let added = NIOLockedValueBox<[AddRequest]>([])
    private let slow = NIOLockedValueBox(Slow())
    private let release = DispatchSemaphore(value: 0)

    init() {}

    var addedRequests: [AddRequest] { added.withLockedValue { $0 } }

    /// Returns once a `slow` lookup is running (the server has read it and is answering it).
    func waitForSlowLookup() async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let started = slow.withLockedValue { state in
                if state.started > 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if started { continuation.resume() }
        }
    }

    /// Lets the `slow` lookups that are waiting, and all later ones, finish.
    func releaseSlowLookups() {
        let wasReleased = slow.withLockedValue { state in
            defer { state.released = true }
            return state.released
        }
        if !wasReleased { release.signal() }
    }

    func hello() throws -> HelloInfo {
        HelloInfo(memories: ["default"], languages: ["en", "ru"])
    }

    /// A `slow` lookup blocks: it must not hold an event loop.
    func isQuick(_ query: LookupQuery) -> Bool { query.text != "slow" }

    func lookup(_ query: LookupQuery) throws -> JSONFragment {
        try check(memory: query.memory)
        if query.text == "explode" { throw Failure() }
        if query.text == "slow" {
            let waiters = slow.withLockedValue { state in
                state.started += 1
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
            // Waits for the test's release (at most 10 s, so a failing test cannot hang the suite);
            // each waiter passes the release on to the next.
            if release.wait(timeout: .now() + 10) == .success { release.signal() }
        }
        struct Match: Encodable {
            var score: Int; var source: String; var target: String; var limit: Int; var previous: String?; var similar: Bool
        }
        return try .encoding([
            Match(
                score: query.minimumScore, source: query.text, target: "\(query.source)>\(query.target)", limit: query.limit,
                previous: query.previous, similar: query.similarWords)
        ])
    }

    /// One match echoing the query: its text as the source, the pair as the target, the minimum as the score.
    func lookupMatches(_ query: LookupQuery) throws -> [LookupMatch] {
        try check(memory: query.memory)
        if query.text == "explode" { throw Failure() }
        return [LookupMatch(
            score: query.minimumScore, source: query.text, target: "\(query.source)>\(query.target)", unit: 1,
            memory: query.memory ?? "default", from: query.source, to: query.target)]
    }

    func concordance(_ query: ConcordanceQuery) throws -> JSONFragment {
        try check(memory: query.memory)
        struct Hit: Encodable { var language: String; var text: String; var to: String?; var limit: Int }
        return try .encoding([Hit(language: query.language.identifier, text: query.text, to: query.target?.identifier, limit: query.limit)])
    }

    func segment(language: LanguageTag, text: String) throws -> [String] {
        text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) + "." }
    }

    func add(_ request: AddRequest) throws -> AddOutcome {
        try check(memory: request.memory)
        return added.withLockedValue { list in
            let existing = list.firstIndex(of: request)
            if existing == nil { list.append(request) }
            return AddOutcome(unit: Int64((existing ?? list.count - 1) + 1), created: existing == nil)
        }
    }

    func stats() throws -> StatsInfo {
        let count = added.withLockedValue { $0.count }
        return StatsInfo(units: count, pairs: count == 0 ? [:] : ["en-ru": count])
    }

    /// Echoes what it was asked: the languages, the text's length, the input format and the bands.
    func analyze(_ request: DocumentRequest, bands: MatchBands) throws -> JSONFragment {
        try check(memory: request.memory)
        struct Echo: Encodable { var pair: String; var characters: Int; var input: String?; var bands: [String] }
        return try .encoding(Echo(
            pair: "\(request.source)>\(request.target)", characters: request.text.count, input: request.format?.rawValue,
            bands: bands.all.map(\.name)))
    }

    /// One unit per line of the text, each proposed as its own upper-cased copy with the minimum as score.
    func pretranslate(_ request: DocumentRequest, minimum: Int) throws -> XLIFFDocument {
        try check(memory: request.memory)
        let units = request.text.split(separator: "\n").map { line in
            XLIFFDocument.Unit(
                source: String(line), target: line.uppercased(), proposal: .fuzzy,
                alternatives: [.init(source: String(line), target: line.uppercased(), quality: minimum, origin: "fake")])
        }
        return XLIFFDocument(original: "request", sourceLanguage: request.source, targetLanguage: request.target, paragraphs: [units])
    }

    private func check(memory: String?) throws {
        if memory == "missing" { throw ServerError(.notFound, "No memory 'missing' is served.") }
    }
}
