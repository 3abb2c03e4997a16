#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small blocking client for the line protocol: connect, send lines, read response lines.
///
/// Used by `pamyat lookup --connect` (one request from a synchronous command) and by the tests.
/// Written on POSIX sockets rather than NIO because a blocking request/response over one socket
/// needs no event loop, and the tests need to send raw bytes (invalid UTF-8, over-long lines) and
/// to stop reading on purpose.
public final class LineClient {
    /// The longest response line read by default, in bytes: far more than any answer of the
    /// protocol (100 matches of 100,000-byte texts with their diffs), so that only a peer that is
    /// not a pamyat server meets it.
    public static let defaultMaximumLineLength = 64 << 20

    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// `host:port`, for messages.
    public let endpoint: String
    /// The longest line ``readLine()`` accepts, in bytes without the line feed; a peer that sends
    /// more without a line feed is an error (`bad-response`), not a buffer that grows without bound.
    public let maximumLineLength: Int

    /// Connects to `host:port`; reads and writes time out after `timeout`.
    public init(
        host: String, port: Int, timeout: Duration = .seconds(30), maximumLineLength: Int = LineClient.defaultMaximumLineLength
    ) throws(ServerError) {
        precondition(maximumLineLength > 0, "a line limit must be positive")
        endpoint = "\(host):\(port)"
        self.maximumLineLength = maximumLineLength
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ServerError(.unreachable, "Cannot resolve \(host): \(String(cString: gai_strerror(status))).")
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = 0
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    descriptor = fd
                    setTimeout(timeout)
                    var one: Int32 = 1
                    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                    return
                }
                lastError = errno
                systemClose(fd)
            } else {
                lastError = errno
            }
            candidate = info.pointee.ai_next
        }
        throw ServerError(.unreachable, "Cannot connect to \(host):\(port): \(String(cString: strerror(lastError))). Is `pamyat serve` running there?")
    }

    deinit {
        if descriptor >= 0 { systemClose(descriptor) }
    }

    /// Sets the read and write timeouts.
    public func setTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends `line` and a line feed.
    public func send(line: String) throws(ServerError) {
        try send(bytes: Array(line.utf8) + [0x0A])
    }

    /// Sends raw bytes, all of them.
    public func send(bytes: [UInt8]) throws(ServerError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                systemSend(descriptor, raw.baseAddress, raw.count)
            }
            guard sent > 0 else {
                if sent < 0, errno == EINTR { continue }
                throw ServerError(.unreachable, "Cannot send to \(endpoint): \(String(cString: strerror(errno))).")
            }
            offset += sent
        }
    }

    /// Sends what the socket takes without waiting; returns how many bytes it took (0 when its
    /// buffers are full).
    public func sendWithoutWaiting(bytes: [UInt8]) throws(ServerError) -> Int {
        let sent = bytes.withUnsafeBytes { raw in
            systemSend(descriptor, raw.baseAddress, raw.count, flags: Int32(MSG_DONTWAIT))
        }
        if sent >= 0 { return sent }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return 0 }
        throw ServerError(.unreachable, "Cannot send to \(endpoint): \(String(cString: strerror(errno))).")
    }

    /// The next line the server sends, without its line feed; `nil` when the server closed the
    /// connection. A line longer than ``maximumLineLength`` throws `bad-response`.
    public func readLine() throws(ServerError) -> String? {
        var searched = 0
        while true {
            if let index = buffer[searched...].firstIndex(of: 0x0A) {
                guard index <= maximumLineLength else { throw lineTooLong(index) }
                let line = String(decoding: buffer[..<index], as: UTF8.self)
                buffer.removeSubrange(...index)
                return line
            }
            guard buffer.count <= maximumLineLength else { throw lineTooLong(buffer.count) }
            searched = buffer.count
            var chunk = [UInt8](repeating: 0, count: 65536)
            let received = chunk.withUnsafeMutableBytes { raw in recv(descriptor, raw.baseAddress, raw.count, 0) }
            if received == 0 {
                return nil
            }
            if received < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { return nil }
                let reason = errno == EAGAIN || errno == EWOULDBLOCK ? "no answer in time" : String(cString: strerror(errno))
                throw ServerError(.unreachable, "Cannot read from \(endpoint): \(reason).")
            }
            buffer.append(contentsOf: chunk[..<received])
        }
    }

    private func lineTooLong(_ length: Int) -> ServerError {
        ServerError(
            .badResponse,
            "The server at \(endpoint) sent \(length) bytes without a line feed, more than the \(maximumLineLength) a response may have; is it a pamyat server?")
    }

    /// Sends `line` and returns the response line.
    public func request(_ line: String) throws(ServerError) -> String {
        try send(line: line)
        guard let response = try readLine() else {
            throw ServerError(.unreachable, "\(endpoint) closed the connection without answering.")
        }
        return response
    }

    /// Closes the sending side (the server sees the end of the input) and keeps reading.
    public func shutdownSending() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Closes the connection.
    public func close() {
        if descriptor >= 0 {
            systemClose(descriptor)
            descriptor = -1
        }
    }
}

// The socket functions under names that the methods above (`send`, `close`) do not shadow.
private func systemSend(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, flags: Int32 = 0) -> Int {
    #if canImport(Darwin)
    Darwin.send(fd, buffer, count, flags)
    #elseif canImport(Glibc)
    Glibc.send(fd, buffer, count, flags | Int32(MSG_NOSIGNAL))
    #else
    Musl.send(fd, buffer, count, flags | Int32(MSG_NOSIGNAL))
    #endif
}

private func systemClose(_ fd: Int32) {
    #if canImport(Darwin)
    _ = Darwin.close(fd)
    #elseif canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Musl.close(fd)
    #endif
}
