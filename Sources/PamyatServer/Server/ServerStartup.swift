import NIOCore
import NIOPosix

/// What the line server and the HTTP server (PamyatHTTP) share when they start and stop: their
/// worker threads, the address they say they listen on, and why an address cannot be listened on.
package enum ServerStartup {
    /// Runs `body` with a started pool of `threads` worker threads, shut down when `body` returns
    /// or throws.
    package static func withWorkerThreads(_ threads: Int, _ body: (NIOThreadPool) async throws -> Void) async throws {
        let threadPool = NIOThreadPool(numberOfThreads: threads)
        threadPool.start()
        do {
            try await body(threadPool)
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
        try await threadPool.shutdownGracefully()
    }

    /// `address` as the log shows it: `127.0.0.1:7341`, `[::1]:7341`; `host` and `port` when it has none.
    package static func shown(_ address: SocketAddress, host: String, port: Int) -> String {
        let shownHost = address.protocol == .inet6 ? "[\(address.ipAddress ?? "::")]" : address.ipAddress ?? host
        return "\(shownHost):\(address.port ?? port)"
    }

    /// Why `host:port` cannot be listened on, in words (`what`: "listen", "serve HTTP").
    package static func bindFailure(_ error: IOError, what: String, host: String, port: Int) -> ServerError {
        let address = "\(host):\(port)"
        switch error.errnoCode {
        case EADDRINUSE:
            return ServerError(.configuration, "Cannot \(what) on \(address): another program uses that port. Stop it, or give another port.", setting: .port)
        case EACCES:
            return ServerError(.configuration, "Cannot \(what) on \(address): ports below 1024 need administrator rights. Give a port from 1024 up.", setting: .port)
        case EADDRNOTAVAIL:
            return ServerError(.configuration, "Cannot \(what) on \(address): this machine has no such address. Give one of its addresses, e.g. 127.0.0.1.", setting: .host)
        default:
            return ServerError(.configuration, "Cannot \(what) on \(address): \(error.description).")
        }
    }
}
