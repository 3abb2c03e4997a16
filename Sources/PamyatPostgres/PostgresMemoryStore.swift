import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PamyatCore
import PostgresNIO

/// A translation memory in a PostgreSQL database, through postgres-nio: the same behaviour as the
/// SQLite store (``PamyatCore/MemoryStore``), with several memories per database (``PostgresAddress/memory``).
///
/// Every ``write(_:)`` is one transaction on a connection of its own, holding the memory's row in
/// `pamyat_memories` locked: writers of one memory, in any process, take turns, and the change log's
/// sequence numbers follow the commits. The content digest is unique per memory in the database, so
/// no two writers can store one unit twice. Reads share a second connection. A connection that the
/// server closed is opened again by the next call.
///
/// The protocol is synchronous and postgres-nio asynchronous: calls wait for their queries, which
/// run on the store's event loop (``BlockingBridge``); no caller runs on that loop.
public final class PostgresMemoryStore: MemoryStore, RemovableMemoryStore, ChangeFeedStore {
    /// Where the memory is (with its password, when it has one; never shown).
    public let address: PostgresAddress
    /// The address without its password.
    public let location: String
    /// The cluster, database and memory, with a cache prefix in the node's local cache folder.
    public let identity: StoreIdentity?
    /// Whether writes are refused.
    public let isReadOnly: Bool
    /// The memory's row id in `pamyat_memories`.
    let memoryID: Int64
    let reader: ConnectionSlot
    let writer: ConnectionSlot
    /// Held for a whole ``write(_:)``: one transaction at a time on ``writer``.
    let writeLock = NIOLock()
    /// Hears of commits by anyone (``followChanges(_:)``); started by the first follower.
    let feed: PostgresChangeFeed

    /// The event loop all of pamyat's PostgreSQL connections run on (one thread, made on first use).
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// postgres-nio's own logging stays quiet: errors reach the caller as ``StoreError``.
    static let logger = Logger(label: "pamyat.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Opens the memory at `address`.
    ///
    /// - Parameters:
    ///   - create: create the schema and the memory when missing; otherwise a database without
    ///     them is ``StoreError/Code/notFound``.
    ///   - readOnly: open for reading only (writes throw ``StoreError/Code/readOnly``).
    ///   - cacheFolder: this node's folder for caches of the memory (the fuzzy index); `nil`: none.
    public init(address: PostgresAddress, create: Bool = true, readOnly: Bool = false, cacheFolder: URL? = nil) throws {
        self.address = address
        location = address.description
        isReadOnly = readOnly
        reader = ConnectionSlot(address: address, location: location)
        writer = ConnectionSlot(address: address, location: location)
        let schema = PostgresSchemaSetup(slot: reader, location: location)
        try schema.prepare(create: create && !readOnly, readOnly: readOnly)
        memoryID = try schema.memoryID(named: address.memory, create: create && !readOnly)
        feed = PostgresChangeFeed(address: address, location: location, memoryID: memoryID)
        let cluster = try schema.clusterKey()
        if let cacheFolder {
            try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
            identity = StoreIdentity(
                key: "postgresql:\(cluster):\(memoryID) \(location)",
                cachePrefix: cacheFolder.appendingPathComponent("postgresql-\(cluster.replacingOccurrences(of: ":", with: "-"))-\(memoryID)").path)
        } else {
            identity = nil
        }
    }

    /// Opens the memory a `postgresql://` URL names (see ``PostgresAddress``).
    public convenience init(url: String, create: Bool = true, readOnly: Bool = false, cacheFolder: URL? = nil) throws {
        try self.init(address: PostgresAddress(url), create: create, readOnly: readOnly, cacheFolder: cacheFolder)
    }

    deinit {
        feed.stop()
    }

    /// Runs `query` on the read connection and returns its rows.
    func read(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try reader.run(query)
    }

    public func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw StoreError(.readOnly, "the memory is open read-only; nothing was written.", location: location)
        }
        return try writeLock.withLock {
            let connection = try writer.connection()
            try writer.run("BEGIN", on: connection)
            var session: PostgresWriteSession?
            do {
                let locked = try writer.run("SELECT id FROM pamyat_memories WHERE id = \(memoryID) FOR UPDATE", on: connection)
                guard !locked.isEmpty else {
                    throw StoreError(.notFound, "the memory was deleted; nothing was written.", location: location)
                }
                let opened = PostgresWriteSession(store: self, connection: connection)
                session = opened
                let result = try body(opened)
                try opened.finish()
                try writer.run("COMMIT", on: connection)
                if opened.copiedUnits >= Self.analyzeAfterUnits { analyzeAfterBulkWrite(on: connection) }
                return result
            } catch {
                session?.abandon()
                _ = try? writer.run("ROLLBACK", on: connection)
                throw error
            }
        }
    }

    public func prepare(_ unit: TranslationUnit) -> PreparedUnit {
        PostgresWriteSession.prepared(unit)
    }

    /// Units stored by one transaction's batches from which the store has the server analyse the
    /// tables after the commit.
    static let analyzeAfterUnits = 10_000

    /// `ANALYZE` of the units and variants after a transaction stored many units: until autovacuum
    /// gets to them the planner knows nothing of the new rows (an export's pages were planned as
    /// scans of the whole memory, ~400 ms each instead of 0.3 ms). Tables autovacuum holds are
    /// skipped (it analyses them itself); a failure changes nothing stored, so it is not reported.
    private func analyzeAfterBulkWrite(on connection: PostgresConnection) {
        _ = try? writer.run("ANALYZE (SKIP_LOCKED) pamyat_units, pamyat_variants", on: connection)
    }

    /// Deletes the memory (its units, variants, documents and change log) from the database.
    ///
    /// Units and variants carry no foreign key to the memory or their unit (schema v2, v3), so they
    /// are deleted here, in a transaction that first holds the memory's row locked as writers do:
    /// a writer's units committed meanwhile are deleted too, never left behind.
    public func removeMemory() throws {
        try writeLock.withLock {
            let connection = try writer.connection()
            try writer.run("BEGIN", on: connection)
            do {
                try writer.run("SELECT id FROM pamyat_memories WHERE id = \(memoryID) FOR UPDATE", on: connection)
                try writer.run("DELETE FROM pamyat_variants WHERE memory_id = \(memoryID)", on: connection)
                try writer.run("DELETE FROM pamyat_units WHERE memory_id = \(memoryID)", on: connection)
                try writer.run("DELETE FROM pamyat_memories WHERE id = \(memoryID)", on: connection)
                try writer.run("COMMIT", on: connection)
            } catch {
                _ = try? writer.run("ROLLBACK", on: connection)
                throw error
            }
        }
    }
}

/// One connection, opened on first use and again after the server closed it.
final class ConnectionSlot: Sendable {
    let address: PostgresAddress
    let location: String
    private let current = NIOLockedValueBox<PostgresConnection?>(nil)
    private static let nextID = NIOLockedValueBox(0)

    init(address: PostgresAddress, location: String) {
        self.address = address
        self.location = location
    }

    /// The open connection, opened now when there is none or the last one was closed.
    func connection() throws -> PostgresConnection {
        try current.withLockedValue { connection in
            if let open = connection, !open.isClosed { return open }
            let opened = try Self.open(address: address, location: location)
            connection = opened
            return opened
        }
    }

    /// A new connection to `address`, on the store's event loop, named `applicationName` in the
    /// server's `pg_stat_activity`; errors as ``StoreError``.
    static func open(address: PostgresAddress, location: String, applicationName: String = "pamyat") throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if address.isUnixSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user, password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password, database: address.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        let id = nextID.withLockedValue { $0 += 1; return $0 }
        do {
            return try BlockingBridge.wait(PostgresConnection.connect(
                on: PostgresMemoryStore.eventLoopGroup.next(), configuration: configuration, id: id,
                logger: PostgresMemoryStore.logger))
        } catch {
            throw PostgresErrorMapping.storeError(error, location: location)
        }
    }

    /// Runs `query` (on `connection`, a transaction's, else this slot's) and returns its rows; errors
    /// as ``StoreError``. A connection found closed (the server restarted, an administrator ended it)
    /// is dropped, so the next call opens a new one; a query outside a transaction is tried once
    /// more on the new connection at once.
    @discardableResult
    func run(_ query: PostgresQuery, on given: PostgresConnection? = nil) throws -> PostgresQueryResult {
        let connection = try given ?? self.connection()
        do {
            return try BlockingBridge.wait(connection.query(query, logger: PostgresMemoryStore.logger))
        } catch let error as PSQLError where Self.isConnectionLost(error) {
            discard(connection)
            if given == nil, let retried = try? BlockingBridge.wait(self.connection().query(query, logger: PostgresMemoryStore.logger)) {
                return retried
            }
            throw PostgresErrorMapping.storeError(error, location: location)
        } catch {
            throw PostgresErrorMapping.storeError(error, location: location)
        }
    }

    /// Whether `error` says the connection is gone (not that the query failed).
    static func isConnectionLost(_ error: PSQLError) -> Bool {
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        case .server: return ["57P01", "57P02", "57P03"].contains(error.serverInfo?[.sqlState] ?? "")
        default: return false
        }
    }

    /// Forgets `connection` if it is the slot's (closing it), so the next call opens a new one.
    func discard(_ connection: PostgresConnection) {
        let dropped = current.withLockedValue { current -> PostgresConnection? in
            guard let open = current, open === connection else { return nil }
            current = nil
            return open
        }
        if let dropped, !dropped.isClosed { _ = try? BlockingBridge.wait(dropped.close()) }
    }

    /// Closes the connection, if open, and waits until it is (postgres-nio requires a connection to
    /// be closed before it goes away). Never called on the store's event loop.
    func close() {
        let open = current.withLockedValue { connection in
            defer { connection = nil }
            return connection
        }
        if let open, !open.isClosed { _ = try? BlockingBridge.wait(open.close()) }
    }

    deinit {
        close()
    }
}
