import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// Hands the chunks a blocking producer (an export on its own thread) writes to an async consumer
/// (a response body), holding at most `capacity` chunks: the producer waits while the client is
/// slow, so a download never buffers the whole memory.
final class ChunkBridge: Sendable {
    /// The consumer went away (the client closed the connection): the producer stops.
    struct Cancelled: Error {}

    private struct State {
        var chunks: [ByteBuffer] = []
        var finished = false
        var failure: (any Error)?
        var cancelled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = NIOLockedValueBox(State())
    private let space: DispatchSemaphore
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
        space = DispatchSemaphore(value: capacity)
    }

    /// Called by the producer: waits for room, then queues `chunk`; throws ``Cancelled`` once the
    /// consumer is gone.
    func put(_ chunk: ByteBuffer) throws {
        space.wait()
        let waiter = try state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.cancelled { throw Cancelled() }
            state.chunks.append(chunk)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Called by the producer when it is done, with its error if it failed.
    func finish(error: (any Error)?) {
        let waiter = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            state.failure = error
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Called by the consumer: the next chunk, nil at the end; rethrows the producer's error.
    func next() async throws -> ByteBuffer? {
        while true {
            enum Step { case chunk(ByteBuffer), end, failed(any Error), wait }
            let step = state.withLockedValue { state -> Step in
                if !state.chunks.isEmpty { return .chunk(state.chunks.removeFirst()) }
                if let failure = state.failure { return .failed(failure) }
                return state.finished ? .end : .wait
            }
            switch step {
            case .chunk(let chunk):
                space.signal()
                return chunk
            case .end:
                return nil
            case .failed(let error):
                throw error
            case .wait:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let ready = state.withLockedValue { state -> Bool in
                        if !state.chunks.isEmpty || state.finished { return true }
                        state.waiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
        }
    }

    /// Called when the consumer stops early: the producer's next ``put(_:)`` throws.
    func cancel() {
        state.withLockedValue { $0.cancelled = true }
        for _ in 0..<capacity { space.signal() }
    }
}
