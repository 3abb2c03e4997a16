import NIOConcurrencyHelpers
@testable import PamyatServer

/// The events a test server reported (``ServerConfiguration/onEvent``), so that a test waits for
/// what the server did rather than for time to pass.
final class ServerEventLog: Sendable {
    private struct Waiter {
        var predicate: @Sendable (ServerEvent) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var events: [ServerEvent] = []
        var waiters: [Waiter] = []
    }

    private let state = NIOLockedValueBox(State())

    /// The hook to set as the configuration's `onEvent`.
    var hook: @Sendable (ServerEvent) -> Void {
        { [self] event in record(event) }
    }

    /// The events so far, in order.
    var events: [ServerEvent] { state.withLockedValue { $0.events } }

    private func record(_ event: ServerEvent) {
        let ready = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.events.append(event)
            let matched = state.waiters.filter { $0.predicate(event) }
            state.waiters.removeAll { $0.predicate(event) }
            return matched.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once an event matching `predicate` has been reported (at once if one was).
    func wait(for predicate: @escaping @Sendable (ServerEvent) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let seen = state.withLockedValue { state in
                if state.events.contains(where: predicate) { return true }
                state.waiters.append(Waiter(predicate: predicate, continuation: continuation))
                return false
            }
            if seen { continuation.resume() }
        }
    }

    /// Whether an event matching `predicate` has been reported.
    func contains(where predicate: (ServerEvent) -> Bool) -> Bool {
        state.withLockedValue { $0.events.contains(where: predicate) }
    }
}
