import Foundation
import Testing
@testable import PamyatServer

@Suite struct ServerAccessTests {
    @Test func withATokenOnlyHelloPingAuthAndQuitWorkBeforeAuth() async throws {
        try await withServer(configure: { $0.token = try! AccessToken("s3cret-token") }) { server in
            let client = try await server.connect()
            #expect(try await client.requestJSON("HELLO")["authRequired"] as? Bool == true)
            #expect(try await client.request("PING") == #"{"ok":true}"#)
            for line in ["LOOKUP ru en a", "CONCORDANCE ru a", "SEGMENT ru a", #"ADD ru en a b"#, "STATS"] {
                #expect(try await client.requestJSON(line)["error"] as? String == "unauthorized", "\(line) before AUTH")
            }
            #expect(try await client.requestJSON("AUTH wrong")["error"] as? String == "unauthorized")
            #expect(try await client.requestJSON("LOOKUP ru en a")["error"] as? String == "unauthorized", "still locked")
            #expect(try await client.request(#"AUTH "s3cret-token""#) == #"{"ok":true}"#)
            #expect(try await client.requestJSON("LOOKUP ru en a")["matches"] != nil, "unlocked")
            #expect(try await client.requestJSON("STATS")["units"] != nil)

            let other = try await server.connect()
            #expect(try await other.requestJSON("STATS")["error"] as? String == "unauthorized", "AUTH is per connection")
            #expect(try await other.request("QUIT") == #"{"ok":true}"#)
            #expect(try await other.readLine() == nil)
        }
    }

    @Test func withoutATokenAuthIsAccepted() async throws {
        try await withServer { server in
            let client = try await server.connect()
            #expect(try await client.request("AUTH anything") == #"{"ok":true}"#)
        }
    }

    @Test func readOnlyRefusesAddOnly() async throws {
        let backend = FakeBackend()
        try await withServer(backend: backend, configure: { $0.isReadOnly = true }) { server in
            let client = try await server.connect()
            let answer = try await client.requestJSON(#"ADD ru en "a" "b""#)
            #expect(answer["error"] as? String == "read-only", "\(answer)")
            #expect((answer["message"] as? String)?.contains("--") == false, "no command-line option in a protocol answer: \(answer)")
            #expect(backend.addedRequests.isEmpty, "nothing stored")
            #expect(try await client.requestJSON("LOOKUP ru en a")["ok"] as? Bool == true)
            #expect(try await client.requestJSON("HELLO")["readOnly"] as? Bool == true)
        }
    }

    @Test func aPublicAddressWithoutTokenDoesNotStart() async throws {
        await #expect(throws: ServerError.self) {
            _ = try await TestServer.start(configure: { $0.host = "0.0.0.0" })
        }
        do {
            var configuration = ServerConfiguration()
            configuration.host = "0.0.0.0"
            try configuration.validate()
            Issue.record("a public address without a token was accepted")
        } catch {
            #expect(error.code == .configuration && error.setting == .token, "typed, for the front end's hint: \(error)")
            #expect(!error.message.contains("--"), "the server names no command-line option: \(error.message)")
        }
    }
}
