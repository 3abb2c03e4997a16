import HTTPTypes
import Hummingbird

/// The routes of an ``HTTPServer``, each registered with its method and path: the place where a
/// front end adds its own (the web page: an ``HTTPRouteProvider``), and the list the OpenAPI check
/// compares with `/openapi.json`.
public final class RouteTable: @unchecked Sendable {  // built on one task before the server runs, read-only after
    /// A route: method and path, in Hummingbird's syntax (`/tmserver/:source/:target/unit/**`).
    public struct Route: Hashable, Sendable {
        public var method: HTTPRequest.Method
        public var path: String
    }

    /// A handler of one route.
    public typealias Handler = @Sendable (Request, APIContext) async throws -> Response

    /// The Hummingbird router the routes go into.
    public let router: Router<APIContext>
    /// The routes added, in order.
    public private(set) var routes: [Route] = []

    init(router: Router<APIContext>) {
        self.router = router
    }

    /// Adds a route.
    public func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, path: path))
        router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
    }
}

/// Adds routes to an ``HTTPServer``: the extension point for what is served besides the API (the
/// web page). `api` answers through the same use cases as the API's routes.
public protocol HTTPRouteProvider: Sendable {
    func addRoutes(to table: RouteTable, api: APIHandlers)
}
