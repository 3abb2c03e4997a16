/// An error from analysing or pre-translating documents against memories.
public struct AnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The band thresholds given are not a falling list of scores starting at 100.
        case badBands = "bad-bands"
        /// The output file could not be written.
        case cannotWrite = "cannot-write"
    }

    public var code: Code
    /// What went wrong, a full sentence that says what to do.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
