import Foundation
@testable import PamyatService
import Testing

@Suite struct BatchPipeTests {
    /// Records on which thread each token was freed. `@unchecked Sendable`: `freedOn` only under `lock`.
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var freedOn: [pthread_t] = []
        func freed() { lock.withLock { freedOn.append(pthread_self()) } }
    }

    final class Token: Sendable {
        let recorder: Recorder
        init(_ recorder: Recorder) { self.recorder = recorder }
        deinit { recorder.freed() }
    }

    struct Failure: Error {}

    /// Runs `produce` on a thread of its own.
    static func producer(_ produce: @escaping @Sendable () -> Void) -> Thread {
        let thread = Thread(block: produce)
        thread.start()
        return thread
    }

    @Test func batchesArriveInOrderThenTheProducersError() throws {
        let pipe = BatchPipe<[Int]>(capacity: 2)
        _ = Self.producer {
            do {
                for start in stride(from: 0, to: 100, by: 10) { try pipe.put(Array(start..<start + 10)) }
                pipe.finish(error: Failure())
            } catch {
                pipe.finish(error: error)
            }
        }
        var received: [Int] = []
        #expect(throws: Failure.self) {
            while let batch = try pipe.take() { received += batch }
        }
        #expect(received == Array(0..<100), "every batch, in order, before the error")
    }

    @Test func handedBackBatchesAreFreedByTheProducer() throws {
        let recorder = Recorder()
        let pipe = BatchPipe<[Token]>(capacity: 2)
        let producerThread = LockedThreadID()
        _ = Self.producer {
            producerThread.set(pthread_self())
            do {
                for _ in 0..<50 { try pipe.put((0..<10).map { _ in Token(recorder) }) }
                pipe.finish(error: nil)
            } catch {
                pipe.finish(error: error)
            }
        }
        var batches = 0
        while let batch = try pipe.take() {
            batches += 1
            pipe.handBack(batch)
        }
        let producer = try #require(producerThread.value)
        let freed = recorder.lock.withLock { recorder.freedOn }
        let byProducer = freed.filter { pthread_equal($0, producer) != 0 }.count
        #expect(batches == 50)
        // All but the batches handed back after the producer's last put (at most capacity + 1).
        #expect(byProducer >= (50 - 3) * 10, "\(byProducer) of \(freed.count) tokens freed by the producer")
    }

    @Test func cancellingStopsTheProducer() throws {
        let pipe = BatchPipe<Int>(capacity: 1)
        let stopped = LockedThreadID()
        _ = Self.producer {
            do {
                for value in 0... { try pipe.put(value) }
            } catch {
                stopped.set(pthread_self())
                pipe.finish(error: error)
            }
        }
        #expect(try pipe.take() == 0)
        pipe.cancel()
        while (try? pipe.take()) != nil {}
        #expect(stopped.value != nil, "the producer saw the cancellation and finished")
    }
}

/// A thread id set by one thread and read by another. `@unchecked Sendable`: `id` only under `lock`.
final class LockedThreadID: @unchecked Sendable {
    private let lock = NSLock()
    private var id: pthread_t?
    func set(_ value: pthread_t) { lock.withLock { id = value } }
    var value: pthread_t? { lock.withLock { id } }
}
