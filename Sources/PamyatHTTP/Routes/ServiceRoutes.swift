import Foundation
import Hummingbird
import PamyatServer

/// What is not the memories': `POST /login` and `/logout` (the web page's session cookie),
/// `GET /api/v1/session`, `GET /openapi.json`, `GET /metrics` and the static files under `/static/`.
struct ServiceRoutes {
    let api: APIHandlers
    let metrics: HTTPMetrics

    func add(to table: RouteTable) {
        table.add(.post, "/login") { request, context in try await login(request, context: context) }
        table.add(.post, "/logout") { request, _ in logout(request) }
        table.add(.get, "/api/v1/session") { _, context in
            var bytes = Array(#"{"authRequired":"#.utf8) + Array((api.configuration.token != nil ? "true" : "false").utf8)
            if case .session(let csrf) = context.authentication {
                bytes += Array(#","csrfToken":"#.utf8)
                JSON.appendString(csrf, to: &bytes)
            }
            bytes += Array(#","via":"#.utf8)
            JSON.appendString(Self.describe(context.authentication), to: &bytes)
            bytes.append(UInt8(ascii: "}"))
            return JSON.response(bytes)
        }
        table.add(.get, "/openapi.json") { _, _ in
            guard let document = HTTPResources.data("openapi.json") else { throw APIError(.noRoute, "The OpenAPI document is missing from the installation.") }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        table.add(.get, "/metrics") { _, _ in
            try await api.blocking { try metrics.refreshGauges(memories: api.memories) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        table.add(.get, "/static/**") { _, context in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard !path.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }), let data = HTTPResources.data("static/" + path) else {
                throw APIError(.noRoute, "There is no file /static/\(path.prefix(80)).")
            }
            return Response(status: .ok, headers: [.contentType: HTTPResources.contentType(of: path)], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func describe(_ authentication: Authentication) -> String {
        switch authentication {
        case .open: "open"
        case .bearer: "bearer"
        case .session: "session"
        case .publicRoute: "none"
        }
    }

    /// `POST /login` with the form field `token` (or a JSON body `{"token":…}`): opens a session,
    /// sets its cookies, and answers `{"csrfToken":…}`, or redirects (303) to the form's `next`
    /// (a path on this server).
    private func login(_ request: Request, context: APIContext) async throws -> Response {
        let bytes = try await api.body(of: request, limit: 8_192)
        let text = String(decoding: bytes.readableBytesView, as: UTF8.self)
        let fields: [String: String]
        if request.headers[.contentType]?.hasPrefix("application/json") == true {
            fields = try JSON.decode([String: String].self, from: bytes, what: "/login")
        } else {
            fields = try QueryParameters(text, allowed: ["token", "next"], route: "/login").values
        }
        guard let token = api.configuration.token else {
            return JSON.response(Array(#"{"authRequired":false}"#.utf8))
        }
        guard let given = fields["token"], token.matches(given.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw APIError(ServerError(.unauthorized, "The token is wrong."))
        }
        let session = api.sessions.open()
        var response: Response
        if let next = fields["next"], next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") {
            response = Response(status: .seeOther, headers: [.location: next])
        } else {
            var body = Array(#"{"csrfToken":"#.utf8)
            JSON.appendString(session.csrfToken, to: &body)
            body.append(UInt8(ascii: "}"))
            response = JSON.response(body)
        }
        let maxAge = Int(api.configuration.sessionLifetime.components.seconds)
        let secure = api.configuration.secureCookies
        response.setCookie(Cookie(
            name: AuthMiddleware.sessionCookie, value: session.id, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(
            name: AuthMiddleware.csrfCookie, value: session.csrfToken, maxAge: maxAge, path: "/", secure: secure, httpOnly: false, sameSite: .strict))
        return response
    }

    /// `POST /logout`: ends the session and clears its cookies.
    private func logout(_ request: Request) -> Response {
        if let id = request.cookies[AuthMiddleware.sessionCookie]?.value { api.sessions.close(id) }
        var response = Response(status: .noContent)
        for (name, httpOnly) in [(AuthMiddleware.sessionCookie, true), (AuthMiddleware.csrfCookie, false)] {
            response.setCookie(Cookie(name: name, value: "", maxAge: 0, path: "/", secure: api.configuration.secureCookies, httpOnly: httpOnly, sameSite: .strict))
        }
        return response
    }
}
