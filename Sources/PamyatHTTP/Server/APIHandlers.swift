import CoreMetrics
import Foundation
import Hummingbird
import Logging
import NIOPosix
import PamyatCore
import PamyatServer
import PamyatService
import PamyatTMX

/// What the HTTP routes answer with: the line protocol's dispatcher (the same checks, answers and
/// error codes as a request line; its requests counted and timed per verb as
/// `pamyat_http_verb_requests_total` and `pamyat_http_verb_request_duration_seconds`) and the served
/// memories' use cases, with blocking work run on the server's worker threads.
public final class APIHandlers: Sendable {
    package let configuration: HTTPConfiguration
    package let memories: ServedMemories
    package let dispatcher: Dispatcher
    package let sessions: SessionStore
    let threadPool: NIOThreadPool
    package let logger: Logger

    init(
        configuration: HTTPConfiguration, memories: ServedMemories, threadPool: NIOThreadPool, logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.memories = memories
        self.threadPool = threadPool
        self.logger = logger
        sessions = SessionStore(lifetime: configuration.sessionLifetime)
        dispatcher = Dispatcher(
            backend: memories.backend, token: nil, isReadOnly: configuration.isReadOnly, version: configuration.version,
            maximumLineLength: configuration.maximumBodyBytes, logger: logger,
            metrics: metricsFactory.map { VerbMetrics(factory: $0, prefix: "pamyat_http_verb") })
    }

    /// The protocol's answer to `request`; a failure is thrown as an ``APIError``.
    package func answer(_ request: PamyatServer.Request) async throws -> PamyatServer.Response {
        let response: PamyatServer.Response
        switch dispatcher.step(for: request, logger: logger) {
        case .answer(let answer):
            response = answer
        case .work(let work):
            response = try await threadPool.runIfActive { work() }
        }
        if let error = response.error { throw APIError(error) }
        return response
    }

    /// The matches of the LOOKUP `request`, as values (for a route that writes them in its own
    /// format); a failure is thrown as an ``APIError`` with the code the protocol gives it.
    package func lookupMatches(_ request: PamyatServer.Request) async throws -> [LookupMatch] {
        let result: Result<[LookupMatch], ServerError>
        switch dispatcher.lookupStep(for: request, logger: logger) {
        case .answer(let answer):
            result = answer
        case .work(let work):
            result = try await threadPool.runIfActive { work() }
        }
        switch result {
        case .success(let matches): return matches
        case .failure(let error): throw APIError(error)
        }
    }

    /// The protocol's answer to `request` as an HTTP response: its members as a JSON object.
    package func respond(_ request: PamyatServer.Request) async throws -> Response {
        JSON.response(fields: try await answer(request).fields)
    }

    /// Runs blocking work (a store, a document) on a worker thread, its errors as ``APIError``s
    /// with the codes the protocol gives them.
    package func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await threadPool.runIfActive { try self.memories.backend.translated(body) }
        } catch {
            throw apiError(error)
        }
    }

    /// `error` as the HTTP API answers it.
    package func apiError(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            return APIError(error)
        case let error as AddingError where error.code == .implausibleLengths:
            return APIError(.notTranslations, error.message)
        case let error as AddingError:
            return APIError(ServerError(.badRequest, error.message))
        case let error as TMXError where error.code != .io && error.code != .cannotWrite:
            // The upload's name is a temporary file's: name the line and column only.
            var located = error
            located.file = "the upload"
            return APIError(.badTMX, located.description)
        default:
            let response = Dispatcher.failure(error, request: "the request", logger: logger)
            return APIError(response.error ?? ServerError(.internal, "The server failed to answer the request; its log says why."))
        }
    }

    /// Refuses a write on a read-only server.
    func checkWritable(_ what: String) throws {
        if configuration.isReadOnly { throw APIError(ServerError(.readOnly, "The server is read-only; \(what) is refused.")) }
    }

    /// The served memory named `name` (the first when nil); `not-found` when there is none.
    func memory(_ name: String?) throws -> ServedMemory {
        guard let name else { return memories.memories[0] }
        guard let memory = memories.memories.first(where: { $0.name == name }) else {
            throw APIError(ServerError(
                .notFound, "There is no memory '\(name.prefix(80))' here; open memories: \(memories.memories.map(\.name).joined(separator: ", ")).")
            )
        }
        return memory
    }

    /// The request's JSON body decoded as `type`; what is wrong with it is `bad-request`, naming the
    /// route's path and the member (`/api/v1/add: pairs[2].source is missing; give it.`).
    func decodeBody<T: Decodable>(_ type: T.Type, of request: Request) async throws -> T {
        try JSON.decode(T.self, from: try await body(of: request), what: request.uri.path)
    }

    /// The request body, read up to `limit` bytes (`too-large` beyond).
    func body(of request: Request, limit: Int? = nil) async throws -> ByteBuffer {
        let limit = limit ?? configuration.maximumBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.tooLarge, "The request body is \(length) bytes; the most is \(limit).")
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.tooLarge, "The request body is over the limit of \(limit) bytes.")
        }
    }
}
