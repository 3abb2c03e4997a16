import Foundation

/// Events a test collects from a callback (a store's change feed, a server's hook), so that it
/// waits for what happened rather than for time to pass.
public final class EventRecorder<Event: Sendable>: @unchecked Sendable {  // state guarded by `lock`
    private struct Waiter {
        var predicate: @Sendable (Event) -> Bool
        var continuation: CheckedContinuation<Event, Never>
    }

    private let lock = NSLock()
    private var events: [Event] = []
    private var waiters: [Waiter] = []

    public init() {}

    /// The callback to hand over.
    public var hook: @Sendable (Event) -> Void {
        { [self] event in record(event) }
    }

    /// The events so far, in order.
    public var recorded: [Event] { lock.withLock { events } }

    private func record(_ event: Event) {
        let ready = lock.withLock { () -> [CheckedContinuation<Event, Never>] in
            events.append(event)
            let matched = waiters.filter { $0.predicate(event) }
            waiters.removeAll { $0.predicate(event) }
            return matched.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: event) }
    }

    /// The first event after the first `after` recorded ones that matches `predicate`, waiting for
    /// it when none has come yet.
    @discardableResult
    public func wait(after skipped: Int = 0, for predicate: @escaping @Sendable (Event) -> Bool) async -> Event {
        await withCheckedContinuation { (continuation: CheckedContinuation<Event, Never>) in
            let seen = lock.withLock { () -> Event? in
                if let event = events.dropFirst(skipped).first(where: predicate) { return event }
                waiters.append(Waiter(predicate: predicate, continuation: continuation))
                return nil
            }
            if let seen { continuation.resume(returning: seen) }
        }
    }

    /// How many events have been recorded.
    public var count: Int { lock.withLock { events.count } }
}
