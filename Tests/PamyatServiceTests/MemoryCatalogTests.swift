import Foundation
import PamyatCore
import PamyatService
import Testing

@Suite struct MemoryCatalogTests {
    let cwd = URL(fileURLWithPath: "/nonexistent-work-dir")

    @Test func environmentFolderAndDefaultNameWin() {
        let catalog = MemoryCatalog(environment: ["PAMYAT_MEMORIES": "/srv/tm", "PAMYAT_MEMORY": "press"], currentDirectory: cwd)
        #expect(catalog.resolve(nil).path == "/srv/tm/press.sqlite")
        #expect(catalog.resolve("legal").path == "/srv/tm/legal.sqlite")
        #expect(catalog.resolve("/tmp/x.sqlite").path == "/tmp/x.sqlite")
        #expect(catalog.resolve("./rel.sqlite").path?.hasSuffix("/rel.sqlite") == true)
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

/// `--memory` values with a URL scheme: never a path, a clear typed error when the server is not there.
@Suite struct MemoryCatalogURLTests {
    @Test(arguments: ["postgresql://u:secret@/tm?memory=press&host=", "postgres:///tm?host="])
    func aPostgreSQLURLWithNoServerIsUnreachableAndCreatesNothing(prefix: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A socket folder with no server in it: the connection is refused at once.
        let url = prefix + dir.path
        let catalog = MemoryCatalog(environment: ["PAMYAT_MEMORIES": dir.appendingPathComponent("memories").path], currentDirectory: dir)
        #expect(catalog.resolve(url).path == nil, "a URL is not a file")
        #expect { try catalog.open(url, create: true) } throws: { error in
            let store = error as? StoreError
            return store?.code == .unreachable && store?.message.contains("PostgreSQL") == true
                && !"\(error)".contains("secret")
        }
        #expect { try catalog.withWritableMemory(url) { _ in 0 } } throws: { ($0 as? StoreError)?.code == .unreachable }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no postgresql: folder, no file")
        #expect(!catalog.displayName(url).contains("secret"))
    }

    @Test func anUnknownSchemeIsItsOwnError() throws {
        let catalog = MemoryCatalog(environment: ["PAMYAT_MEMORIES": "/nonexistent-memories"], currentDirectory: URL(fileURLWithPath: "/"))
        #expect { try catalog.open("mysql://db/tm", create: true) } throws: { ($0 as? StoreError)?.code == .unsupportedScheme }
    }

    @Test func theDefaultMemoryFromTheEnvironmentMayBeAURL() throws {
        let catalog = MemoryCatalog(environment: ["PAMYAT_MEMORY": "postgresql://db/tm"], currentDirectory: URL(fileURLWithPath: "/"))
        #expect(catalog.resolve(nil) == .url(scheme: "postgresql", text: "postgresql://db/tm"))
    }
}
