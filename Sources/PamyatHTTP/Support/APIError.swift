import Foundation
import HTTPTypes
import Hummingbird
import PamyatCore
import PamyatServer

/// An error answered by the HTTP API: `{"error":{"code":CODE,"message":…}}` with an HTTP status.
///
/// The codes are the line protocol's (docs/PROTOCOL.md), mapped to a status by ``status(for:)``;
/// the HTTP API adds a few of its own for what a line cannot meet (``Code``).
public struct APIError: Error, Sendable, HTTPResponseError {
    /// The codes the HTTP API adds to the protocol's.
    public enum Code: String, Sendable, CaseIterable {
        /// A request body over its limit (413).
        case tooLarge = "too-large"
        /// A cookie-authenticated request that changes something without the CSRF token, or from
        /// another origin (403).
        case forbidden
        /// An uploaded TMX file that cannot be read (422).
        case badTMX = "bad-tmx"
        /// Two documents that do not look like translations of each other (422).
        case notTranslations = "not-translations"
        /// A path the server does not serve, or a method it does not allow there (404, 405).
        case noRoute = "no-route"
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Extra response headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public init(_ code: Code, _ message: String) {
        let status: HTTPResponse.Status = switch code {
        case .tooLarge: .contentTooLarge
        case .forbidden: .forbidden
        case .badTMX, .notTranslations: .unprocessableContent
        case .noRoute: .notFound
        }
        self.init(status: status, code: code.rawValue, message: message)
    }

    /// A protocol error with the status its code maps to.
    public init(_ error: ServerError) {
        self.init(status: Self.status(for: error), code: error.code.rawValue, message: error.message)
        if error.code == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="pamyat""# }
    }

    /// `bad-request`, `bad-language`, `bad-utf8` → 400; `unauthorized` → 401; `read-only` → 403;
    /// `not-found` → 404; `line-too-long` → 413; `storage` → 507 for a full disk, 503 for a memory
    /// busy, locked or unreachable, else 500; `busy` → 503; `internal` and the rest → 500.
    public static func status(for error: ServerError) -> HTTPResponse.Status {
        switch error.code {
        case .badRequest, .badLanguage, .badUTF8, .unknownCommand: return .badRequest
        case .unauthorized: return .unauthorized
        case .readOnly: return .forbidden
        case .notFound: return .notFound
        case .lineTooLong: return .contentTooLarge
        case .busy, .unreachable: return .serviceUnavailable
        case .timeout: return .requestTimeout
        case .storage:
            switch error.storeCode {
            case .diskFull?: return HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
            case .busy?, .unavailable?, .unreachable?: return .serviceUnavailable
            case .readOnly?, .notWritable?: return .forbidden
            default: return .internalServerError
            }
        case .internal, .configuration, .badResponse: return .internalServerError
        }
    }

    /// The body: `{"error":{"code":…,"message":…}}`.
    var body: ByteBuffer {
        var bytes = Array(#"{"error":{"code":"#.utf8)
        JSON.appendString(code, to: &bytes)
        bytes.append(contentsOf: Array(#","message":"#.utf8))
        JSON.appendString(message, to: &bytes)
        bytes.append(contentsOf: Array("}}\n".utf8))
        return ByteBuffer(bytes: bytes)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
