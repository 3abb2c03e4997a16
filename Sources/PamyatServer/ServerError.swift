import PamyatCore

/// An error from the server: a protocol error answered to one request, or a reason the server
/// cannot start.
///
/// Protocol errors carry one of the wire codes of `docs/PROTOCOL.md` and are sent to the client as
/// `{"ok":false,"error":CODE,"message":…}`; the connection stays open (except `busy` and `timeout`).
public struct ServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. The raw values of the protocol codes are the wire codes.
    public enum Code: String, Sendable, CaseIterable {
        /// The request is malformed: a bad argument or option, a missing argument, an unknown option.
        case badRequest = "bad-request"
        /// The verb is not one the server knows.
        case unknownCommand = "unknown-command"
        /// A language tag is ill-formed or names no known language.
        case badLanguage = "bad-language"
        /// The line is longer than the server's limit; the rest of it was skipped.
        case lineTooLong = "line-too-long"
        /// The line is not valid UTF-8.
        case badUTF8 = "bad-utf8"
        /// The verb needs `AUTH` first, or the token is wrong.
        case unauthorized
        /// The server is read-only and the verb would write.
        case readOnly = "read-only"
        /// A named thing (a memory) does not exist.
        case notFound = "not-found"
        /// The server has as many connections as it accepts.
        case busy
        /// A request line was not completed (no line feed) within the idle timeout of its first
        /// byte; sent once, then the connection is closed.
        case timeout
        /// The memory's storage failed (a full disk, a memory locked by another process for too
        /// long, a damaged file); the message says what, and nothing of the request was written.
        case storage
        /// Something failed inside the server; the log says what.
        case `internal`
        /// The server cannot start with this configuration (never sent on the wire).
        case configuration
        /// A client cannot reach the server, or the server closed the connection (never sent on the wire).
        case unreachable
        /// A client got from the server what the protocol does not allow: a line over the client's
        /// limit, or a response that is not the JSON it expects (never sent on the wire).
        case badResponse = "bad-response"
    }

    /// The configuration settings a `configuration` error can be about, so that a front end can name
    /// its own option for it (the message names none: the server's messages serve every front end).
    public enum Setting: String, Sendable, CaseIterable {
        /// ``ServerConfiguration/host``, the address listened on.
        case host
        /// ``ServerConfiguration/port``.
        case port
        /// ``ServerConfiguration/token`` (or ``ServerConfiguration/allowsInsecureListen`` instead).
        case token
    }

    public var code: Code
    /// A full sentence saying what went wrong and what to do.
    public var message: String
    /// The configuration setting to change, for a `configuration` error about one.
    public var setting: Setting?
    /// For a `storage` error, what the store said failed (a full disk, a lock held too long …), so
    /// that a front end can tell them apart (the HTTP API answers 507 or 503) without reading the message.
    public var storeCode: StoreError.Code?

    public init(_ code: Code, _ message: String, setting: Setting? = nil) {
        self.code = code
        self.message = message
        self.setting = setting
    }

    public var description: String { message }
}
