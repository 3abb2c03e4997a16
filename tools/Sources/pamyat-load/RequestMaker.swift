/// Makes the requests of one connection: verbs drawn from the mix, texts from the query list,
/// ADDs with texts unique to this run, connection and request.
struct RequestMaker {
    enum Verb: String, Sendable { case lookup, add, concordance, segment, ping, stats }

    /// The query texts as JSON string literals and as whole LOOKUP lines, made once for all
    /// connections: escaping every text for every request cost the load tool a good part of the
    /// CPU it takes from the server on a shared machine.
    final class Texts: Sendable {
        let queries: [String]
        let quoted: [String]
        let lookupLines: [String]

        init(_ queries: [String]) {
            self.queries = queries
            quoted = queries.map(RequestMaker.quoted)
            lookupLines = quoted.map { "LOOKUP ru en \($0)\n" }
        }
    }

    private var state: UInt64
    private let mix: [(verb: Verb, weight: Int)]
    private let total: Int
    private let texts: Texts
    private let connection: Int
    private let run: String
    private var sequence = 0

    init(mix: [(verb: String, weight: Int)], texts: Texts, connection: Int, run: String) {
        self.mix = mix.compactMap { item in Verb(rawValue: item.verb).map { ($0, item.weight) } }
        total = mix.reduce(0) { $0 + $1.weight }
        self.texts = texts
        self.connection = connection
        self.run = run
        state = UInt64(connection + 1) &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    private mutating func random() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// The next request line (with its line feed) and its verb.
    mutating func next() -> (verb: Verb, line: String) {
        var pick = Int(random() % UInt64(total))
        var verb = mix[0].verb
        for item in mix {
            if pick < item.weight { verb = item.verb; break }
            pick -= item.weight
        }
        sequence += 1
        let chosen = Int(random() % UInt64(texts.queries.count))
        let text = texts.queries[chosen]
        switch verb {
        case .lookup: return (verb, texts.lookupLines[chosen])
        case .concordance:
            let word = text.split(separator: " ").first.map(String.init) ?? text
            return (verb, "CONCORDANCE ru \(Self.quoted(word)) to=en limit=5\n")
        case .segment: return (verb, "SEGMENT ru \(Self.quoted(text + " " + text))\n")
        case .add:
            let tag = "\(run)-\(connection)-\(sequence)"
            return (verb, "ADD ru en \(Self.quoted("Нагрузка \(tag): \(text)")) \(Self.quoted("Load \(tag)")) document=load-\(run)\n")
        case .ping: return (verb, "PING\n")
        case .stats: return (verb, "STATS\n")
        }
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
