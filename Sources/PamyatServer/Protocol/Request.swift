/// One parsed request line: `VERB ARG… name=value…`.
package struct Request: Hashable, Sendable {
    /// The verb, uppercased (`lookup` → `LOOKUP`).
    package var verb: String
    /// The positional arguments, unescaped, in order.
    package var arguments: [String]
    /// The `name=value` options, names lowercased, values unescaped.
    package var options: [String: String]

    package init(verb: String, arguments: [String] = [], options: [String: String] = [:]) {
        self.verb = verb
        self.arguments = arguments
        self.options = options
    }
}
