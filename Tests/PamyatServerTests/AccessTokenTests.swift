import Foundation
import Testing
@testable import PamyatServer

@Suite struct AccessTokenTests {
    @Test(arguments: [("s3cret", true), ("s3cre", false), ("s3cret!", false), ("S3cret", false), ("", false)])
    func matchesOnlyTheExactToken(candidate: String, expected: Bool) throws {
        #expect(try AccessToken("s3cret").matches(candidate) == expected, "candidate \(candidate)")
    }

    @Test func readsTheFileWithoutTheTrailingNewline() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-token-\(UUID().uuidString)")
        try Data("  tok-en \n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try AccessToken(contentsOf: url).matches("tok-en"))
    }

    @Test func refusesAnEmptyOrMissingFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-token-\(UUID().uuidString)")
        #expect(throws: ServerError.self, "missing file") { try AccessToken(contentsOf: url) }
        try Data("\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ServerError.self, "empty file") { try AccessToken(contentsOf: url) }
    }
}

@Suite struct ServerConfigurationTests {
    @Test(arguments: [("127.0.0.1", true), ("127.1.2.3", true), ("::1", true), ("localhost", true),
                      ("0.0.0.0", false), ("::", false), ("192.0.2.1", false)])
    func knowsLoopbackAddresses(host: String, loopback: Bool) throws {
        #expect(try ServerConfiguration.isLoopback(host) == loopback, "\(host)")
    }

    @Test func refusesAPublicAddressWithoutATokenUnlessInsecure() throws {
        var configuration = ServerConfiguration()
        configuration.host = "0.0.0.0"
        #expect(throws: ServerError.self, "no token") { try configuration.validate() }
        configuration.allowsInsecureListen = true
        try configuration.validate()
        configuration.allowsInsecureListen = false
        configuration.token = try AccessToken("t")
        try configuration.validate()
    }
}
