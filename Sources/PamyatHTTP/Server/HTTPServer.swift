import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import PamyatServer
import ServiceLifecycle

/// The HTTP API of `pamyat serve --http` (docs/HTTP.md), on Hummingbird 2.
///
/// A `Service` for swift-service-lifecycle, beside the line protocol's ``PamyatServer/Server`` in
/// one `ServiceGroup`: both answer from the same ``ServedMemories``. On graceful shutdown it stops
/// accepting connections, finishes the requests in progress and returns.
public struct HTTPServer: Service {
    let configuration: HTTPConfiguration
    let memories: ServedMemories
    let metrics: HTTPMetrics
    let providers: [any HTTPRouteProvider]
    let logger: Logger
    let onServerRunning: @Sendable (SocketAddress) async -> Void

    /// A server answering from `memories`, its metrics in `metrics` (pass `metrics.factory` to the
    /// line server's configuration too, so `/metrics` has its verbs), with the routes `routes` add
    /// besides the API's. `onServerRunning` is called with the address listened on (port 0 picks one).
    public init(
        configuration: HTTPConfiguration, memories: ServedMemories, metrics: HTTPMetrics = HTTPMetrics(), logger: Logger,
        routes: [any HTTPRouteProvider] = [], onServerRunning: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.memories = memories
        self.metrics = metrics
        self.providers = routes
        self.logger = logger
        self.onServerRunning = onServerRunning
    }

    public func run() async throws {
        try configuration.validate()
        try await ServerStartup.withWorkerThreads(configuration.workerThreads) { threadPool in
            try await serve(threadPool: threadPool)
        }
        logger.info("HTTP server stopped")
    }

    /// The routes of a server over `api`: the API's, then the providers'.
    func routeTable(api: APIHandlers) -> RouteTable {
        let router = Router(context: APIContext.self)
        router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory, logger: logger))
        router.add(middleware: ErrorMiddleware(api: api))
        router.add(middleware: AuthMiddleware(token: configuration.token, sessions: api.sessions))
        let table = RouteTable(router: router)
        ProtocolRoutes(api: api).add(to: table)
        AlignAddRoutes(api: api).add(to: table)
        TMXRoutes(api: api).add(to: table)
        TMServerRoutes(api: api).add(to: table)
        ServiceRoutes(api: api, metrics: metrics).add(to: table)
        for provider in providers { provider.addRoutes(to: table, api: api) }
        return table
    }

    private func serve(threadPool: NIOThreadPool) async throws {
        let api = APIHandlers(
            configuration: configuration, memories: memories, threadPool: threadPool, logger: logger, metricsFactory: metrics.factory)
        let table = routeTable(api: api)
        let (configuration, logger, onServerRunning) = (self.configuration, self.logger, self.onServerRunning)
        let application = Application(
            router: table.router,
            server: .http1OnEventLoop(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                availableConnectionsDelegate: .maximum(configuration.maximumConnections, logger: logger)),
            onServerRunning: { channel in
                guard let address = channel.localAddress else { return }
                logger.info(
                    "HTTP API listening on http://\(ServerStartup.shown(address, host: configuration.host, port: configuration.port))/",
                    metadata: ["http.auth": "\(configuration.token != nil)", "http.read_only": "\(configuration.isReadOnly)"])
                await onServerRunning(address)
            },
            logger: logger)
        do {
            try await application.run()
        } catch let error as IOError {
            throw ServerStartup.bindFailure(error, what: "serve HTTP", host: configuration.host, port: configuration.port)
        }
    }
}

extension HTTPServer: CustomStringConvertible {
    public var description: String { "pamyat HTTP server on \(configuration.host):\(configuration.port)" }
}
