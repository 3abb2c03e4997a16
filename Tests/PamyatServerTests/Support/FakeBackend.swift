import Foundation
import NIOConcurrencyHelpers
import PamyatCore
@testable import PamyatServer

/// A backend that answers from memory and records what it was asked, so dispatch and server tests
/// do not depend on a real memory. `LOOKUP … "slow"` takes `delay`; `LOOKUP … "explode"` fails
/// with a non-protocol error (→ `internal`); `memory=missing` is `not-found`.
final class FakeBackend: Backend {
    struct Failure: Error {}

    let delay: Duration
    private let added = NIOLockedValueBox<[AddRequest]>([])
    private let slowStarted = NIOLockedValueBox(0)

    init(delay: Duration = .milliseconds(400)) {
        self.delay = delay
    }

    var addedRequests: [AddRequest] { added.withLockedValue { $0 } }

    /// Waits until a `slow` lookup is running (the server has read it and is answering it).
    func waitForSlowLookup() async throws {
        while slowStarted.withLockedValue({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(5)) }
    }

    func hello() throws -> HelloInfo {
        HelloInfo(memories: ["default"], languages: ["en", "ru"])
    }

    /// A `slow` lookup sleeps: it must not hold an event loop.
    func isQuick(_ query: LookupQuery) -> Bool { query.text != "slow" }

    func lookup(_ query: LookupQuery) throws -> JSONFragment {
        try check(memory: query.memory)
        if query.text == "explode" { throw Failure() }
        if query.text == "slow" {
            slowStarted.withLockedValue { $0 += 1 }
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
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

    private func check(memory: String?) throws {
        if memory == "missing" { throw ServerError(.notFound, "No memory 'missing' is served.") }
    }
}
