import CoreMetrics
import NIOCore

/// How a ``Server`` listens and what it allows.
public struct ServerConfiguration: Sendable {
    /// The address to listen on: an IP address or a host name. Loopback by default.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks a free one (see ``Server``'s `onServerRunning`).
    public var port: Int = 7341
    /// The token that `AUTH` must present; `nil` lets every connection use every verb.
    public var token: AccessToken?
    /// Whether ADD is refused with `read-only`.
    public var isReadOnly = false
    /// Connections held at once; one more gets `busy` and is closed.
    public var maximumConnections = 512
    /// A connection that neither sends nor receives for this long is closed.
    public var idleTimeout: Duration = .seconds(300)
    /// A request line must be complete (its line feed received) within this long of its first
    /// byte, or the connection is answered `timeout` and closed; `nil` (as `pamyat serve` has it)
    /// means the idle timeout. Tests set it short without making every connection's idle time short.
    public var lineTimeout: Duration?
    /// The longest request line, in bytes, without its line feed.
    public var maximumLineLength = 1_048_576
    /// Whether to listen on a non-loopback address without a token (`--insecure`).
    public var allowsInsecureListen = false
    /// On graceful shutdown, how long connections get to be answered before they are closed anyway.
    public var shutdownGracePeriod: Duration = .seconds(3)
    /// Threads that run the blocking requests (ADD, CONCORDANCE, STATS, HELLO, lookups that must wait
    /// for their index); all cores by default. Quick lookups run on the network threads.
    public var workerThreads: Int = Self.defaultWorkerThreads
    /// One worker thread per core.
    public static var defaultWorkerThreads: Int { System.coreCount }
    /// Where the per-verb request counters and latency timers go (`MetricsSystem.factory` when nil:
    /// swift-metrics' global backend, a no-op unless the executable bootstrapped one).
    public var metricsFactory: (any MetricsFactory)?
    /// The version HELLO reports.
    public var version: String = "unknown"
    /// Called, on whatever thread the server is on, with each ``ServerEvent``; for tests and tools.
    /// Must return quickly.
    public var onEvent: (@Sendable (ServerEvent) -> Void)?

    public init() {}

    /// Checks the limits, and that a non-loopback address has a token or `allowsInsecureListen`.
    public func validate() throws(ServerError) {
        guard (0...65535).contains(port) else {
            throw ServerError(.configuration, "The port \(port) is not from 0 to 65535.")
        }
        guard maximumConnections > 0 else {
            throw ServerError(.configuration, "The maximum number of connections must be at least 1.")
        }
        guard maximumLineLength >= 64 else {
            throw ServerError(.configuration, "The line limit of \(maximumLineLength) bytes is too small; use at least 64.")
        }
        guard idleTimeout > .zero else {
            throw ServerError(.configuration, "The idle timeout must be more than 0 seconds.")
        }
        guard (lineTimeout ?? idleTimeout) > .zero else {
            throw ServerError(.configuration, "The line timeout must be more than 0 seconds.")
        }
        guard workerThreads > 0 else {
            throw ServerError(.configuration, "The server needs at least one worker thread.")
        }
        if token == nil, !allowsInsecureListen, !(try Self.isLoopback(host)) {
            throw ServerError(
                .configuration,
                "Refusing to listen on \(host), which is not a loopback address, without a token: anyone who can reach it could read and write the memory. Give a token, or allow listening without one if the network is trusted.",
                setting: .token)
        }
    }

    /// Whether every address `host` names is a loopback address (127.0.0.0/8, ::1).
    public static func isLoopback(_ host: String) throws(ServerError) -> Bool {
        if host == "localhost" { return true }
        let address: SocketAddress
        do {
            address = try SocketAddress(ipAddress: host, port: 0)
        } catch {
            do {
                address = try SocketAddress.makeAddressResolvingHost(host, port: 0)
            } catch {
                throw ServerError(.configuration, "Cannot resolve the listen address '\(host)'; give an IP address such as 127.0.0.1.")
            }
        }
        guard let ip = address.ipAddress else { return false }
        switch address.protocol {
        case .inet: return ip.hasPrefix("127.")
        case .inet6: return ip == "::1" || ip.lowercased().hasPrefix("::ffff:127.")
        default: return false
        }
    }

    var idleTimeAmount: TimeAmount { TimeAmount(idleTimeout) }
    var lineTimeAmount: TimeAmount { TimeAmount(lineTimeout ?? idleTimeout) }
    var shutdownGraceTimeAmount: TimeAmount { TimeAmount(shutdownGracePeriod) }
}
