/// An error from text processing: decoding input, ICU, languages.
public struct TextError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The input is not valid UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// A line (a paragraph) of the input is longer than the reader allows.
        case lineTooLong = "line-too-long"
        /// The input looks like a binary file (NUL bytes).
        case binaryInput = "binary-input"
        /// The input holds no text.
        case emptyInput = "empty-input"
        /// The input file does not exist.
        case missingFile = "missing-file"
        /// The input path names a directory, not a file.
        case notAFile = "not-a-file"
        /// The input file exists but cannot be read (permissions, an I/O error).
        case unreadable
        /// A language tag is ill-formed or names no known language.
        case unknownLanguage = "unknown-language"
        /// ICU refused an operation.
        case icu
        /// A shipped rule file (segmentation rules) is malformed: a bug in pamyat's data.
        case rules
    }

    public var code: Code
    /// What went wrong, a full sentence that says what to do.
    public var message: String
    /// The input's name (a file path, `-` for standard input), when known.
    public var source: String?
    /// Byte offset in the input, for decoding errors.
    public var byteOffset: Int?
    /// The line (from 1) in the input, when the error is about one line.
    public var line: Int?

    public init(_ code: Code, _ message: String, source: String? = nil, byteOffset: Int? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.byteOffset = byteOffset
        self.line = line
    }

    public var description: String {
        var prefix = ""
        if let source { prefix = line.map { "\(source):\($0): " } ?? "\(source): " }
        return prefix + message
    }
}
