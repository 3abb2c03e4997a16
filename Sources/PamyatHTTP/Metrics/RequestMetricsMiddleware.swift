import CoreMetrics
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers

/// Counts each request and times it, per route (the route's pattern, never the request's own path:
/// `/tmserver/:source/:target/unit/**`), method and status: `pamyat_http_requests_total` and
/// `pamyat_http_request_duration_seconds`. Writes the access log line too: method, route, status and
/// duration at debug (the route, not the path: a tmserver path holds the text looked up); the path
/// with its query, user text, at trace. Not at info: the log handler writes each line to standard
/// error at once, a system call per request on the event loop that answers it.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let factory: any MetricsFactory
    let logger: Logger
    private let cache = NIOLockedValueBox([Key: (Counter, Timer)]())

    private struct Key: Hashable {
        var route: String
        var method: HTTPRequest.Method
        var status: Int
    }

    init(factory: any MetricsFactory, logger: Logger) {
        self.factory = factory
        self.logger = logger
    }

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            // Timed to the response's head: a streamed body (a TMX download) is not waited for.
            let response = try await next(request, context)
            record(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context: context, status: status, since: started)
            throw error
        }
    }

    private func record(_ request: Request, context: APIContext, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        let key = Key(route: route, method: request.method, status: status)
        let (counter, timer) = cache.withLockedValue { cache in
            if let metrics = cache[key] { return metrics }
            let dimensions = [("route", route), ("method", request.method.rawValue), ("status", String(status))]
            let metrics = (
                Counter(label: "pamyat_http_requests_total", dimensions: dimensions, factory: factory),
                Timer(label: "pamyat_http_request_duration_seconds", dimensions: [("route", route), ("method", request.method.rawValue)], factory: factory)
            )
            cache[key] = metrics
            return metrics
        }
        counter.increment()
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        timer.recordNanoseconds(nanoseconds)
        let milliseconds = Double(nanoseconds) / 1_000_000
        logger.debug(
            "\(request.method.rawValue) \(route) \(status)",
            metadata: ["http.route": "\(route)", "http.status": "\(status)", "http.duration_ms": "\((milliseconds * 100).rounded() / 100)"])
        logger.trace("request", metadata: ["http.path": "\(request.uri.path)", "http.query": "\(request.uri.query ?? "")"])
    }
}
