import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on a free loopback port that is not a pamyat server: it accepts one connection,
/// reads the first request line and answers whatever `respond` writes. For testing what a client
/// does with a peer it should not trust.
final class FakePeer: @unchecked Sendable {  // `listener` is set once in init; the thread only reads it.
    let port: Int
    private let listener: Int32
    private let thread: Thread

    /// `respond` gets a function that sends bytes and returns false once the client has gone.
    init(respond: @escaping @Sendable (_ send: ([UInt8]) -> Bool) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
                bind(fd, sockaddr, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, sockaddr, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        thread = Thread {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            // Read up to the end of the first request line.
            var byte: UInt8 = 0
            while recv(connection, &byte, 1, 0) == 1, byte != 0x0A {}
            respond { bytes in
                var offset = 0
                while offset < bytes.count {
                    let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if sent <= 0 { return false }
                    offset += sent
                }
                return true
            }
        }
        thread.start()
    }

    deinit { close(listener) }
}
