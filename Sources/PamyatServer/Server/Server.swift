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
    typealias Connection = NIOAsyncChannel<InboundLine, ByteBuffer>

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
        let threadPool = NIOThreadPool(numberOfThreads: configuration.workerThreads)
        threadPool.start()
        do {
            try await serve(threadPool: threadPool)
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
        try await threadPool.shutdownGracefully()
        logger.info("server stopped")
    }

    private func serve(threadPool: NIOThreadPool) async throws {
        let dispatcher = Dispatcher(
            backend: backend, token: configuration.token, isReadOnly: configuration.isReadOnly,
            version: configuration.version, maximumLineLength: configuration.maximumLineLength,
            threadPool: threadPool, logger: logger)
        let registry = ConnectionRegistry(limit: configuration.maximumConnections)
        let listener = try await bind()
        guard let address = listener.channel.localAddress else {
            throw ServerError(.internal, "The listening socket has no address.")
        }
        let shown = address.protocol == .inet6 ? "[\(address.ipAddress ?? "::")]" : address.ipAddress ?? configuration.host
        logger.info(
            "listening on \(shown):\(address.port ?? configuration.port)",
            metadata: [
                "server.auth": "\(configuration.token != nil)", "server.read_only": "\(configuration.isReadOnly)",
                "server.max_connections": "\(configuration.maximumConnections)",
            ])
        await onServerRunning(address)

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { inbound in
                    for try await connection in inbound {
                        switch registry.admit(connection.channel) {
                        case .admitted(let id):
                            group.addTask {
                                await handle(connection, id: id, dispatcher: dispatcher)
                                registry.remove(id)
                            }
                        case .full:
                            group.addTask { await refuseBusy(connection) }
                        case .draining:
                            // Closed unanswered; executeThenClose also finishes its writer, as NIO requires.
                            group.addTask { try? await connection.executeThenClose { _, _ in } }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            logger.info("graceful shutdown: no new connections; answering the requests received")
            listener.channel.close(promise: nil)
            registry.drain(gracePeriod: configuration.shutdownGraceTimeAmount)
        }
    }

    private func bind() async throws -> NIOAsyncChannel<Connection, Never> {
        let maximumLineLength = configuration.maximumLineLength
        let idleTimeout = configuration.idleTimeAmount
        return try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(allTimeout: idleTimeout))
                    try pipeline.addHandler(IdleConnectionCloser())
                    try pipeline.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLineLength)))
                    return try Connection(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(
                            backPressureStrategy: .init(lowWatermark: 2, highWatermark: 16)))
                }
            }
    }
}

extension Server: CustomStringConvertible {
    public var description: String { "pamyat server on \(configuration.host):\(configuration.port)" }
}
