/// An error from analysing documents against memories.
public struct AnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The band thresholds given are not a falling list of scores starting at 100.
        case badBands = "bad-bands"
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
