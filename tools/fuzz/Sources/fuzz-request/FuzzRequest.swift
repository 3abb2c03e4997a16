// libFuzzer target: the protocol's request handling behind the line framing — the request parser
// (PamyatServer's RequestParser: verbs, bare words, JSON string literals, options) and the checks
// of the Dispatcher (verbs, AUTH, arguments, options, languages, numbers) — over a backend that
// answers at once, so that every error path a client can reach is run.
//
// The input is a session: its lines (split at LF, as the frame decoder would) go one after another
// through one Dispatcher session; a first byte with its low bit set makes the server require a token
// ("fuzz-token-1234").
//
// Promises checked: no crash; every response is one line of JSON (`{"ok":…}` and a line feed); an
// error's message is one short line whatever the request's length — requests quote excerpts, never
// the input whole.
import FuzzCheck
import Logging
import NIOCore
import PamyatCore
import struct PamyatService.LookupMatch
import struct PamyatService.MatchBands
import PamyatTMX
@testable import PamyatServer

/// Answers every verb at once with fixed data (the dispatch is under test, not the memories).
private struct InstantBackend: Backend {
    func isQuick(_ query: LookupQuery) -> Bool { query.text.utf8.count < 64 }
    func hello() throws -> HelloInfo { HelloInfo(memories: ["default"], languages: ["en", "ru"]) }
    func lookup(_ query: LookupQuery) throws -> JSONFragment { .strings([query.text]) }
    func lookupMatches(_ query: LookupQuery) throws -> [LookupMatch] {
        [LookupMatch(score: query.minimumScore, source: query.text, target: query.text, unit: 1, memory: "fuzz", from: query.source, to: query.target)]
    }
    func concordance(_ query: ConcordanceQuery) throws -> JSONFragment { .strings([query.text]) }
    func segment(language: LanguageTag, text: String) throws -> [String] { [text] }
    func add(_ request: AddRequest) throws -> AddOutcome { AddOutcome(unit: 1, created: true) }
    func stats() throws -> StatsInfo { StatsInfo(units: 1, pairs: ["en-ru": 1]) }
    func analyze(_ request: DocumentRequest, bands: MatchBands) throws -> JSONFragment { .strings(bands.all.map(\.name)) }
    func pretranslate(_ request: DocumentRequest, minimum: Int) throws -> XLIFFDocument {
        XLIFFDocument(
            original: "request", sourceLanguage: request.source, targetLanguage: request.target,
            paragraphs: [[XLIFFDocument.Unit(source: request.text, target: nil, proposal: .sourceCopy)]])
    }
}

private let logger = Logger(label: "pamyat.fuzz") { _ in SwiftLogNoOpLogHandler() }
private let openDispatcher = makeDispatcher(token: nil)
private let tokenDispatcher = makeDispatcher(token: try! AccessToken("fuzz-token-1234"))

private func makeDispatcher(token: AccessToken?) -> Dispatcher {
    Dispatcher(
        backend: InstantBackend(), token: token, isReadOnly: false, version: "fuzz", maximumLineLength: 1 << 20,
        logger: logger)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let first = bytes.first else { return 0 }
    let dispatcher = first & 1 == 1 ? tokenDispatcher : openDispatcher
    var session = dispatcher.newSession()
    let buffer = ByteBuffer(bytes: bytes.dropFirst())
    for line in buffer.readableBytesView.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64) {
        let inbound = LineFrameDecoder.validate(line)
        let response: Response
        switch dispatcher.step(for: inbound, session: &session, logger: logger) {
        case .answer(let answer): response = answer
        case .work(let work): response = work()
        }
        check(response)
        if response.closesConnection { break }
    }
    return 0
}

private func check(_ response: Response) {
    let encoded = response.encoded()
    FuzzCheck.require(encoded.last == 0x0A && !encoded.dropLast().contains(0x0A), "a response that is not one line")
    FuzzCheck.require(encoded.starts(with: Array(#"{"ok":"#.utf8)), "a response that does not start with ok")
    guard !response.ok else { return }
    guard let message = response.field("message"), let code = response.field("error") else {
        FuzzCheck.require(false, "an error response without a code or a message")
        return
    }
    FuzzCheck.require(message.bytes.count <= FuzzCheck.maximumMessageLength * 4, "an error message of \(message.bytes.count) bytes")
    let text = String(decoding: message.bytes, as: UTF8.self)
    FuzzCheck.require(text.count <= FuzzCheck.maximumMessageLength, "\(String(decoding: code.bytes, as: UTF8.self)): a message of \(text.count) characters: \(text.prefix(200))…")
}
