import Dispatch
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// Sends a write session's `COPY … FROM STDIN` batches to the server in order, in the background,
/// so that the importing thread prepares the next batch while the server stores this one (a bulk
/// import's time is otherwise the sum of both).
///
/// At most ``capacity`` batches are waiting or being sent at once: ``send(_:)`` blocks beyond that,
/// so memory stays bounded by a few batches. A failed batch fails every later one; ``drain()``
/// waits for all and throws the first error. Hand-written (a future chain and a semaphore):
/// postgres-nio's `copyFrom` is one call per `COPY`, and nothing in the mirrored packages chains
/// them for a synchronous caller.
final class CopyPipeline: Sendable {
    /// One `COPY table (columns) FROM STDIN` and its rows in COPY's text format.
    struct Copy: Sendable {
        var table: String
        var columns: [String]
        var rows: ByteBuffer
    }

    /// Batches sent and not yet stored, at most.
    static let capacity = 3

    private let connection: PostgresConnection
    private let slots = DispatchSemaphore(value: CopyPipeline.capacity)
    private struct State {
        /// Completes when the last batch sent is stored (or failed).
        var tail: EventLoopFuture<Void>
        /// Set by ``abandon()``: batches not started yet are not sent.
        var abandoned = false
    }
    private let state: NIOLockedValueBox<State>

    init(connection: PostgresConnection) {
        self.connection = connection
        state = NIOLockedValueBox(State(tail: connection.eventLoop.makeSucceededVoidFuture()))
    }

    /// Queues `copies` (sent in their order, after every batch queued before); waits while
    /// ``capacity`` batches are in flight. Never called on the connection's event loop.
    func send(_ copies: [Copy]) {
        slots.wait()
        let eventLoop = connection.eventLoop
        let promise = eventLoop.makePromise(of: Void.self)
        let previous = state.withLockedValue { state -> EventLoopFuture<Void> in
            defer { state.tail = promise.futureResult }
            return state.tail
        }
        let (connection, slots, state) = (self.connection, self.slots, self.state)
        let operation: @Sendable () async -> Void = {
            defer { slots.signal() }
            do {
                try await previous.get()
                if state.withLockedValue({ $0.abandoned }) { throw Abandoned() }
                for copy in copies {
                    try await connection.copyFrom(table: copy.table, columns: copy.columns, logger: PostgresMemoryStore.logger) {
                        writer in try await writer.write(copy.rows)
                    }
                }
                promise.succeed(())
            } catch {
                promise.fail(error)
            }
        }
        #if os(Linux)
        Task(executorPreference: EventLoopTaskExecutor(eventLoop), operation: operation)
        #else
        Task.detached(operation: operation)
        #endif
    }

    /// Waits until every batch sent is stored; throws the first failure (postgres-nio's error).
    func drain() throws {
        try BlockingBridge.wait(state.withLockedValue { $0.tail })
    }

    /// Sends nothing more and waits for the batch being sent, if any: before a rollback, so that no
    /// `COPY` reaches the connection after it (outside the transaction).
    func abandon() {
        let tail = state.withLockedValue { state -> EventLoopFuture<Void> in
            state.abandoned = true
            return state.tail
        }
        _ = try? BlockingBridge.wait(tail)
    }

    /// A batch not sent because the transaction was given up.
    struct Abandoned: Error {}
}
