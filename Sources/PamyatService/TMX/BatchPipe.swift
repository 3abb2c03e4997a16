import Foundation

/// A bounded hand-over of batches from a producing thread to a consuming one, so that an export
/// reads the store while it writes TMX, and an import reads TMX while it writes the store (each side
/// alone is about twice as fast as the two in sequence; see docs/PERFORMANCE.md and its git history). At most `capacity`
/// batches wait: memory stays constant.
///
/// `@unchecked Sendable`: every mutable field is read and written only while holding `condition`.
final class BatchPipe<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Batch] = []
    /// Batches the consumer is done with, freed by the producer.
    private var spent: [Batch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Producer: hands over a batch, waiting while the pipe is full. Throws `CancellationError` once
    /// the consumer has given up. Frees the batches the consumer handed back (``handBack(_:)``).
    func put(_ batch: Batch) throws {
        var spent: [Batch] = []
        condition.lock()
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            throw CancellationError()
        }
        batches.append(batch)
        swap(&spent, &self.spent)
        condition.broadcast()
        condition.unlock()
        // Freed here, on this thread, and not while holding the lock.
        withExtendedLifetime(spent) {}
    }

    /// Consumer: gives back a batch it is done with, for the producer's thread to free on its next
    /// ``put(_:)``. Freeing memory on the thread that allocated it is cheaper (glibc's per-thread
    /// arenas), and it takes the work off the consumer when the consumer is the bottleneck: an
    /// import's writing thread spent ~0.8 µs a unit freeing the units the reading thread had made.
    func handBack(_ batch: Batch) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
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
