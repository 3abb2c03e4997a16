/// An error from a memory's storage, whatever the store (SQLite today, PostgreSQL later).
///
/// Front ends decide what to do by ``code`` (the CLI's exit code, the server's protocol error), never
/// by ``message``, which is for people.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, independent of the store's engine.
    public enum Code: String, Sendable, CaseIterable {
        /// The memory does not exist (and was not to be created).
        case notFound = "not-found"
        /// The location holds something that is not a pamyat memory (another database, a folder,
        /// an empty file), or a memory that is damaged.
        case notAMemory = "not-a-memory"
        /// The memory was written by a newer pamyat whose schema this version does not know.
        case newerSchema = "newer-schema"
        /// The memory (or its folder) cannot be created or written (permissions).
        case notWritable = "not-writable"
        /// The memory was opened read-only and a write was attempted.
        case readOnly = "read-only"
        /// The disk (or the store's space limit) is full; the write that failed stored nothing.
        case diskFull = "disk-full"
        /// Another process held the memory locked for longer than the store waits.
        case busy
        /// The memory is named by a URL whose kind of store this build does not have.
        case unavailable
        /// The memory's database server cannot be reached or refused the connection (not running,
        /// authentication failed, shut down while in use).
        case unreachable
        /// The memory is named by a URL pamyat cannot read (a malformed `postgresql://` URL, an
        /// unknown parameter).
        case badAddress = "bad-address"
        /// The memory is named by a URL with a scheme pamyat does not know.
        case unsupportedScheme = "unsupported-scheme"
        /// The store's engine reported another error.
        case database
    }

    public var code: Code
    /// A full sentence saying what went wrong and what to do.
    public var message: String
    /// Where the memory is: a file path, or a URL without its password.
    public var location: String?

    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
