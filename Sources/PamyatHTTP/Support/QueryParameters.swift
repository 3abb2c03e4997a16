import Foundation
import PamyatServer

/// The parameters of a URL's query (`a=1&b=x%20y`), decoded as forms and browsers encode them
/// (`+` is a space), checked against the names a route accepts.
struct QueryParameters {
    private(set) var values: [String: String] = [:]

    /// Parses `query`; a parameter given twice, or not among `allowed`, is `bad-request`.
    init(_ query: String?, allowed: Set<String>, route: String) throws {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "it takes none" : "its parameters are \(allowed.sorted().joined(separator: ", "))"
                throw APIError(ServerError(.badRequest, "\(route) has no parameter '\(name.prefix(40))'; \(known)."))
            }
            guard values[name] == nil else {
                throw APIError(ServerError(.badRequest, "The parameter \(name) is given twice; give it once."))
            }
            values[name] = value
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The parameter `name`, which must be given and not blank.
    func required(_ name: String, route: String) throws -> String {
        guard let value = values[name], !value.allSatisfy(\.isWhitespace) else {
            throw APIError(ServerError(.badRequest, "\(route) needs the parameter \(name); give it."))
        }
        return value
    }

    static func decode(_ text: Substring) -> String {
        // Most names and many values need no decoding: spare them Foundation's two passes.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
