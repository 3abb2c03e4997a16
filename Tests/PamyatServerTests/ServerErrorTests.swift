import Foundation
import Testing
@testable import PamyatServer

/// Every error code over a real socket; after each, the connection still answers.
@Suite struct ServerErrorTests {
    @Test(arguments: [
        ("FROB", "unknown-command"),
        ("LOOKUP ru en", "bad-request"),
        (#"LOOKUP ru en "open"#, "bad-request"),
        ("LOOKUP ru en a min=101", "bad-request"),
        ("LOOKUP ru en a limit=x", "bad-request"),
        ("LOOKUP ru en a colour=red", "bad-request"),
        ("PING extra", "bad-request"),
        (#"ADD ru ru "a" "b""#, "bad-request"),
        (#"ADD ru en "" "b""#, "bad-request"),
        ("LOOKUP xx en a", "bad-language"),
        ("LOOKUP ru english a", "bad-language"),
        ("CONCORDANCE ru a to=zz", "bad-language"),
        ("LOOKUP ru en a memory=missing", "not-found"),
        ("LOOKUP ru en explode", "internal"),
        ("", "bad-request"),
    ])
    func answersTheErrorAndKeepsTheConnection(line: String, code: String) async throws {
        try await withServer { server in
            let client = try await server.connect()
            let answer = try await client.requestJSON(line)
            #expect(answer["ok"] as? Bool == false, "\(line): \(answer)")
            #expect(answer["error"] as? String == code, "\(line): \(answer)")
            #expect((answer["message"] as? String)?.isEmpty == false, "\(line) has a message")
            #expect(try await client.request("PING") == #"{"ok":true}"#, "still usable after \(line)")
        }
    }

    @Test func anOverLongLineIsAnsweredAndSkipped() async throws {
        try await withServer(configure: { $0.maximumLineLength = 1024 }) { server in
            let client = try await server.connect()
            let long = "LOOKUP ru en \"" + String(repeating: "я", count: 5000) + "\""
            try await client.send(line: long)
            try await client.send(line: "PING")
            let answer = try #require(try await client.readJSON())
            #expect(answer["error"] as? String == "line-too-long", "\(answer)")
            #expect((answer["message"] as? String)?.contains("1024") == true, "names the limit: \(answer)")
            #expect(try await client.readLine() == #"{"ok":true}"#, "the PING after it is answered")
        }
    }

    @Test func invalidUTF8IsAnswered() async throws {
        try await withServer { server in
            let client = try await server.connect()
            try await client.send(bytes: Array("LOOKUP ru en ".utf8) + [0xD0, 0x28, 0x0A] + Array("PING\n".utf8))
            let answer = try #require(try await client.readJSON())
            #expect(answer["error"] as? String == "bad-utf8", "\(answer)")
            #expect((answer["message"] as? String)?.contains("byte 14") == true, "names the byte: \(answer)")
            #expect(try await client.readLine() == #"{"ok":true}"#)
        }
    }

    @Test func anUnterminatedLastLineIsAnsweredAsIncomplete() async throws {
        try await withServer { server in
            let client = try await server.connect()
            try await client.send(bytes: Array("PING\nPING".utf8))
            try await client.shutdownSending()
            #expect(try await client.readLine() == #"{"ok":true}"#)
            let answer = try #require(try await client.readJSON())
            #expect(answer["error"] as? String == "bad-request", "\(answer)")
            #expect(try await client.readLine() == nil)
        }
    }

    @Test func aPortInUseIsAClearErrorAtStart() async throws {
        try await withServer { server in
            let error = await #expect(throws: ServerError.self) {
                _ = try await TestServer.start(configure: { $0.port = server.port })
            }
            #expect(error?.code == .configuration)
            #expect(error?.message.contains("another program uses that port") == true, "\(String(describing: error))")
            #expect(error?.setting == .port && error?.message.contains("--") == false, "typed for the front end's hint, no option named: \(String(describing: error))")
            let client = try await server.connect()
            #expect(try await client.request("PING") == #"{"ok":true}"#, "the first server is unharmed")
        }
    }
}

extension TestClient {
    func send(line: String) async throws { try await send(line) }
}
