/// An error from matching: a bad query or option, or an index that cannot be built or saved.
public struct MatchError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The query holds no text.
        case emptyQuery = "empty-query"
        /// The query is longer than ``FuzzyIndex/maximumQueryBytes``.
        case queryTooLong = "query-too-long"
        /// `--min` outside 0–100, a limit below 1, a negative penalty.
        case badOption = "bad-option"
        /// ICU could not tokenize the language.
        case tokenizer
        /// The index cache file could not be read or written.
        case cache
    }

    public var code: Code
    /// A full sentence that says what to do.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
