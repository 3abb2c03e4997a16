/// An error from aligning or adding documents: languages that cannot be told, a same-language
/// pair, sides too different in length to be translations, a directory without pairs.
public struct AddingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The language of a document could not be told from options, file name or script.
        case unknownLanguage = "unknown-language"
        /// Both documents are in the same language.
        case sameLanguage = "same-language"
        /// The lengths differ too much for one to be a translation of the other (an option of the front end may override the check).
        case implausibleLengths = "implausible-lengths"
        /// A directory holds no pair of documents.
        case noPairs = "no-pairs"
        /// Bad arguments (no translation given, a missing directory).
        case usage
    }

    public var code: Code
    /// What went wrong, a full sentence that says what to do.
    public var message: String
    /// The file or directory concerned.
    public var source: String?

    public init(_ code: Code, _ message: String, source: String? = nil) {
        self.code = code
        self.message = message
        self.source = source
    }

    public var description: String {
        if let source { return "\(source): \(message)" }
        return message
    }
}
