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
        var drainGracePeriod: TimeAmount = .seconds(3)
    }

    private let state = NIOLockedValueBox(State())
    let limit: Int

    init(limit: Int) {
        self.limit = limit
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
        _ = state.withLockedValue { $0.channels.removeValue(forKey: id) }
    }

    /// Stops every connection's input and schedules its closing after `gracePeriod`; connections
    /// admitted later are refused.
    func drain(gracePeriod: TimeAmount) {
        let channels = state.withLockedValue { state in
            state.isDraining = true
            return Array(state.channels.values)
        }
        for channel in channels {
            Self.drain(channel, gracePeriod: gracePeriod)
        }
    }

    private static func drain(_ channel: any Channel, gracePeriod: TimeAmount) {
        channel.close(mode: .input, promise: nil)
        channel.eventLoop.scheduleTask(in: gracePeriod) {
            channel.close(promise: nil)
        }
    }
}
