import Foundation
import PamyatCore
import PamyatStore

/// A memories folder with memories written through the store, for the lookup commands.
struct LookupFolder {
    let url: URL

    init() throws { url = try PamyatBinary.temporaryDirectory() }

    func remove() { try? FileManager.default.removeItem(at: url) }

    var environment: [String: String] { ["PAMYAT_MEMORIES": url.path, "NO_COLOR": "1"] }

    /// Writes memory `name` with `units`: `(ru, en, previous ru sentence)`.
    func memory(_ name: String, _ units: [(String, String, String?)], document: String = "press-1") throws {
        let store = try SQLiteMemoryStore(path: url.appendingPathComponent("\(name).sqlite").path)
        let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en")
        try store.write { session in
            for (index, (source, target, previous)) in units.enumerated() {
                _ = try session.store(TranslationUnit(
                    sourceLanguage: ru, variants: [Variant(language: ru, text: source), Variant(language: en, text: target)],
                    origin: .aligned,
                    provenance: Provenance(documentID: document, documentDate: "2023-02-13", position: "\(index + 1)", contextPrevious: previous)),
                    onDuplicate: .keepExisting)
            }
        }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> PamyatBinary.Run {
        try PamyatBinary.run(arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment)
    }

    /// Runs `pamyat ARGS` through the shell, so that an argument can hold bytes that are not UTF-8.
    func runShell(_ script: String) throws -> PamyatBinary.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, PamyatBinary.url.path]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in self.environment { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PamyatBinary.Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static let press: [(String, String, String?)] = [
        ("Президент провёл встречу с делегацией Китая.", "The President met the Chinese delegation.", "Визит продлится три дня."),
        ("13 февраля 2023 г. состоялось заседание Совета.", "The Council met on 13 February 2023.", nil),
        ("Генеральный секретарь ОДКБ выступил на форуме.", "The CSTO Secretary General spoke at the forum.", nil),
        ("Стороны обсудили вопросы сотрудничества.", "The parties discussed cooperation.", nil),
    ]
}
