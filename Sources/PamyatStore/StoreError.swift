/// An error from a memory's storage.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The memory file does not exist (and was not to be created).
        case notFound = "not-found"
        /// The file is not a pamyat memory (another SQLite database, or not SQLite at all).
        case notAMemory = "not-a-memory"
        /// The memory was written by a newer pamyat whose schema this version does not know.
        case newerSchema = "newer-schema"
        /// The memory (or its folder) cannot be created or written.
        case notWritable = "not-writable"
        /// The memory was opened read-only and a write was attempted.
        case readOnly = "read-only"
        /// SQLite reported an error.
        case database
    }

    public var code: Code
    public var message: String
    /// The memory's path.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }
}
