import Foundation
import PamyatCore
import PamyatStore
import Testing
@testable import PamyatServer

/// Storage failures answered as `storage` with what failed, the server staying up.
@Suite struct ServerStorageTests {
    @Test func addOnAFullDiskAnswersStorageAndTheServerStaysUp() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.sqlite").path
        // The fault hook: SQLite's max_page_count makes a real write fail with SQLITE_FULL.
        let store = try SQLiteMemoryStore(path: path, maximumPages: 48)
        let server = try await TestServer.start(memories: [ServedMemory(name: "full", store: store)]) { $0.maximumLineLength = 65_536 }
        let client = try await server.connect()
        let filler = String(repeating: "Длинное предложение о сотрудничестве. ", count: 200)
        var failure: [String: Any]?
        var added = 0
        for index in 0..<1_000 {
            let answer = try await client.requestJSON(#"ADD ru en "\#(index) \#(filler)" "Sentence \#(index).""#)
            if answer["ok"] as? Bool == true {
                added += 1
            } else {
                failure = answer
                break
            }
        }
        let error = try #require(failure, "the page limit must be reached")
        #expect(error["error"] as? String == "storage", "not internal: \(error)")
        let message = error["message"] as? String ?? ""
        #expect(message.contains("disk is full"), "the message says what failed: \(message)")
        #expect(!message.contains(path), "no paths on the wire: \(message)")
        let stats = try await client.requestJSON("STATS")
        #expect(stats["units"] as? Int == added, "the server stays up and kept what it had: \(stats)")
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect(wal == 0, "the write-ahead log is truncated after the failure")
        try await server.stop()
    }
}
