import Foundation
import PamyatCore
import PamyatPostgres
import PamyatStore
import PamyatTestSupport
import Testing

let ru = LanguageTag(canonical: "ru")
let en = LanguageTag(canonical: "en")
let be = LanguageTag(canonical: "be")

/// The stores every conformance test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgresql

    var testDescription: String { rawValue }

    /// A new, empty memory of this kind: a SQLite file in a temporary folder, or a memory in a new
    /// database of the throwaway PostgreSQL cluster. `location` opens it again (``reopen(_:)``).
    func makeMemory() throws -> TestMemory {
        switch self {
        case .sqlite:
            let folder = temporaryFolder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("memory.sqlite").path
            return TestMemory(kind: self, location: path, store: try SQLiteMemoryStore(path: path))
        case .postgresql:
            let url = try ThrowawayPostgres.shared().freshMemoryURL()
            return TestMemory(kind: self, location: url, store: try open(url))
        }
    }
}

extension StoreKind {
    /// Opens the memory at a path or URL of this kind.
    func open(_ location: String, create: Bool = true, readOnly: Bool = false) throws -> any MemoryStore {
        switch self {
        case .sqlite: try SQLiteMemoryStore(path: location, create: create, readOnly: readOnly)
        case .postgresql:
            try PostgresMemoryStore(
                url: location, create: create, readOnly: readOnly,
                cacheFolder: FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-conformance-cache"))
        }
    }
}

/// This process's folder for SQLite memories, removed when the process exits (a store may outlive
/// the test value that made it, so memories are not removed one by one).
let temporaryFolder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-conformance-\(getpid())")
    atexit { try? FileManager.default.removeItem(at: temporaryFolder) }
    return folder
}()

/// A memory made for one test (the SQLite files and the PostgreSQL cluster go with the process).
final class TestMemory {
    let kind: StoreKind
    /// The path or URL that opens the memory again.
    let location: String
    let store: any MemoryStore

    init(kind: StoreKind, location: String, store: any MemoryStore) {
        self.kind = kind
        self.location = location
        self.store = store
    }

    /// Another store on the same memory (other connections, as another process would have).
    func reopen(create: Bool = true, readOnly: Bool = false) throws -> any MemoryStore {
        try kind.open(location, create: create, readOnly: readOnly)
    }
}

/// A ru-en unit for tests.
func pair(_ source: String, _ target: String, document: String? = nil, origin: Origin = .aligned,
          at date: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> TranslationUnit {
    TranslationUnit(
        sourceLanguage: ru,
        variants: [Variant(language: ru, text: source), Variant(language: en, text: target)],
        origin: origin, provenance: Provenance(documentID: document), createdAt: date)
}
