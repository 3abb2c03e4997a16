import Foundation
import PamyatServer
import Testing

/// The token as a bearer header, the login cookie and its CSRF checks.
@Suite struct AuthTests {
    static let token = "s3cret-token-for-tests"

    static func withTokenServer(_ body: (HTTPTestServer) async throws -> Void) async throws {
        try await withHTTPServer(configure: { $0.token = try! AccessToken(AuthTests.token) }, body)
    }

    @Test func bearerTokenLetsInAndAnythingElseIsUnauthorized() async throws {
        try await Self.withTokenServer { server in
            let none = try await server.client.get("/api/v1/stats")
            #expect(none.status == 401)
            #expect(none.errorCode == "unauthorized")
            #expect(none.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)

            let wrong = try await server.client.get("/api/v1/stats", headers: ["Authorization": "Bearer nope"])
            #expect(wrong.status == 401)

            let right = try await server.client.get("/api/v1/stats", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(right.status == 200)
            #expect(right.object["units"] as? Int == 4)

            let description = try await server.client.get("/openapi.json")
            #expect(description.status == 200, "the API's description needs no token")
            #expect(description.object["openapi"] as? String == "3.1.0")
        }
    }

    @Test func loginCookieWorksWithCSRFTokenForWrites() async throws {
        try await Self.withTokenServer { server in
            let client = server.client
            let wrong = try await client.post("/login", body: Data("token=nope".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(wrong.status == 401)

            let login = try await client.post("/login", body: Data("token=\(Self.token)".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(login.status == 200, "\(login.text)")
            let csrf = login.object["csrfToken"] as? String ?? ""
            #expect(csrf.count == 64)
            // URLSession folds the two Set-Cookie headers into one, comma-separated.
            let setCookie = login.header("Set-Cookie") ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Path=/"))
            let session = setCookie.components(separatedBy: "pamyat_session=").dropFirst().first?.prefix { $0 != ";" } ?? ""
            #expect(session.count == 64, "\(setCookie)")
            let cookie = ["Cookie": "pamyat_session=\(session); pamyat_csrf=\(csrf)"]

            let read = try await client.get("/api/v1/stats", headers: cookie)
            #expect(read.status == 200)
            let state = try await client.get("/api/v1/session", headers: cookie)
            #expect(state.object["via"] as? String == "session")
            #expect(state.object["csrfToken"] as? String == csrf)

            let pair = ["from": "ru", "to": "en", "pairs": [["source": "Куки работают.", "target": "Cookies work."]]] as [String: Any]
            let noCSRF = try await client.post("/api/v1/add", json: pair, headers: cookie)
            #expect(noCSRF.status == 403)
            #expect(noCSRF.errorCode == "forbidden")

            let otherOrigin = try await client.post(
                "/api/v1/add", json: pair, headers: cookie.merging(["X-CSRF-Token": csrf, "Origin": "http://evil.example"]) { $1 })
            #expect(otherOrigin.status == 403)

            let withCSRF = try await client.post(
                "/api/v1/add", json: pair,
                headers: cookie.merging(["X-CSRF-Token": csrf, "Origin": "http://127.0.0.1:\(server.port)"]) { $1 })
            #expect(withCSRF.status == 200, "\(withCSRF.text)")
            #expect(withCSRF.object["created"] as? Int == 1)

            let logout = try await client.post("/logout", body: Data(), contentType: "application/x-www-form-urlencoded", headers: cookie)
            #expect(logout.status == 204)
            let after = try await client.get("/api/v1/stats", headers: cookie)
            #expect(after.status == 401, "the session ended")
        }
    }

    @Test func withoutATokenEverythingIsOpen() async throws {
        try await withHTTPServer { server in
            let state = try await server.client.get("/api/v1/session")
            #expect(state.object["authRequired"] as? Bool == false)
            #expect(state.object["via"] as? String == "open")
        }
    }
}
