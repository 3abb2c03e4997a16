/// An error reading or writing TMX: what went wrong, and where (file, line, column).
public struct TMXError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The input cannot be opened or read.
        case io
        /// The output cannot be created or written.
        case cannotWrite = "cannot-write"
        /// Not well-formed XML (a syntax error, a truncated file, bytes that are not the declared encoding).
        case malformedXML = "malformed-xml"
        /// Well-formed XML that is not TMX (another root element, a `tu` with no `tuv`, …).
        case notTMX = "not-tmx"
        /// A `tmx` version this reader does not know.
        case unsupportedVersion = "unsupported-version"
        /// An encoding other than UTF-8 or UTF-16.
        case unsupportedEncoding = "unsupported-encoding"
        /// A DTD that declares entities, or a reference to an entity (XXE and expansion bombs are refused).
        case entities
        /// Content the TMX DTD does not allow (an element in a `seg` that is not inline markup, …).
        case forbiddenContent = "forbidden-content"
        /// A `tuv` without `xml:lang`, or a language that is not a BCP 47 tag.
        case language
        /// A date that is not `YYYYMMDDThhmmssZ`.
        case date
        /// A segment, property, note or unit over the reader's limits (``TMXLimits``).
        case tooLarge = "too-large"
        /// A unit the writer cannot write as asked (no variant in the header's source language).
        case invalidUnit = "invalid-unit"
    }

    public var code: Code
    /// What went wrong, a full sentence that says what to do.
    public var message: String
    /// The file's name as given (`-` for standard input), when known.
    public var file: String?
    /// 1-based line and column in the file, when known.
    public var line: Int?
    public var column: Int?

    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message`, like a compiler.
    public var description: String {
        var place = file ?? ""
        if let line, line > 0 {
            place += place.isEmpty ? "line \(line)" : ":\(line)"
            if let column, column > 0 { place += ":\(column)" }
        }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
