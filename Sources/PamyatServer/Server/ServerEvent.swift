import PamyatService

/// What a ``Server`` reports to ``ServerConfiguration/onEvent`` as it happens, so that tests and
/// tools can wait for the server instead of the clock.
public enum ServerEvent: Sendable, Equatable {
    /// A connection was closed and its `--max-connections` slot freed; `open` remain.
    case connectionClosed(open: Int)
    /// A connection stopped reading its client's bytes: it holds the most requests it may, or the
    /// client does not read the answers (backpressure).
    case readingPaused
    /// A memory's index started or finished catching up with its store in the background.
    case index(IndexCatchUpEvent)
}
