import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// Runs postgres-nio's asynchronous operations for the synchronous ``PamyatCore/MemoryStore``
/// protocol: the calling thread waits while the work runs on the store's event loop.
///
/// Never called on that event loop (the store's own thread, which no caller uses), so a wait cannot
/// block the work it waits for. Async work (`COPY … FROM STDIN`) runs as a task whose executor is the
/// event loop, so it needs no thread of Swift's cooperative pool, which the caller may be holding.
enum BlockingBridge {
    /// The result of `future`, waited for on this thread. Not NIO's `wait()`, which refuses any
    /// event loop's thread: a caller on another event loop (a server's) may wait for this store's.
    /// With a `timeout` in seconds, ``TimedOut`` when the future is not complete by then (the
    /// work goes on; the caller closes the connection it runs on).
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, timeout: Double? = nil) throws -> T {
        precondition(!future.eventLoop.inEventLoop, "a PostgreSQL store was called on its own event loop")
        let result = NIOLockedValueBox<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { outcome in
            result.withLockedValue { $0 = outcome }
            done.signal()
        }
        if let timeout {
            guard done.wait(timeout: .now() + timeout) == .success else { throw TimedOut(seconds: timeout) }
        } else {
            done.wait()
        }
        return try result.withLockedValue { $0! }.get()
    }

    /// A wait given up after its timeout.
    struct TimedOut: Error, CustomStringConvertible {
        var seconds: Double
        var description: String { "the server did not answer within \(Int(seconds)) s" }
    }

    /// Runs `operation` on `eventLoop` and waits for its result on this thread.
    static func run<T: Sendable>(on eventLoop: any EventLoop, _ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let result = NIOLockedValueBox<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        #if os(Linux)
        Task(executorPreference: EventLoopTaskExecutor(eventLoop)) {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            result.withLockedValue { $0 = outcome }
            done.signal()
        }
        #else
        Task.detached {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            result.withLockedValue { $0 = outcome }
            done.signal()
        }
        #endif
        done.wait()
        return try result.withLockedValue { $0! }.get()
    }
}

#if os(Linux)
/// A task executor that runs jobs on one NIO event loop.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
#endif
