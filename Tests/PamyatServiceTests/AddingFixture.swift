import Foundation
import PamyatCore
import PamyatService

/// A temporary folder with the sample documents and a fresh memory in it; removed by `cleanUp()`.
struct AddingFixture {
    let folder: URL
    let store: any MemoryStore

    static var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("memories/samples")
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-add-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for language in ["ru", "en", "be"] {
            try FileManager.default.copyItem(
                at: Self.samples.appendingPathComponent("press-release.\(language).txt"),
                to: folder.appendingPathComponent("press-release.\(language).txt"))
        }
        store = try MemoryCatalog(environment: ["PAMYAT_MEMORIES": folder.path], currentDirectory: folder).open("test", create: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    var units: [TranslationUnit] {
        get throws {
            var all: [TranslationUnit] = []
            try store.forEachUnit(matching: UnitFilter(), batchSize: 500) { all += $0 }
            return all
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
