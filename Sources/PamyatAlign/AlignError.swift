/// An error from alignment: a lexicon that cannot be read, ICU refusing a transliterator.
public struct AlignError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A lexicon file is missing or malformed.
        case lexicon
        /// ICU could not open a transliterator the anchors need.
        case icu
    }

    public var code: Code
    /// What went wrong, a full sentence that says what to do.
    public var message: String
    /// The file and line concerned, when there is one (`ru-en.tsv:12`).
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
