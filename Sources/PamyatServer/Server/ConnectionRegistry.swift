import NIOConcurrencyHelpers
import NIOCore

/// The open connections: counts them against the limit, and on graceful shutdown tells each to
/// stop reading (so it answers what it has received, then closes) and closes it anyway after a grace
/// period.
final class ConnectionRegistry: Sendable {
    enum Admission: Equatable {
        case admitted(Int)
        /// The limit is reached: answer `busy` and close.
        case full
        /// The server is shutting down: close without a word.
        case draining
    }

    private struct State {
        var nextID = 0
        var channels: [Int: any Channel] = [:]
        var isDraining = false
        /// Waiting for the last connection to close.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())
    let limit: Int
    private let onEvent: (@Sendable (ServerEvent) -> Void)?

    init(limit: Int, onEvent: (@Sendable (ServerEvent) -> Void)? = nil) {
        self.limit = limit
        self.onEvent = onEvent
    }

    var count: Int { state.withLockedValue { $0.channels.count } }

    func admit(_ channel: any Channel) -> Admission {
        state.withLockedValue { state in
            if state.isDraining { return .draining }
            guard state.channels.count < limit else { return .full }
            state.nextID += 1
            state.channels[state.nextID] = channel
            return .admitted(state.nextID)
        }
    }

    func remove(_ id: Int) {
        let (waiters, open) = state.withLockedValue { state -> ([CheckedContinuation<Void, Never>], Int) in
            state.channels.removeValue(forKey: id)
            guard state.channels.isEmpty else { return ([], state.channels.count) }
            defer { state.waiters = [] }
            return (state.waiters, 0)
        }
        onEvent?(.connectionClosed(open: open))
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once no connection is open (at once if none is).
    func waitUntilEmpty() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isEmpty = state.withLockedValue { state in
                if state.channels.isEmpty { return true }
                state.waiters.append(continuation)
                return false
            }
            if isEmpty { continuation.resume() }
        }
    }

    /// Stops every connection's input and schedules its closing after `gracePeriod`; connections
    /// admitted later are refused.
    func drain(gracePeriod: TimeAmount) {
        let channels = state.withLockedValue { state -> [any Channel] in
            guard !state.isDraining else { return [] }
            state.isDraining = true
            return Array(state.channels.values)
        }
        for channel in channels {
            Self.drain(channel, gracePeriod: gracePeriod)
        }
    }

    private static func drain(_ channel: any Channel, gracePeriod: TimeAmount) {
        channel.eventLoop.execute {
            // A connection admitted a moment ago may not be registered with its event loop yet;
            // it has received nothing, so it is closed outright.
            guard channel.isActive else {
                channel.close(promise: nil)
                return
            }
            channel.close(mode: .input, promise: nil)
            channel.eventLoop.scheduleTask(in: gracePeriod) {
                channel.close(promise: nil)
            }
        }
    }
}
