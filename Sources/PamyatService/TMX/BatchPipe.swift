import Foundation

/// A bounded hand-over of batches from a producing thread to a consuming one, so that an export
/// reads the store while it writes TMX, and an import reads TMX while it writes the store (each side
/// alone is about twice as fast as the two in sequence; see docs/PERFORMANCE.md). At most `capacity`
/// batches wait: memory stays constant.
///
/// `@unchecked Sendable`: every mutable field is read and written only while holding `condition`.
final class BatchPipe<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Producer: hands over a batch, waiting while the pipe is full. Throws `CancellationError` once
    /// the consumer has given up.
    func put(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        batches.append(batch)
        condition.broadcast()
    }

    /// Producer: no more batches; `error` when reading failed.
    func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, or `nil` when the producer has finished; rethrows its error.
    func take() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stop the producer (after a write error).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
