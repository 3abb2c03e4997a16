import Foundation
import Logging
import NIOCore
import PamyatServer
import ServiceLifecycle
@testable import PamyatServer

/// A server on an ephemeral loopback port, run in a ServiceGroup as `pamyat serve` runs it.
struct TestServer {
    let port: Int
    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// Starts a server with short limits for tests, changed by `configure`.
    static func start(
        backend: any Backend = FakeBackend(), configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        try await start(configure: configure) { configuration, logger, onRunning in
            Server(configuration: configuration, backend: backend, logger: logger, onServerRunning: onRunning)
        }
    }

    /// Starts a server over real memories, as `pamyat serve` makes it.
    static func start(
        memories: [ServedMemory], configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        try await start(configure: configure) { configuration, logger, onRunning in
            try Server(configuration: configuration, memories: memories, logger: logger, onServerRunning: onRunning)
        }
    }

    private static func start(
        configure: (inout ServerConfiguration) -> Void,
        make: (ServerConfiguration, Logger, @escaping @Sendable (SocketAddress) async -> Void) throws -> Server
    ) async throws -> TestServer {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.idleTimeout = .seconds(30)
        configuration.shutdownGracePeriod = .seconds(2)
        configuration.maximumLineLength = 1024
        configuration.workerThreads = 2
        configuration.version = "test"
        configure(&configuration)
        var logger = Logger(label: "pamyat.test")
        logger.logLevel = ProcessInfo.processInfo.environment["PAMYAT_TEST_LOG"] != nil ? .trace : .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = try make(configuration, logger) { address in
            continuation.yield(address.port ?? 0)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw ServerError(.internal, "the server stopped before listening")
        }
        return TestServer(port: port, group: group, task: task)
    }

    /// A client connected to the server.
    func connect() async throws -> TestClient {
        try await TestClient.connect(port: port)
    }

    /// Triggers a graceful shutdown and waits for the server to stop.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// Starts a server, runs `body`, and stops the server even when `body` fails.
func withServer(
    backend: any Backend = FakeBackend(), configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await TestServer.start(backend: backend, configure: configure)
    do {
        try await body(server)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
}

/// A ``LineClient`` whose blocking calls run on a queue of their own, off the concurrency pool
/// that the server runs on.
final class TestClient: @unchecked Sendable {  // `client` is only used on `queue`, which is serial.
    private let client: LineClient
    private let queue = DispatchQueue(label: "pamyat.test.client")

    private init(client: LineClient) { self.client = client }

    static func connect(port: Int, timeout: Duration = .seconds(60)) async throws -> TestClient {
        let client = try await onQueue(DispatchQueue(label: "pamyat.test.connect")) {
            UncheckedBox(try LineClient(host: "127.0.0.1", port: port, timeout: timeout))
        }
        return TestClient(client: client.value)
    }

    func request(_ line: String) async throws -> String {
        try await run { try $0.request(line) }
    }

    /// The response as a JSON object.
    func requestJSON(_ line: String) async throws -> [String: Any] {
        try decode(try await request(line))
    }

    func send(_ line: String) async throws { try await run { try $0.send(line: line) } }

    func send(bytes: [UInt8]) async throws { try await run { try $0.send(bytes: bytes) } }

    func sendWithoutWaiting(bytes: [UInt8]) async throws -> Int {
        try await run { try $0.sendWithoutWaiting(bytes: bytes) }
    }

    func readLine() async throws -> String? { try await run { try $0.readLine() } }

    func readJSON() async throws -> [String: Any]? {
        guard let line = try await readLine() else { return nil }
        return try decode(line)
    }

    func setTimeout(_ timeout: Duration) async throws { try await run { $0.setTimeout(timeout) } }

    func shutdownSending() async throws { try await run { $0.shutdownSending() } }

    func close() async throws { try await run { $0.close() } }

    private func run<T: Sendable>(_ body: @escaping @Sendable (LineClient) throws -> T) async throws -> T {
        let client = UncheckedBox(client)
        return try await Self.onQueue(queue) { try body(client.value) }
    }

    private static func onQueue<T: Sendable>(_ queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// Carries the client into the queue's closure; the queue is serial, so only one thread uses it at a time.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A response line decoded as a JSON object.
func decode(_ line: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw ServerError(.internal, "not a JSON object: \(line)")
    }
    return object
}

/// Runs blocking code (sockets) on a Dispatch thread, not on the concurrency pool the server needs.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
