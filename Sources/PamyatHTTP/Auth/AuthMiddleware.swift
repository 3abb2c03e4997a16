import HTTPTypes
import Hummingbird
import PamyatServer

/// Lets a request in when the server has no token, or it carries `Authorization: Bearer TOKEN`
/// (compared in constant time), or the session cookie of `POST /login`; else answers 401.
///
/// A request let in by its cookie that may change something (any method but GET and HEAD) must
/// also carry the session's CSRF token in `X-CSRF-Token` (the page reads it from the `pamyat_csrf`
/// cookie: double submit), and an `Origin` header, when sent, must be this server's; else 403
/// `forbidden`. The cookie is `SameSite=Strict` too, so other sites' pages never send it.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIContext

    static let sessionCookie = "pamyat_session"
    static let csrfCookie = "pamyat_csrf"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// Paths open without a token: logging in and out, the API's description, static files.
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/logout" || path == "/openapi.json" || path.hasPrefix("/static/")
    }

    let token: AccessToken?
    let sessions: SessionStore

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        guard let token else {
            context.authentication = .open
            return try await next(request, context)
        }
        if Self.isPublic(request.uri.path) {
            context.authentication = .publicRoute
            return try await next(request, context)
        }
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", token.matches(String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
                throw APIError(ServerError(.unauthorized, "The bearer token is wrong; send Authorization: Bearer with the server's token."))
            }
            context.authentication = .bearer
            return try await next(request, context)
        }
        if let id = request.cookies[Self.sessionCookie]?.value, let csrf = sessions.csrfToken(of: id) {
            if request.method != .get, request.method != .head {
                try Self.checkCSRF(request, csrfToken: csrf)
            }
            context.authentication = .session(csrfToken: csrf)
            return try await next(request, context)
        }
        throw APIError(ServerError(
            .unauthorized, "This server needs its token: send Authorization: Bearer TOKEN, or log in with POST /login."))
    }

    /// The CSRF checks of a cookie-authenticated request that may change something.
    static func checkCSRF(_ request: Request, csrfToken: String) throws {
        guard let sent = request.headers[csrfHeader], let expected = try? AccessToken(csrfToken), expected.matches(sent) else {
            throw APIError(.forbidden, "A request that changes something needs the X-CSRF-Token header with the value of the pamyat_csrf cookie.")
        }
        if let origin = request.headers[.origin], let host = request.head.authority {
            let stripped = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard stripped == host else {
                throw APIError(.forbidden, "The request comes from another origin (\(origin.prefix(80))); it is refused.")
            }
        }
    }
}
