import Foundation
import PamyatCore
import PamyatService
import Testing

@Suite struct DirectoryPairingTests {
    @Test func pairsFilesByNameAndByLanguageFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pairs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["a.ru.txt", "a.en.txt", "b.ru.html", "b.en.html", "b.be.html", "lonely.ru.txt", "notes.md", "ru/c.txt", "en/c.txt"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let (groups, unpaired) = try DirectoryPairing.groups(in: root.path, sourceLanguage: LanguageTag(canonical: "ru"))
        #expect(groups.map(\.name) == ["a", "b", "c"])
        #expect(groups[1].original.hasSuffix("b.ru.html"))
        #expect(groups[1].translations.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b.be.html", "b.en.html"])
        #expect(groups[2].original.hasSuffix("ru/c.txt"))
        #expect(unpaired.map { URL(fileURLWithPath: $0).lastPathComponent } == ["lonely.ru.txt"])
    }

    @Test func aMissingDirectoryIsAnError() {
        #expect(throws: AddingError.self) { try DirectoryPairing.groups(in: "/nonexistent-\(UUID().uuidString)", sourceLanguage: LanguageTag(canonical: "ru")) }
    }
}
