import Foundation
import PamyatServer
import Testing

/// `pamyat lookup --connect` prints what a local `pamyat lookup` prints.
@Suite struct LookupConnectTests {
    @Test func aLookupThroughTheServerPrintsTheSameAsALocalOne() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("press.sqlite").path
        let server = try ServeCommandTests.ServeProcess(["--memory", memory], memories: folder)
        defer { _ = server.stop() }
        let client = try LineClient(host: "127.0.0.1", port: server.port, timeout: .seconds(10))
        for (ru, en) in [
            ("Президент провёл совещание с членами правительства.", "The President held a meeting with members of the Government."),
            ("В 2023 году объём торговли вырос на 15 процентов.", "In 2023, trade grew by 15 percent."),
            ("Вызовов много.", "There are many challenges."),
        ] {
            #expect(try client.request("ADD ru en \(RemoteClient.quoted(ru)) \(RemoteClient.quoted(en))").hasPrefix(#"{"ok":true"#))
        }
        let environment = ["PAMYAT_MEMORIES": folder.path]
        for extra in [[], ["--json"], ["--min", "50", "--limit", "1"]] {
            let text = "В 2024 году объём торговли вырос на 20 процентов."
            let local = try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en", "--memory", memory] + extra + [text], environment: environment)
            let remote = try PamyatBinary.run(
                ["lookup", "--from", "ru", "--to", "en", "--connect", "127.0.0.1:\(server.port)"] + extra + [text], environment: environment)
            #expect(local.status == 0 && remote.status == 0, "\(extra): \(local.stderr) \(remote.stderr)")
            #expect(local.stdout.contains("20 percent"), "the adapted match: \(local.stdout)")
            #expect(remote.stdout == local.stdout, "\(extra)\nremote: \(remote.stdout)\nlocal: \(local.stdout)")
        }
        let batch = Data("Вызовов много.\nПрезидент провёл совещание с членами Совета.\n".utf8)
        let local = try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en", "--memory", memory], stdin: batch, environment: environment)
        let remote = try PamyatBinary.run(
            ["lookup", "--from", "ru", "--to", "en", "--connect", "127.0.0.1:\(server.port)"], stdin: batch, environment: environment)
        #expect(remote.status == 0 && remote.stdout == local.stdout, "standard input: \(remote.stdout) vs \(local.stdout)")
    }

    @Test func aServerThatIsNotThereIsAClearError() throws {
        let run = try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en", "--connect", "127.0.0.1:1", "Текст."])
        #expect(run.status == 69, "unavailable: \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1:1"), "names the address: \(run.stderr)")
    }
}

/// Issue 13 (10): `lookup --connect` does not trust what the server sends.
@Suite struct LookupConnectUntrustedPeerTests {
    private func lookup(port: Int) throws -> PamyatBinary.Run {
        try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en", "--connect", "127.0.0.1:\(port)", "Текст."])
    }

    @Test func aPeerThatNeverSendsALineFeedIsCutOff() throws {
        // Up to 256 MiB without a line feed; the client stops reading long before.
        let peer = try FakePeer { send in
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 65536)
            for _ in 0..<4096 where send(chunk) {}
        }
        let run = try lookup(port: peer.port)
        #expect(run.status == 76, "a protocol error: \(run.status) \(run.stderr)")
        #expect(run.stderr.lowercased().contains("the server at 127.0.0.1:\(peer.port) sent"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
    }

    @Test func aResponseThatIsNotALookupAnswerIsNamed() throws {
        let peer = try FakePeer { send in
            _ = send(Array(#"{"ok":true,"matches":[{"score":"high"}]}"#.utf8) + [0x0A])
        }
        let run = try lookup(port: peer.port)
        #expect(run.status == 76, "a protocol error: \(run.status) \(run.stderr)")
        #expect(run.stderr.lowercased().contains("the server at 127.0.0.1:\(peer.port) sent"), "\(run.stderr)")
        #expect(!run.stderr.contains("DecodingError") && !run.stderr.contains("typeMismatch"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
    }

    @Test func aResponseThatIsNotJSONIsNamed() throws {
        let peer = try FakePeer { send in _ = send(Array("SSH-2.0-OpenSSH_9.6\r\n".utf8)) }
        let run = try lookup(port: peer.port)
        #expect(run.status == 76, "a protocol error: \(run.status) \(run.stderr)")
        #expect(run.stderr.lowercased().contains("the server at 127.0.0.1:\(peer.port) sent") && run.stderr.contains("SSH-2.0"), "\(run.stderr)")
    }
}
