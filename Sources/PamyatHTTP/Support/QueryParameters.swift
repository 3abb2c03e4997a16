import PamyatServer

/// The parameters of a URL's query (`a=1&b=x%20y`), decoded as forms and browsers encode them
/// (`+` is a space), checked against the names a route accepts.
///
/// Hand-written over the query's UTF-8 bytes: Foundation's `removingPercentEncoding` and
/// `replacingOccurrences` go through NSString, and splitting the `String` at `&` and `=` walks it
/// by characters (grapheme breaking); together they took 12–18 % of the server's CPU time per
/// lookup (perf under tools/http-bench.sh).
struct QueryParameters {
    private(set) var values: [String: String] = [:]

    /// Parses `query`; a parameter given twice, or not among `allowed`, is `bad-request`.
    init(_ query: String?, allowed: Set<String>, route: String) throws {
        guard var query, !query.isEmpty else { return }
        values = try query.withUTF8 { bytes in try Self.parse(bytes, allowed: allowed, route: route) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowed: Set<String>, route: String) throws -> [String: String] {
        var values: [String: String] = [:]
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            defer { start = end + 1 }
            guard end > start else { continue }
            let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let name = decode(UnsafeBufferPointer(rebasing: part[..<(equals ?? part.count)]))
            let value = equals.map { decode(UnsafeBufferPointer(rebasing: part[($0 + 1)...])) } ?? ""
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "it takes none" : "its parameters are \(allowed.sorted().joined(separator: ", "))"
                throw APIError(ServerError(.badRequest, "\(route) has no parameter '\(name.prefix(40))'; \(known)."))
            }
            guard values.updateValue(value, forKey: name) == nil else {
                throw APIError(ServerError(.badRequest, "The parameter \(name) is given twice; give it once."))
            }
        }
        return values
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
    static func decode(_ text: some StringProtocol) -> String {
        var text = String(text)
        return text.withUTF8 { decode($0) }
    }

    /// The UTF-8 bytes `encoded` decoded as the `String` form of `decode` says.
    private static func decode(_ encoded: UnsafeBufferPointer<UInt8>) -> String {
        if let text = PercentDecoding.decode(encoded, plusIsSpace: true) { return text }
        // Only `+` decoded: every other byte is the query's own, so still UTF-8.
        return String(decoding: encoded.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
