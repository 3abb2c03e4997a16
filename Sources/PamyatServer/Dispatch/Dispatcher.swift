import Logging
import NIOPosix
import PamyatCore
import PamyatText

/// Turns each inbound line into its response: checks the line, parses the request, checks
/// authentication, arguments and options, runs the verb through the ``Backend`` on the thread pool,
/// and encodes the answer or the error.
struct Dispatcher: Sendable {
    let backend: any Backend
    let token: AccessToken?
    let isReadOnly: Bool
    let version: String
    let maximumLineLength: Int
    /// Where blocking work (SQLite, ICU) runs, so that it never holds an event loop.
    let threadPool: NIOThreadPool
    let logger: Logger

    /// A new connection's session.
    func newSession() -> Session { Session(isAuthenticated: token == nil) }

    func respond(to line: InboundLine, session: inout Session, logger: Logger) async -> Response {
        session.lineNumber += 1
        let number = session.lineNumber
        switch line {
        case .tooLong(let length):
            return .failure(ServerError(
                .lineTooLong,
                "Line \(number) is longer than the limit of \(maximumLineLength) bytes (\(length) bytes so far); the rest of it was skipped."))
        case .invalidUTF8(let offset):
            return .failure(ServerError(.badUTF8, "Line \(number) is not valid UTF-8 (byte \(offset + 1)); send UTF-8 text."))
        case .incomplete(let length):
            return .failure(ServerError(
                .badRequest, "The input ended inside line \(number) (\(length) bytes with no line feed); end every request with a line feed."))
        case .text(let text):
            logger.trace("request", metadata: ["request.line": "\(number)", "request.text": "\(text)"])
            do {
                return try await respond(to: try RequestParser.parse(text), session: &session)
            } catch let error as ServerError {
                return .failure(error)
            } catch let error as TextError where error.code == .unknownLanguage {
                return .failure(ServerError(.badLanguage, error.message))
            } catch {
                logger.error("request failed", metadata: ["request.line": "\(number)", "error": "\(error)"])
                return .failure(ServerError(.internal, "The server failed to answer line \(number); its log says why."))
            }
        }
    }

    private func respond(to request: Request, session: inout Session) async throws -> Response {
        guard let verb = Verb(rawValue: request.verb) else {
            throw ServerError(
                .unknownCommand,
                "'\(request.verb)' is not a verb; use one of \(Verb.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !session.isAuthenticated, !verb.isAllowedBeforeAuth {
            throw ServerError(.unauthorized, "\(verb.rawValue) needs AUTH first; send AUTH with the server's token.")
        }
        if verb == .add, isReadOnly {
            throw ServerError(.readOnly, "The server is read-only (--read-only); ADD is refused.")
        }
        let arguments = try VerbArguments(request, verb: verb)
        switch verb {
        case .ping:
            return .success()
        case .quit:
            var response = Response.success()
            response.closesConnection = true
            return response
        case .auth:
            guard let token else { return .success() }
            guard token.matches(arguments.positional[0]) else {
                session.isAuthenticated = false
                throw ServerError(.unauthorized, "The token is wrong.")
            }
            session.isAuthenticated = true
            return .success()
        case .hello:
            let info = try await blocking { try backend.hello() }
            return .success([
                ("server", .string("pamyat")), ("version", .string(version)), ("protocol", .int(1)),
                ("memories", .strings(info.memories)), ("languages", .strings(info.languages)),
                ("authRequired", .bool(token != nil)), ("readOnly", .bool(isReadOnly)),
            ])
        case .lookup:
            let query = LookupQuery(
                source: try arguments.language(0), target: try arguments.language(1), text: try arguments.text(2),
                minimumScore: try arguments.integer("min", default: 70, in: 0...100),
                limit: try arguments.integer("limit", default: 5, in: 1...100),
                previous: arguments.options["prev"], memory: try arguments.name("memory"))
            let matches = try await blocking { try backend.lookup(query) }
            return .success([("matches", matches)])
        case .concordance:
            let query = ConcordanceQuery(
                language: try arguments.language(0), text: try arguments.text(1),
                target: try arguments.optionalLanguage("to"),
                limit: try arguments.integer("limit", default: 20, in: 1...1000), memory: try arguments.name("memory"))
            let hits = try await blocking { try backend.concordance(query) }
            return .success([("hits", hits)])
        case .segment:
            let language = try arguments.language(0)
            let text = arguments.positional[1]
            let sentences = try await blocking { try backend.segment(language: language, text: text) }
            return .success([("sentences", .strings(sentences))])
        case .add:
            let request = AddRequest(
                source: try arguments.language(0), target: try arguments.language(1),
                sourceText: try arguments.text(2), targetText: try arguments.text(3),
                document: try arguments.name("document"), memory: try arguments.name("memory"))
            guard request.source != request.target else {
                throw ServerError(.badRequest, "ADD needs two different languages; got \(request.source) twice.")
            }
            let result = try await blocking { try backend.add(request) }
            return .success([("unit", .int(result.unit)), ("created", .bool(result.created))])
        case .stats:
            let stats = try await blocking { try backend.stats() }
            return .success([("units", .int(stats.units)), ("pairs", .counts(stats.pairs))])
        }
    }

    /// Runs `work` on the thread pool and waits for it without blocking the caller's thread.
    private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threadPool.runIfActive(work)
    }
}
