import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The `pamyat serve` TCP server: the line protocol of docs/PROTOCOL.md over SwiftNIO.
///
/// A `Service` for swift-service-lifecycle: ``run()`` listens until the task is cancelled or a
/// graceful shutdown is triggered; then it stops accepting, lets every connection answer the
/// requests it has received, closes them (forcibly after the grace period) and returns.
public struct Server: Service {
    let configuration: ServerConfiguration
    let backend: any Backend
    let logger: Logger
    let eventLoopGroup: any EventLoopGroup
    let onServerRunning: @Sendable (SocketAddress) async -> Void

    init(
        configuration: ServerConfiguration, backend: any Backend, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onServerRunning: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.backend = backend
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.onServerRunning = onServerRunning
    }

    public func run() async throws {
        try configuration.validate()
        try await ServerStartup.withWorkerThreads(configuration.workerThreads) { threadPool in
            try await serve(threadPool: threadPool)
        }
        logger.info("server stopped")
    }

    private func serve(threadPool: NIOThreadPool) async throws {
        let dispatcher = Dispatcher(
            backend: backend, token: configuration.token, isReadOnly: configuration.isReadOnly,
            version: configuration.version, maximumLineLength: configuration.maximumLineLength, logger: logger,
            metrics: VerbMetrics(factory: configuration.metricsFactory))
        let registry = ConnectionRegistry(limit: configuration.maximumConnections, onEvent: configuration.onEvent)
        let listener = try await listening { try await bind(dispatcher: dispatcher, registry: registry, threadPool: threadPool) }
        guard let address = listener.localAddress else {
            listener.close(promise: nil)
            throw ServerError(.internal, "The listening socket has no address.")
        }
        logger.info(
            "listening on \(ServerStartup.shown(address, host: configuration.host, port: configuration.port))",
            metadata: [
                "server.auth": "\(configuration.token != nil)", "server.read_only": "\(configuration.isReadOnly)",
                "server.max_connections": "\(configuration.maximumConnections)",
            ])
        await onServerRunning(address)

        let gracePeriod = configuration.shutdownGraceTimeAmount
        let logger = self.logger
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await listener.closeFuture.get()
            } onCancel: {
                listener.close(promise: nil)
                registry.drain(gracePeriod: .zero)
            }
        } onGracefulShutdown: {
            logger.info("graceful shutdown: no new connections; answering the requests received")
            listener.close(promise: nil)
            registry.drain(gracePeriod: gracePeriod)
        }
        // The listener is closed (shutdown, cancellation or a socket error): let the connections
        // answer what they have received, then wait until the last one is closed.
        registry.drain(gracePeriod: gracePeriod)
        await registry.waitUntilEmpty()
    }

    private func bind(dispatcher: Dispatcher, registry: ConnectionRegistry, threadPool: NIOThreadPool) async throws -> any Channel {
        let maximumLineLength = configuration.maximumLineLength
        let idleTimeout = configuration.idleTimeAmount
        let lineTimeout = configuration.lineTimeAmount
        let maximumConnections = configuration.maximumConnections
        let onEvent = configuration.onEvent
        let logger = self.logger
        return try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                switch registry.admit(channel) {
                case .admitted(let id):
                    channel.closeFuture.whenComplete { _ in registry.remove(id) }
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "connection.id"] = "\(id)"
                    return channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.addHandler(IdleStateHandler(allTimeout: idleTimeout))
                        try pipeline.addHandler(IdleConnectionCloser())
                        try pipeline.addHandler(LineDeadline(timeout: lineTimeout))
                        try pipeline.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLineLength)))
                        try pipeline.addHandler(
                            RequestHandler(dispatcher: dispatcher, threadPool: threadPool, logger: connectionLogger, onEvent: onEvent))
                    }
                case .full:
                    logger.notice("refusing a connection: at the limit", metadata: ["server.max_connections": "\(maximumConnections)"])
                    let response = Response.failure(ServerError(
                        .busy, "The server has \(maximumConnections) connections, its maximum; try again later."))
                    channel.writeAndFlush(ByteBuffer(bytes: response.encoded())).whenComplete { _ in channel.close(promise: nil) }
                    return channel.eventLoop.makeSucceededVoidFuture()
                case .draining:
                    channel.close(promise: nil)
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
            }
            .bind(host: configuration.host, port: configuration.port).get()
    }

    /// Binds through `bootstrap`, saying in words why the address cannot be listened on.
    private func listening(_ bind: () async throws -> any Channel) async throws -> any Channel {
        do {
            return try await bind()
        } catch let error as IOError {
            throw ServerStartup.bindFailure(error, what: "listen", host: configuration.host, port: configuration.port)
        }
    }
}

extension Server: CustomStringConvertible {
    public var description: String { "pamyat server on \(configuration.host):\(configuration.port)" }
}
