import Logging
import NIOCore

extension Server {
    /// Answers one connection's requests in order until it sends QUIT, closes, idles out or the
    /// server drains it. Catches its own errors, so one client cannot stop the server.
    func handle(_ connection: Connection, id: Int, dispatcher: Dispatcher) async {
        var logger = self.logger
        logger[metadataKey: "connection.id"] = "\(id)"
        if let peer = connection.channel.remoteAddress { logger[metadataKey: "connection.peer"] = "\(peer)" }
        logger.debug("connection opened")
        var session = dispatcher.newSession()
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await line in inbound {
                    let response = await dispatcher.respond(to: line, session: &session, logger: logger)
                    try await outbound.write(ByteBuffer(bytes: response.encoded()))
                    if response.closesConnection { break }
                }
                try await Self.flush(connection)
            }
            logger.debug("connection closed", metadata: ["connection.lines": "\(session.lineNumber)"])
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)", "connection.lines": "\(session.lineNumber)"])
        }
    }

    /// Answers `busy` and closes: the server holds as many connections as it accepts.
    func refuseBusy(_ connection: Connection) async {
        logger.notice("refusing a connection: at the limit", metadata: ["server.max_connections": "\(configuration.maximumConnections)"])
        let response = Response.failure(ServerError(
            .busy, "The server has \(configuration.maximumConnections) connections, its maximum; try again later."))
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(bytes: response.encoded()))
            try await Self.flush(connection)
        }
    }

    /// Waits until everything written so far has reached the socket, so that closing the channel
    /// (which drops unwritten data) loses no response. The writer hands its writes to the event
    /// loop in order, so an empty write issued after them completes after them.
    static func flush(_ connection: Connection) async throws {
        try await connection.channel.writeAndFlush(ByteBuffer()).get()
    }
}
