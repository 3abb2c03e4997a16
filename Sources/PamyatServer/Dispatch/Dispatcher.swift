import Logging
import PamyatCore
import PamyatService
import PamyatTMX
import PamyatText

/// Turns each inbound line into its response: checks the line, parses the request, checks
/// authentication, arguments and options, and runs the verb through the ``Backend``.
///
/// Answering is split in two so that the connection handler can answer on its event loop what is
/// quick and CPU-bound (PING, AUTH, LOOKUP, SEGMENT: no waiting on locks or disks) and hand the rest
/// (ADD, CONCORDANCE, STATS, HELLO, ANALYZE, PRETRANSLATE: SQLite writes, scans, whole documents) to the thread pool: ``step(for:session:)``
/// runs on the event loop and either answers or returns the ``Step/work(_:)`` to run elsewhere.
/// Running lookups on the event loops (one per core) saves the hop to a pool thread and back,
/// which cost more than a lookup itself on a 100,000-unit memory (measured in the git history of docs/PERFORMANCE.md, "Server").
package struct Dispatcher: Sendable {
    let backend: any Backend
    let token: AccessToken?
    let isReadOnly: Bool
    let version: String
    let maximumLineLength: Int
    let logger: Logger
    /// Requests and latency per verb, for the line protocol's requests (``step(for:session:logger:)``).
    var metrics: VerbMetrics?

    package init(
        backend: any Backend, token: AccessToken?, isReadOnly: Bool, version: String, maximumLineLength: Int, logger: Logger,
        metrics: VerbMetrics? = nil
    ) {
        self.backend = backend
        self.token = token
        self.isReadOnly = isReadOnly
        self.version = version
        self.maximumLineLength = maximumLineLength
        self.logger = logger
        self.metrics = metrics
    }

    /// What to do with one request line.
    package enum Step {
        /// The response, ready.
        case answer(Response)
        /// Blocking work whose result is the response: run it off the event loop.
        case work(@Sendable () -> Response)
    }

    /// A new connection's session.
    func newSession() -> Session { Session(isAuthenticated: token == nil) }

    /// The response to `line`, or the work that makes it. Updates `session` (line count, AUTH).
    func step(for line: InboundLine, session: inout Session, logger: Logger) -> Step {
        guard let metrics else { return lineStep(for: line, session: &session, logger: logger) }
        let started = ContinuousClock.now
        return Self.recorded(lineStep(for: line, session: &session, logger: logger), verb: VerbMetrics.verb(of: line), in: metrics, since: started)
    }

    /// `step` with its response counted and timed under `verb` in `metrics`: at once for an
    /// answer, when the work is done for work.
    private static func recorded(_ step: Step, verb: String?, in metrics: VerbMetrics, since started: ContinuousClock.Instant) -> Step {
        switch step {
        case .answer(let response):
            metrics.record(verb: verb, ok: response.ok, since: started)
            return .answer(response)
        case .work(let work):
            return .work {
                let response = work()
                metrics.record(verb: verb, ok: response.ok, since: started)
                return response
            }
        }
    }

    /// The response to an already parsed request from a front end that authenticates its clients
    /// itself (the HTTP API): the same checks, answers and errors as a line, without AUTH; counted
    /// and timed per verb in ``metrics`` as lines are.
    package func step(for request: Request, logger: Logger) -> Step {
        guard let metrics else { return requestStep(for: request, logger: logger) }
        let started = ContinuousClock.now
        return Self.recorded(requestStep(for: request, logger: logger), verb: request.verb, in: metrics, since: started)
    }

    private func requestStep(for request: Request, logger: Logger) -> Step {
        var session = Session(isAuthenticated: true)
        do {
            switch try step(for: request, session: &session) {
            case .answer(let response):
                return .answer(response)
            case .blocking(let work):
                return .work { Self.answering(request: "the request", logger: logger, work) }
            }
        } catch {
            return .answer(Self.failure(error, request: "the request", logger: logger))
        }
    }

    private func lineStep(for line: InboundLine, session: inout Session, logger: Logger) -> Step {
        session.lineNumber += 1
        let number = session.lineNumber
        switch line {
        case .tooLong(let length):
            return .answer(.failure(ServerError(
                .lineTooLong,
                "Line \(number) is longer than the limit of \(maximumLineLength) bytes (\(length) bytes so far); the rest of it was skipped.")))
        case .invalidUTF8(let offset):
            return .answer(.failure(ServerError(.badUTF8, "Line \(number) is not valid UTF-8 (byte \(offset + 1)); send UTF-8 text.")))
        case .incomplete(let length):
            return .answer(.failure(ServerError(
                .badRequest, "The input ended inside line \(number) (\(length) bytes with no line feed); end every request with a line feed.")))
        case .text(let text):
            logger.trace("request", metadata: ["request.line": "\(number)", "request.text": "\(text)"])
            do {
                switch try step(for: try RequestParser.parse(text), session: &session) {
                case .answer(let response):
                    return .answer(response)
                case .blocking(let work):
                    return .work { Self.answering(request: "line \(number)", logger: logger, work) }
                }
            } catch {
                return .answer(Self.failure(error, request: "line \(number)", logger: logger))
            }
        }
    }

    /// A verb's answer, or its blocking work whose errors are turned into responses by the caller.
    private enum VerbStep {
        case answer(Response)
        case blocking(@Sendable () throws -> Response)
    }

    private func step(for request: Request, session: inout Session) throws -> VerbStep {
        guard let verb = Verb(rawValue: request.verb) else {
            throw ServerError(
                .unknownCommand,
                "'\(TextExcerpt.short(request.verb, limit: 40))' is not a verb; use one of \(Verb.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !session.isAuthenticated, !verb.isAllowedBeforeAuth {
            throw ServerError(.unauthorized, "\(verb.rawValue) needs AUTH first; send AUTH with the server's token.")
        }
        if verb == .add, isReadOnly {
            throw ServerError(.readOnly, "The server is read-only; ADD is refused.")
        }
        let arguments = try VerbArguments(request, verb: verb)
        let backend = self.backend
        switch verb {
        case .ping:
            return .answer(.success())
        case .quit:
            var response = Response.success()
            response.closesConnection = true
            return .answer(response)
        case .auth:
            guard let token else { return .answer(.success()) }
            guard token.matches(arguments.positional[0]) else {
                session.isAuthenticated = false
                throw ServerError(.unauthorized, "The token is wrong.")
            }
            session.isAuthenticated = true
            return .answer(.success())
        case .hello:
            let (version, authRequired, readOnly) = (version, token != nil, isReadOnly)
            return .blocking {
                let info = try backend.hello()
                return .success([
                    ("server", .string("pamyat")), ("version", .string(version)), ("protocol", .int(1)),
                    ("memories", .strings(info.memories)), ("languages", .strings(info.languages)),
                    ("authRequired", .bool(authRequired)), ("readOnly", .bool(readOnly)),
                ])
            }
        case .lookup:
            let query = try Self.lookupQuery(arguments)
            let work: @Sendable () throws -> Response = { .success([("matches", try backend.lookup(query))]) }
            return backend.isQuick(query) ? .answer(try work()) : .blocking(work)
        case .concordance:
            let query = ConcordanceQuery(
                language: try arguments.language(0), text: try arguments.text(1),
                target: try arguments.optionalLanguage("to"),
                limit: try arguments.integer("limit", default: 20, in: 1...1000), memory: try arguments.name("memory"))
            return .blocking { .success([("hits", try backend.concordance(query))]) }
        case .segment:
            let language = try arguments.language(0)
            let text = arguments.positional[1]
            let work: @Sendable () throws -> Response = {
                .success([("sentences", .strings(try backend.segment(language: language, text: text)))])
            }
            // Segmenting is quick CPU work, except for a very long text.
            return text.utf8.count <= 16_384 ? .answer(try work()) : .blocking(work)
        case .add:
            let request = AddRequest(
                source: try arguments.language(0), target: try arguments.language(1),
                sourceText: try arguments.text(2), targetText: try arguments.text(3),
                document: try arguments.name("document", maximumBytes: Verb.maximumDocumentBytes),
                memory: try arguments.name("memory"))
            guard request.source != request.target else {
                throw ServerError(.badRequest, "ADD needs two different languages; got \(request.source) twice.")
            }
            return .blocking {
                let result = try backend.add(request)
                return .success([("unit", .int(result.unit)), ("created", .bool(result.created))])
            }
        case .analyze, .pretranslate:
            let format: DocumentFormat?
            switch arguments.options["input"] {
            case nil: format = nil
            case "text": format = .text
            case "html": format = .html
            case let other?: throw ServerError(.badRequest, "The option input=\(TextExcerpt.short(other, limit: 40)) is not text or html.")
            }
            let document = DocumentRequest(
                source: try arguments.language(0), target: try arguments.language(1), text: try arguments.text(2), format: format,
                memory: try arguments.name("memory"))
            guard document.source != document.target else {
                throw ServerError(.badRequest, "\(verb.rawValue) needs two different languages; got \(document.source) twice.")
            }
            if verb == .analyze {
                let bands: MatchBands
                do { bands = try arguments.options["bands"].map { (text) throws(AnalysisError) in try MatchBands(parsing: text) } ?? .standard } catch {
                    throw ServerError(.badRequest, error.message)
                }
                return .blocking { .success([("analysis", try backend.analyze(document, bands: bands))]) }
            }
            let minimum = try arguments.integer("min", default: 75, in: 0...100)
            let formatName = arguments.options["format"] ?? "xliff"
            guard ["xliff", "xliff2", "tmx", "text"].contains(formatName) else {
                throw ServerError(.badRequest, "The option format=\(TextExcerpt.short(formatName, limit: 40)) is not one of xliff, xliff2, tmx, text.")
            }
            let version = self.version
            return .blocking {
                let result = try backend.pretranslate(document, minimum: minimum)
                let output = switch formatName {
                case "xliff2": XLIFFWriter.xliff21(result, toolVersion: version)
                case "tmx": try result.tmx(toolVersion: version)
                case "text": result.draft
                default: XLIFFWriter.xliff12(result, toolVersion: version)
                }
                return .success([("format", .string(formatName)), ("document", .string(output))])
            }
        case .stats:
            return .blocking {
                let stats = try backend.stats()
                return .success([
                    ("units", .int(stats.units)), ("pairs", .counts(stats.pairs)),
                    ("indexBehind", .int(stats.indexBehind)), ("indexCatchingUp", .bool(stats.indexCatchingUp)),
                ])
            }
        }
    }

    /// A LOOKUP's query: its arguments checked, the options' defaults filled in.
    private static func lookupQuery(_ arguments: VerbArguments) throws -> LookupQuery {
        LookupQuery(
            source: try arguments.language(0), target: try arguments.language(1), text: try arguments.text(2),
            minimumScore: try arguments.integer("min", default: 70, in: 0...100),
            limit: try arguments.integer("limit", default: 5, in: 1...100),
            previous: arguments.options["prev"], memory: try arguments.name("memory"),
            similarWords: try arguments.integer("similar", default: 0, in: 0...1) == 1)
    }

    /// What to do with a LOOKUP whose matches a front end writes in its own format (the HTTP API's
    /// tmserver endpoint).
    package enum LookupStep {
        /// The matches, or the protocol error, ready.
        case answer(Result<[LookupMatch], ServerError>)
        /// Blocking work whose result is the matches or the error: run it off the event loop.
        case work(@Sendable () -> Result<[LookupMatch], ServerError>)
    }

    /// A LOOKUP `request` (verb, arguments and options as a line gives them) answered with the
    /// matches as values rather than JSON: the same checks, defaults, errors and choice of thread as
    /// ``step(for:logger:)``, counted and timed as a LOOKUP in ``metrics``.
    package func lookupStep(for request: Request, logger: Logger) -> LookupStep {
        let started = ContinuousClock.now
        let metrics = self.metrics
        let done: @Sendable (Result<[LookupMatch], ServerError>) -> Result<[LookupMatch], ServerError> = { result in
            if let metrics {
                let ok = if case .success = result { true } else { false }
                metrics.record(verb: Verb.lookup.rawValue, ok: ok, since: started)
            }
            return result
        }
        let query: LookupQuery
        do {
            guard Verb(rawValue: request.verb) == .lookup else {
                throw ServerError(.unknownCommand, "Only LOOKUP is answered with matches; got '\(TextExcerpt.short(request.verb, limit: 40))'.")
            }
            query = try Self.lookupQuery(try VerbArguments(request, verb: .lookup))
        } catch {
            return .answer(done(.failure(Self.serverError(error, request: "the request", logger: logger))))
        }
        let backend = self.backend
        let work: @Sendable () -> Result<[LookupMatch], ServerError> = {
            do {
                return done(.success(try backend.lookupMatches(query)))
            } catch {
                return done(.failure(Self.serverError(error, request: "the request", logger: logger)))
            }
        }
        return backend.isQuick(query) ? .answer(work()) : .work(work)
    }

    /// Runs blocking work, turning its errors into responses.
    private static func answering(request: String, logger: Logger, _ work: () throws -> Response) -> Response {
        do {
            return try work()
        } catch {
            return failure(error, request: request, logger: logger)
        }
    }

    /// The response to a failed request: protocol errors as they are, unknown languages as
    /// `bad-language`, store errors as `storage` (by their type; the message says what failed, without
    /// the memory's path), anything else as `internal` (logged; its text may hold paths).
    package static func failure(_ error: any Error, request: String, logger: Logger) -> Response {
        .failure(serverError(error, request: request, logger: logger))
    }

    /// The protocol error that a failed request answers with (see ``failure(_:request:logger:)``).
    package static func serverError(_ error: any Error, request: String, logger: Logger) -> ServerError {
        switch error {
        case let error as ServerError:
            return error
        case let error as StoreError:
            logger.error("request failed in the store", metadata: ["request": "\(request)", "store.error": "\(error.code.rawValue)", "error": "\(error)"])
            switch error.code {
            case .readOnly: return ServerError(.readOnly, "The memory is read-only; nothing was written.")
            default:
                var failure = ServerError(.storage, "The memory's storage failed: \(error.message)")
                failure.storeCode = error.code
                return failure
            }
        case let error as TextError where error.code == .unknownLanguage:
            return ServerError(.badLanguage, error.message)
        default:
            logger.error("request failed", metadata: ["request": "\(request)", "error": "\(error)"])
            return ServerError(.internal, "The server failed to answer \(request); its log says why.")
        }
    }
}
