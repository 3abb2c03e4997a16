import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 connection handling, run on the event loop of the connection's channel.
///
/// Hummingbird 2 handles each connection in a task on Swift concurrency's global executor: every
/// request then hops from the event loop that read it to another thread and back to write the
/// answer, two thread wake-ups per request. Handled with the channel's event loop as the task's
/// executor preference, a request is read, answered and written on one thread, as the line protocol
/// does; work that may block or take long (a slow lookup, a store, a document) still goes to the
/// worker threads (``APIHandlers/answer(_:)``, ``APIHandlers/blocking(_:)``). Neither NIO nor
/// Hummingbird (2.28) offers an event loop as a `TaskExecutor` yet, hence ``EventLoopTaskExecutor``.
struct EventLoopHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        let executor = EventLoopTaskExecutor(eventLoop: value.channel.eventLoop)
        await withTaskExecutorPreference(executor) {
            await base.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with each connection handled on its channel's event loop (``EventLoopHTTP1Channel``).
    static func http1OnEventLoop(configuration: HTTP1Channel.Configuration = .init()) -> HTTPServerBuilder {
        .init { responder in EventLoopHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration)) }
    }
}

/// An event loop as the executor of the tasks that prefer it: their jobs run on the loop's thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
