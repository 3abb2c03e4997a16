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

    /// `text` with `+` as a space and `%XX` escapes decoded as UTF-8; a malformed escape or bytes
    /// that are not UTF-8 leave the escapes as they are (only `+` decoded).
    ///
    /// Hand-written: Foundation's `removingPercentEncoding` and `replacingOccurrences` go through
    /// NSString and took 18 % of the server's CPU time per lookup (perf, tools/http-bench.sh).
    static func decode(_ text: Substring) -> String {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != utf8.endIndex, let high = hexValue(utf8[index]) else { return spaced(text) }
                index = utf8.index(after: index)
                guard index != utf8.endIndex, let low = hexValue(utf8[index]) else { return spaced(text) }
                index = utf8.index(after: index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? spaced(text)
    }

    private static func spaced(_ text: Substring) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "+" ? " " : $0 }))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
