import Foundation
import Glibc
import Testing

/// The command line adds its own options to the libraries' errors (Sources/pamyat/FlagHint.swift):
/// the libraries' messages name none, since they also reach protocol clients (issue 13).
@Suite struct FlagHintCommandTests {
    @Test func anUnheldPairNamesFromAndTo() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", [("Вызовов много.", "Many challenges.", nil)])
        let run = try folder.run(["lookup", "--from", "ru", "--to", "kk", "Вызовов много."])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Check --from and --to.\n"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
    }

    @Test func aConcordanceIntoTheSameLanguageNamesTo() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", [("Вызовов много.", "Many challenges.", nil)])
        let run = try folder.run(["concordance", "--lang", "ru", "--to", "ru", "много"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("Give --to another language than --lang."), "\(run.stderr)")
    }

    @Test func aDirectoryAsMemoryNamesTheMemoryOption() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        let directory = folder.url.appendingPathComponent("not-a-memory.sqlite")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let run = try folder.run(["stats", "--memory", directory.path])
        #expect(run.status != 0, "\(run.stderr)")
        #expect(run.stderr.contains("is a directory") && run.stderr.contains("--memory NAME"), "\(run.stderr)")
    }

    @Test func aPortInUseNamesThePortOption() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        // A port this process holds open: the server cannot listen on it.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 1) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        try folder.memory("default", [("Вызовов много.", "Many challenges.", nil)])
        let run = try folder.run(["serve", "--listen", "127.0.0.1", "--port", "\(port)"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("another program uses that port") && run.stderr.hasSuffix("Choose the port with --port.\n"), "\(run.stderr)")
    }

    @Test func anUnknownDocumentLanguageNamesFromAndTo() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        let original = folder.url.appendingPathComponent("a.txt"), translation = folder.url.appendingPathComponent("b.txt")
        try Data("12345.\n".utf8).write(to: original)
        try Data("67890.\n".utf8).write(to: translation)
        let run = try folder.run(["align", original.path, translation.path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("--from/--to"), "\(run.stderr)")
    }
}
