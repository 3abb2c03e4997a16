import Logging
import Testing
@testable import PamyatServer

/// Findings of the request fuzz target (tools/fuzz, docs/FUZZING.md): an error answer quotes a short
/// excerpt of what the client sent, never the whole of an over-long verb, option, number or language.
@Suite struct ErrorExcerptTests {
    private let dispatcher = Dispatcher(
        backend: FakeBackend(), token: nil, isReadOnly: false, version: "test", maximumLineLength: 1 << 20,
        logger: Logger(label: "pamyat.test") { _ in SwiftLogNoOpLogHandler() })

    /// The error answer to `line`.
    private func failure(_ line: String) -> (code: String, message: String)? {
        var session = dispatcher.newSession()
        let response: Response
        switch dispatcher.step(for: .text(line), session: &session, logger: dispatcher.logger) {
        case .answer(let answer): response = answer
        case .work(let work): response = work()
        }
        guard !response.ok, let code = response.field("error"), let message = response.field("message") else { return nil }
        // The fragments are JSON strings; these messages hold no escapes, so the quotes are all there is to drop.
        return (String(decoding: code.bytes.dropFirst().dropLast(), as: UTF8.self), String(decoding: message.bytes.dropFirst().dropLast(), as: UTF8.self))
    }

    static let long = String(repeating: "Z", count: 5_000)

    @Test(arguments: [
        (long, "unknown-command"),
        ("\(long)-1", "bad-request"),
        ("LOOKUP ru en text \(long)=1", "bad-request"),
        ("LOOKUP ru en text limit=\(long)", "bad-request"),
        ("LOOKUP \(long) en text", "bad-language"),
        ("LOOKUP ru en text \(long)=1 \(long)=2", "bad-request"),
        ("PING \(long)=1", "bad-request"),
    ])
    func anOverLongWordIsQuotedAsAShortExcerpt(line: String, code: String) throws {
        let answer = try #require(failure(line), "an error for \(line.prefix(40))…")
        #expect(answer.code == code, "code for \(line.prefix(40))…: \(answer.message)")
        #expect(answer.message.count < 300, "message of \(answer.message.count) characters: \(answer.message.prefix(120))…")
        // Verbs are read in upper case and option names in lower case: the excerpt is of the word as read.
        #expect(answer.message.uppercased().contains(String(repeating: "Z", count: 40) + "…"), "an excerpt ending in …: \(answer.message)")
    }

    @Test func aShortWordIsQuotedWhole() throws {
        let answer = try #require(failure("FROB ru"))
        #expect(answer.message.hasPrefix("'FROB' is not a verb"), "\(answer.message)")
        let option = try #require(failure("LOOKUP ru en text colour=red"))
        #expect(option.message.contains("no option 'colour';"), "\(option.message)")
    }
}
