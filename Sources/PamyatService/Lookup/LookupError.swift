/// An error from a lookup, concordance or add that is about the request, not the text: an unknown
/// memory or language pair, a language given twice, an empty side.
public struct LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No open memory has this name.
        case unknownMemory = "unknown-memory"
        /// No memory holds units in both languages.
        case unknownPair = "unknown-pair"
        /// The source and target language are the same.
        case sameLanguage = "same-language"
        /// A concordance's translation language is the language searched.
        case sameTranslationLanguage = "same-translation-language"
        /// A text is empty, too long or not valid UTF-8.
        case badText = "bad-text"
        /// An option is out of range (a negative penalty, a limit below 1).
        case badOption = "bad-option"
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
