import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import PamyatCore
import PostgresNIO

/// Hears of commits to one memory as they happen, for ``PostgresMemoryStore/followChanges(_:)``
/// and ``PostgresMemoryStore/dataVersion()``.
///
/// A thread of its own holds a connection that `LISTEN`s on the memory's channel
/// (``channel(memoryID:)``; every write transaction that logs a change sends `NOTIFY` with the
/// log's newest sequence number, delivered at its commit). Every ``pollInterval`` the thread also
/// reads the log's newest sequence number on that connection: the log is the truth, so a writer
/// that does not notify (an older pamyat, a hand-made change) is seen within the interval, and a
/// connection that went silent is found out (``queryTimeout``). When the connection is lost the
/// feed says so, and tries again at once, then after 0.05, 0.1, 0.2 … up to 2 s apart, until it is back.
///
/// The version it gives (``dataVersion``) changes after every commit it hears of, after every
/// look at the log that found it moved, and whenever it starts listening again; it is `nil` while
/// the feed does not listen, so callers read the change log instead.
final class PostgresChangeFeed: @unchecked Sendable {
    /// How often the log's newest sequence number is read, in seconds.
    static let pollInterval = 1.0
    /// How long a query of the feed may take before its connection is taken for lost, in seconds.
    static let queryTimeout = 10.0
    /// The longest pause between two attempts to connect, in seconds.
    static let longestRetryDelay = 2.0
    /// The feed's connections are named so in the server's `pg_stat_activity`.
    static let applicationName = "pamyat-change-feed"

    let address: PostgresAddress
    let location: String
    let memoryID: Int64

    // Everything below is guarded by `lock`.
    private let lock = NIOLock()
    private var handlers: [@Sendable (ChangeFeedEvent) -> Void] = []
    private var started = false
    private var stopped = false
    private var listening = false
    private var version: Int64 = 0
    /// The newest log sequence number heard of (notifications and looks at the log).
    private var latest: Int64 = 0
    private var connection: PostgresConnection?

    /// Wakes the thread: for a look at the log (timeout), a closed connection, or ``stop()``.
    private let wake = DispatchSemaphore(value: 0)
    /// Handlers are called here, one event at a time, in order.
    private let events = DispatchQueue(label: "pamyat.postgres.change-feed.events")

    init(address: PostgresAddress, location: String, memoryID: Int64) {
        self.address = address
        self.location = location
        self.memoryID = memoryID
    }

    /// The `LISTEN`/`NOTIFY` channel of a memory: one per memory, so a node hears only of the
    /// memories it serves.
    static func channel(memoryID: Int64) -> String { "pamyat_changes_\(memoryID)" }

    /// The version while listening, else `nil`.
    var dataVersion: Int64? { lock.withLock { listening ? version : nil } }

    /// Adds `handler` and starts the feed's thread if it was not running.
    func follow(_ handler: @escaping @Sendable (ChangeFeedEvent) -> Void) {
        let start = lock.withLock {
            handlers.append(handler)
            defer { started = true }
            return !started && !stopped
        }
        guard start else { return }
        let thread = Thread { [self] in run() }
        thread.name = "pamyat.postgres.change-feed"
        thread.start()
    }

    /// Stops the thread (it closes its connection and ends); handlers are not called after.
    func stop() {
        let open = lock.withLock {
            stopped = true
            listening = false
            return connection
        }
        wake.signal()
        if let open { open.close().whenComplete { _ in } }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// The thread: listen until the connection is lost, say so, and try again.
    private func run() {
        var everLost = false
        var lossAnnounced = false
        var delay = 0.0
        while !isStopped {
            do {
                try listen(reconnected: everLost) {
                    lossAnnounced = false
                    delay = 0
                }
            } catch {
                lock.withLock { listening = false }
                everLost = true
                if !lossAnnounced, !isStopped {
                    lossAnnounced = true
                    emit(.lost(reason: Self.reason(error)))
                }
                _ = wake.wait(timeout: .now() + delay)
                delay = min(max(delay * 2, 0.05), Self.longestRetryDelay)
            }
        }
    }

    /// One connection's life: `LISTEN`, read where the log is, report listening (`onListening`
    /// first), then look at the log every ``pollInterval`` until the connection is lost (throws) or
    /// the feed is stopped (returns).
    private func listen(reconnected: Bool, onListening: () -> Void) throws {
        let connection = try ConnectionSlot.open(address: address, location: location, applicationName: Self.applicationName)
        let keep = lock.withLock {
            if stopped { return false }
            self.connection = connection
            return true
        }
        defer {
            lock.withLock { self.connection = nil }
            _ = try? BlockingBridge.wait(connection.close(), timeout: Self.queryTimeout)
        }
        guard keep else { return }
        connection.closeFuture.whenComplete { [wake] _ in wake.signal() }
        try startListening(on: connection)
        let newest = try readLatest(on: connection)
        let wasStopped = lock.withLock {
            listening = !stopped
            version += 1
            latest = newest
            return stopped
        }
        if wasStopped { return }
        onListening()
        emit(.listening(reconnected: reconnected, latest: newest))
        while true {
            _ = wake.wait(timeout: .now() + Self.pollInterval)
            if isStopped { return }
            if connection.isClosed { throw Lost(reason: "the server closed the connection") }
            let newest = try readLatest(on: connection)
            let moved = lock.withLock {
                guard newest != latest else { return false }
                latest = newest
                version += 1
                return true
            }
            if moved { emit(.committed(latest: newest)) }
        }
    }

    /// Sends `LISTEN` and returns once the server has confirmed it; notifications then go to
    /// ``heard(_:)`` until the connection closes.
    private func startListening(on connection: PostgresConnection) throws {
        let confirmed = DispatchSemaphore(value: 0)
        let outcome = NIOLockedValueBox<Result<Void, any Error>?>(nil)
        let channel = Self.channel(memoryID: memoryID)
        let operation: @Sendable () async -> Void = { [self] in
            do {
                try await connection.listen(on: channel) { notifications in
                    outcome.withLockedValue { $0 = .success(()) }
                    confirmed.signal()
                    for try await notification in notifications { heard(notification.payload) }
                }
            } catch {
                let first = outcome.withLockedValue { current in
                    defer { if current == nil { current = .failure(error) } }
                    return current == nil
                }
                if first { confirmed.signal() }
            }
            wake.signal()
        }
        #if os(Linux)
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) { await operation() }
        #else
        Task.detached { await operation() }
        #endif
        guard confirmed.wait(timeout: .now() + Self.queryTimeout) == .success else {
            throw Lost(reason: "the server did not confirm LISTEN within \(Int(Self.queryTimeout)) s")
        }
        try outcome.withLockedValue { $0! }.get()
    }

    /// The log's newest sequence number for the memory.
    private func readLatest(on connection: PostgresConnection) throws -> Int64 {
        let query: PostgresQuery = "SELECT coalesce(max(seq), 0) FROM pamyat_changes WHERE memory_id = \(memoryID)"
        let rows = try BlockingBridge.wait(connection.query(query, logger: PostgresMemoryStore.logger), timeout: Self.queryTimeout)
        guard let row = rows.first else { return 0 }
        return try row.decode(Int64.self)
    }

    /// A notification: the committing transaction's newest sequence number.
    private func heard(_ payload: String) {
        let sequence = Int64(payload)
        let event = lock.withLock { () -> ChangeFeedEvent? in
            if let sequence, sequence <= latest { return nil }  // already seen by a look at the log
            latest = max(latest, sequence ?? latest)
            version += 1
            return .committed(latest: latest)
        }
        if let event { emit(event) }
    }

    private func emit(_ event: ChangeFeedEvent) {
        let handlers = lock.withLock { stopped ? [] : self.handlers }
        guard !handlers.isEmpty else { return }
        events.async { for handler in handlers { handler(event) } }
    }

    /// A lost connection, said in words.
    struct Lost: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: error.message
        case let error as Lost: error.reason
        case let error as BlockingBridge.TimedOut: error.description
        case let error as PSQLError where ConnectionSlot.isConnectionLost(error): "the connection was closed"
        default: "\(error)"
        }
    }
}
