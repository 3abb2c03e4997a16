import Foundation
import PamyatCore

/// A blocking client that sends whole requests and returns successful responses, for commands
/// that use a server instead of a local memory (`pamyat lookup --connect HOST:PORT`).
public final class RemoteClient {
    private let connection: LineClient
    /// `host:port`, for messages.
    public var endpoint: String { connection.endpoint }

    /// Connects to `endpoint` (`HOST:PORT`, `[IPv6]:PORT`) and, with a token, authenticates.
    public init(endpoint: String, token: String? = nil, timeout: Duration = .seconds(30)) throws(ServerError) {
        let (host, port) = try Self.split(endpoint)
        connection = try LineClient(host: host, port: port, timeout: timeout)
        if let token { _ = try send("AUTH", [token]) }
    }

    /// `HOST:PORT` → its parts; `[::1]:7341` for IPv6.
    static func split(_ endpoint: String) throws(ServerError) -> (host: String, port: Int) {
        guard let colon = endpoint.lastIndex(of: ":"), let port = Int(endpoint[endpoint.index(after: colon)...]),
            (1...65535).contains(port)
        else {
            throw ServerError(.configuration, "'\(endpoint)' is not HOST:PORT; give e.g. 127.0.0.1:7341.")
        }
        var host = String(endpoint[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ServerError(.configuration, "'\(endpoint)' has no host; give e.g. 127.0.0.1:7341.") }
        return (host, port)
    }

    /// `text` as a JSON string literal, ready to put in a request line.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONStringLiteral.encode(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The request line for `verb`, `arguments` and `options`: every value as a JSON string.
    static func line(_ verb: String, _ arguments: [String], options: [(name: String, value: String)]) -> String {
        var bytes = Array(verb.utf8)
        for argument in arguments {
            bytes.append(UInt8(ascii: " "))
            JSONStringLiteral.encode(argument, into: &bytes)
        }
        for option in options {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: Array(option.name.utf8) + [UInt8(ascii: "=")])
            JSONStringLiteral.encode(option.value, into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sends one request and returns its response line as JSON data when it succeeded; a failure
    /// is thrown as the ``ServerError`` the server named.
    public func send(_ verb: String, _ arguments: [String], options: [(name: String, value: String)] = []) throws(ServerError) -> Data {
        let response = try connection.request(Self.line(verb, arguments, options: options))
        let data = Data(response.utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let ok = object["ok"] as? Bool else {
            throw ServerError(
                .badResponse,
                "The server at \(connection.endpoint) sent something that is not the pamyat protocol: '\(TextExcerpt.short(response))'.")
        }
        guard ok else {
            let code = (object["error"] as? String).flatMap(ServerError.Code.init(rawValue:)) ?? .internal
            let message = object["message"] as? String ?? "the server refused the request."
            throw ServerError(code, "\(connection.endpoint): \(message)")
        }
        return data
    }

    /// Decodes a successful response as `T`; a response that does not fit is `bad-response`, naming
    /// where it does not fit and what the server sent (an excerpt).
    public func decode<T: Decodable>(_ type: T.Type, from data: Data, verb: String) throws(ServerError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            let text = String(decoding: data, as: UTF8.self)
            throw ServerError(
                .badResponse,
                "The server at \(connection.endpoint) sent a \(verb) answer pamyat cannot read (\(Self.describe(error))): '\(TextExcerpt.short(text))'.")
        }
    }

    /// Where a decoding error is and what was wrong, in words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return TextExcerpt.short("\(error)") }
        let context: DecodingError.Context
        var detail: String
        switch error {
        case .typeMismatch(let type, let c):
            (context, detail) = (c, "expected \(type)")
        case .valueNotFound(let type, let c):
            (context, detail) = (c, "missing \(type)")
        case .keyNotFound(let key, let c):
            (context, detail) = (c, "no member '\(key.stringValue)'")
        case .dataCorrupted(let c):
            (context, detail) = (c, "not valid JSON")
        @unknown default:
            return TextExcerpt.short("\(error)")
        }
        let path = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        if !path.isEmpty { detail += " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)" }
        return TextExcerpt.short(detail, limit: 120)
    }

    /// Says QUIT and closes the connection.
    public func close() {
        _ = try? connection.request("QUIT")
        connection.close()
    }
}
