import Foundation
import Testing
@testable import PamyatServer

@Suite struct RemoteClientTests {
    @Test(arguments: [("127.0.0.1:7341", "127.0.0.1", 7341), ("localhost:1", "localhost", 1), ("[::1]:80", "::1", 80)])
    func splitsEndpoints(endpoint: String, host: String, port: Int) throws {
        let parts = try RemoteClient.split(endpoint)
        #expect(parts.host == host && parts.port == port, "\(endpoint)")
    }

    @Test(arguments: ["127.0.0.1", ":7341", "host:0", "host:x", "host:70000"])
    func refusesMalformedEndpoints(endpoint: String) {
        #expect(throws: ServerError.self, "\(endpoint)") { try RemoteClient.split(endpoint) }
    }

    @Test func quotesEveryValueSoTheServerParsesItBack() throws {
        let line = RemoteClient.line("LOOKUP", ["ru", "en", "Он сказал: \"да\" x=y"], options: [("prev", "a\tb")])
        #expect(try RequestParser.parse(line) == Request(verb: "LOOKUP", arguments: ["ru", "en", "Он сказал: \"да\" x=y"], options: ["prev": "a\tb"]))
    }

    @Test func returnsSuccessAndThrowsTheServersError() async throws {
        try await withServer(configure: { $0.token = try! AccessToken("tok") }) { server in
            let port = server.port
            try await offThePool {
                let client = try RemoteClient(endpoint: "127.0.0.1:\(port)", token: "tok")
                let data = try client.send("LOOKUP", ["ru", "en", "слово"], options: [("limit", "2")])
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect((object["matches"] as? [[String: Any]])?.first?["limit"] as? Int == 2)
                do {
                    _ = try client.send("LOOKUP", ["xx", "en", "слово"])
                    Issue.record("a bad language must throw")
                } catch let error as ServerError {
                    #expect(error.code == .badLanguage, "\(error)")
                }
                client.close()
                #expect(throws: ServerError.self, "a wrong token") { try RemoteClient(endpoint: "127.0.0.1:\(port)", token: "bad") }
            }
        }
    }
}
