import Foundation
import PamyatService
import Testing

@Suite struct MemoryCatalogTests {
    let cwd = URL(fileURLWithPath: "/nonexistent-work-dir")

    @Test func environmentFolderAndDefaultNameWin() {
        let catalog = MemoryCatalog(environment: ["PAMYAT_MEMORIES": "/srv/tm", "PAMYAT_MEMORY": "press"], currentDirectory: cwd)
        #expect(catalog.resolve(nil).path == "/srv/tm/press.sqlite")
        #expect(catalog.resolve("legal").path == "/srv/tm/legal.sqlite")
        #expect(catalog.resolve("/tmp/x.sqlite").path == "/tmp/x.sqlite")
        #expect(catalog.resolve("./rel.sqlite").lastPathComponent == "rel.sqlite")
    }

    @Test func xdgDataHomeIsTheFallback() {
        let catalog = MemoryCatalog(environment: ["XDG_DATA_HOME": "/home/u/data"], currentDirectory: cwd)
        #expect(catalog.folder.path == "/home/u/data/pamyat/memories")
        #expect(catalog.defaultName == "default")
        let home = MemoryCatalog(environment: ["HOME": "/home/v"], currentDirectory: cwd)
        #expect(home.folder.path == "/home/v/.local/share/pamyat/memories")
    }

    @Test func aMemoriesFolderInTheWorkingDirectoryIsUsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("memories"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = MemoryCatalog(environment: ["XDG_DATA_HOME": "/elsewhere"], currentDirectory: dir)
        #expect(catalog.resolve(nil).path == dir.appendingPathComponent("memories/default.sqlite").path)
    }
}
