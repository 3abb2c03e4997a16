/// One parsed request line: `VERB ARG… name=value…`.
struct Request: Hashable, Sendable {
    /// The verb, uppercased (`lookup` → `LOOKUP`).
    var verb: String
    /// The positional arguments, unescaped, in order.
    var arguments: [String]
    /// The `name=value` options, names lowercased, values unescaped.
    var options: [String: String]

    init(verb: String, arguments: [String] = [], options: [String: String] = [:]) {
        self.verb = verb
        self.arguments = arguments
        self.options = options
    }
}
