import Foundation
import Testing

/// `pamyat segment` end to end: output formats, standard input, and every kind of bad input.
@Suite struct SegmentCommandTests {
    private let document = """
        Президент А.Г. Лукашенко провёл совещание. Цена 5 тыс. руб. Далее было тихо.

        «Вызовов много», — сказал он. — Мы справимся.
        """

    private func withFile<T>(_ data: Data, _ body: (String) throws -> T) throws -> T {
        let directory = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.txt")
        try data.write(to: file)
        return try body(file.path)
    }

    @Test func printsOneSentencePerLineAndABlankLineBetweenParagraphs() throws {
        let run = try withFile(Data(document.utf8)) { try PamyatBinary.run(["segment", "--lang", "ru", $0]) }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == """
            Президент А.Г. Лукашенко провёл совещание.
            Цена 5 тыс. руб.
            Далее было тихо.

            «Вызовов много», — сказал он.
            — Мы справимся.

            """)
        #expect(run.stderr.isEmpty)
    }

    @Test func readsStandardInputAndPrintsJSON() throws {
        let run = try PamyatBinary.run(["segment", "--lang", "en", "--json", "-"], stdin: Data("Mr. Smith left. He came back.\n\nThe end.\n".utf8))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let decoded = try JSONDecoder().decode([String: [[String]]].self, from: Data(run.stdout.utf8))
        #expect(decoded == ["paragraphs": [["Mr. Smith left.", "He came back."], ["The end."]]])
        #expect(run.stdout.hasPrefix("{\"paragraphs\":[["), "\(run.stdout)")
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Он пришёл.  Она ушла.\r\n\r\nКонец.\r\n".utf8)
        let run = try withFile(data) { try PamyatBinary.run(["segment", "--lang", "ru", $0]) }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "Он пришёл.\nОна ушла.\n\nКонец.\n")
    }

    @Test("Bad input: a one-line error, the documented exit code, nothing on stdout", arguments: [
        ("invalid UTF-8", Data("Привет".utf8) + Data([0xFF, 0x41]), "ru", Int32(65), "byte offset 12"),
        ("binary", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]), "ru", Int32(65), "binary"),
        ("empty", Data(), "ru", Int32(65), "empty"),
        ("blank", Data(" \n\t\r\n".utf8), "ru", Int32(65), "empty"),
        ("unknown language", Data("Текст.".utf8), "xx", Int32(65), "'xx'"),
        ("malformed language tag", Data("Текст.".utf8), "русский", Int32(65), "language tag"),
        ("language without rules", Data("Text.".utf8), "de", Int32(65), "'de'"),
    ])
    func badInput(name: String, data: Data, language: String, status: Int32, mention: String) throws {
        let run = try withFile(data) { try PamyatBinary.run(["segment", "--lang", language, $0]) }
        #expect(run.status == status, "\(name): stderr \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(name): stdout \(run.stdout)")
        #expect(run.stderr.hasPrefix("pamyat: ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(name): \(run.stderr)")
        #expect(run.stderr.contains(mention), "\(name): \(run.stderr)")
    }

    @Test func missingFileExitsWith66() throws {
        let run = try PamyatBinary.run(["segment", "--lang", "ru", "/nonexistent/pamyat/input.txt"])
        #expect(run.status == 66, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("/nonexistent/pamyat/input.txt") && run.stderr.contains("no such file"), "\(run.stderr)")
    }

    @Test func missingLanguageIsAUsageError() throws {
        let run = try PamyatBinary.run(["segment", "-"], stdin: Data("Текст.".utf8))
        #expect(run.status == 64, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func helpTeachesWithAnExampleAndExitCodes() throws {
        let run = try PamyatBinary.run(["segment", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("pamyat segment --lang ru"), "\(run.stdout)")
        #expect(run.stdout.contains("Exit codes") && run.stdout.contains("65") && run.stdout.contains("66"), "\(run.stdout)")
    }
}

/// Issue 13 (9): a line over 1,000,000 bytes is refused while it is read (exit 65, one line naming
/// the file and the line), by `segment` and by `align` (text input).
@Suite struct LongLineCommandTests {
    @Test(arguments: [["segment", "--lang", "ru"], ["align", "--force"]])
    func aLineOverAMillionBytesIsADataErrorNamingTheLine(command: [String]) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = folder.appendingPathComponent("long.ru.txt")
        try (Data("Заголовок.\n".utf8) + Data(repeating: 0x61, count: 1_000_001) + Data("\n".utf8)).write(to: long)
        let other = folder.appendingPathComponent("short.en.txt")
        try Data("A title.\n".utf8).write(to: other)
        let files = command[0] == "align" ? [long.path, other.path] : [long.path]
        let run = try PamyatBinary.run(command + files)
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr == "pamyat: \(long.path):2: the line is longer than 1,000,000 bytes, the most a paragraph may have; break it into paragraphs (one per line).\n")
        #expect(run.stdout.isEmpty)
    }
}
