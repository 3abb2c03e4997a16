import Foundation
import PamyatCore

/// Finds the document pairs in a directory for `pamyat add DIR`: `NAME.LANG.txt` files side by
/// side (`.html`/`.htm` too), or `LANG/NAME.txt` in language folders.
public enum DirectoryPairing {
    /// One document: its original and translations, by path.
    public struct Group: Hashable, Sendable {
        public var name: String
        public var original: String
        public var translations: [String]
    }

    static let extensions: Set<String> = ["txt", "text", "html", "htm", "xhtml"]

    /// The groups in `directory`, sorted by name. A group needs a file in `sourceLanguage` and at
    /// least one in another language; names with only one side are returned in `unpaired`.
    public static func groups(in directory: String, sourceLanguage: LanguageTag) throws -> (groups: [Group], unpaired: [String]) {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AddingError(.usage, "no such directory.", source: directory)
        }
        var files: [String: [String: String]] = [:]  // name → language → path
        let entries = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        for entry in entries {
            let url = root.appendingPathComponent(entry)
            var entryIsDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &entryIsDirectory)
            if entryIsDirectory.boolValue {
                let language = entry.lowercased()
                guard LanguageGuess.known.contains(language) else { continue }
                for file in (try? FileManager.default.contentsOfDirectory(atPath: url.path).sorted()) ?? [] {
                    let fileURL = url.appendingPathComponent(file)
                    guard extensions.contains(fileURL.pathExtension.lowercased()) else { continue }
                    let name = fileURL.deletingPathExtension().lastPathComponent
                    files[name, default: [:]][language] = fileURL.path
                }
                continue
            }
            guard extensions.contains(url.pathExtension.lowercased()) else { continue }
            let stem = url.deletingPathExtension().lastPathComponent
            let language = (stem as NSString).pathExtension.lowercased()
            guard LanguageGuess.known.contains(language) else { continue }
            files[(stem as NSString).deletingPathExtension, default: [:]][language] = url.path
        }
        var groups: [Group] = []
        var unpaired: [String] = []
        for name in files.keys.sorted() {
            let byLanguage = files[name]!
            guard let original = byLanguage[sourceLanguage.language] ?? byLanguage[sourceLanguage.identifier], byLanguage.count >= 2 else {
                unpaired += byLanguage.values.sorted()
                continue
            }
            let translations = byLanguage.filter { $0.value != original }.sorted { $0.key < $1.key }.map(\.value)
            groups.append(Group(name: name, original: original, translations: translations))
        }
        return (groups, unpaired)
    }
}
