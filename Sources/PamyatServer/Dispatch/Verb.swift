/// The verbs of protocol version 1, with their arguments and options.
enum Verb: String, CaseIterable, Sendable {
    case hello = "HELLO"
    case ping = "PING"
    case lookup = "LOOKUP"
    case concordance = "CONCORDANCE"
    case segment = "SEGMENT"
    case add = "ADD"
    case stats = "STATS"
    case analyze = "ANALYZE"
    case pretranslate = "PRETRANSLATE"
    case auth = "AUTH"
    case quit = "QUIT"

    /// The positional arguments, by name, for messages.
    var arguments: [String] {
        switch self {
        case .hello, .ping, .stats, .quit: []
        case .lookup: ["SRC", "TGT", "TEXT"]
        case .concordance: ["LANG", "TEXT"]
        case .segment: ["LANG", "TEXT"]
        case .add: ["SRC", "TGT", "SOURCE", "TARGET"]
        case .analyze, .pretranslate: ["SRC", "TGT", "DOCUMENT"]
        case .auth: ["TOKEN"]
        }
    }

    /// The options the verb accepts.
    var options: Set<String> {
        switch self {
        case .hello, .ping, .stats, .quit, .auth, .segment: []
        case .lookup: ["min", "limit", "prev", "memory", "similar"]
        case .concordance: ["to", "limit", "memory"]
        case .add: ["document", "memory"]
        case .analyze: ["bands", "input", "memory"]
        case .pretranslate: ["min", "format", "input", "memory"]
        }
    }

    /// The longest `document=` of ADD, in UTF-8 bytes (docs/PROTOCOL.md). Its texts are limited by
    /// `LookupService.maximumAddBytes`.
    static let maximumDocumentBytes = 1_000

    /// Whether the verb may be used before `AUTH` on a server with a token.
    var isAllowedBeforeAuth: Bool { self == .hello || self == .ping || self == .auth || self == .quit }

    /// The usage line, for messages.
    var usage: String {
        let options = self.options.sorted().map { " [\($0)=…]" }.joined()
        return ([rawValue] + arguments).joined(separator: " ") + options
    }
}
