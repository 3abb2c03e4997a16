import Foundation
import Testing

@Suite struct LookupCommandTests {
    @Test func printsScoreMarkedSourceTargetAndProvenance() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", "Президент провёл встречу с делегацией Индии."])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == " 85  Президент провёл встречу с делегацией [-Китая-]{+Индии+}.", "got: \(run.stdout)")
        #expect(lines.dropFirst().first == "     The President met the Chinese delegation.")
        #expect(lines.dropFirst(2).first == "     default · press-1 · 2023-02-13 · unit 1")
    }

    @Test func jsonCarriesTheProtocolFields() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", "--json", "14 февраля 2024 г. состоялось заседание Совета."])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let match = try #require((object["matches"] as? [[String: Any]])?.first)
        for key in ["score", "source", "target", "unit", "memory", "document", "adapted", "diff", "flags", "date"] {
            #expect(match[key] != nil, "field \(key)")
        }
        #expect(match["adapted"] as? Bool == true)
        #expect(match["target"] as? String == "The Council met on 14 February 2024.")
        #expect(match["score"] as? Int == 93, "9 tokens, two numbers replaced: floor(100 × (1 − 0.6/9)) = 93")
        let diff = try #require(match["diff"] as? [[String: Any]])
        #expect(diff.contains { $0["op"] as? String == "replaced" && $0["source"] as? String == "13" && $0["query"] as? String == "14" })
    }

    @Test func batchModeAnswersEveryLineAndUsesThePreviousLineAsContext() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let input = "Визит продлится три дня.\nПрезидент провёл встречу с делегацией Китая.\n\nСовсем другое предложение о погоде.\n"
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", "--json"], stdin: input)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let objects = try run.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 3, "blank lines are skipped")
        let second = try #require((objects[1]["matches"] as? [[String: Any]])?.first)
        #expect(second["score"] as? Int == 101, "the previous line is the stored previous sentence")
        #expect((objects[2]["matches"] as? [Any])?.isEmpty == true)
        let text = try folder.run(["lookup", "--from", "ru", "--to", "en"], stdin: input)
        #expect(text.stdout.contains("» Совсем другое предложение о погоде.\n  no match at or above 70"), "got: \(text.stdout)")
    }

    @Test func anOverlongLineIsRefusedWhileReadingAndTheNextOnesAreAnswered() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        // 300,000 bytes on one line: refused by line number, without its bytes kept (the reader
        // drops them up to the line feed), and the next line is still looked up.
        let input = String(repeating: "слово ", count: 30_000) + "\nПрезидент провёл встречу с делегацией Китая.\n"
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", "--json"], stdin: input)
        #expect(run.status == 65)
        #expect(run.stderr == "pamyat: <stdin>:1: the line is over 10000 bytes (look up one sentence at a time); it was skipped.\n", "stderr: \(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 1 && run.stdout.contains("\"score\":100"), "stdout: \(run.stdout)")
    }

    @Test func theExhaustiveScanPrintsTheSame() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        for query in ["Стороны обсудили вопросы торговли.", "Генеральный секретарь выступил на форуме.", "Президент провёл встречу."] {
            let indexed = try folder.run(["lookup", "--from", "ru", "--to", "en", "--min", "40", query])
            let scanned = try folder.run(["lookup", "--from", "ru", "--to", "en", "--min", "40", "--exhaustive", query])
            #expect(indexed.status == 0 && indexed.stdout == scanned.stdout, "«\(query)»: \(indexed.stdout) vs \(scanned.stdout)")
        }
    }

    @Test func similarWordsAreOptIn() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        // `провел` for `провёл`, `делегацеей` for `делегацией`: whole words by default, 0.2 and 0.1 with the option.
        let query = "Президент провел встречу с делегацеей Китая."
        let plain = try folder.run(["lookup", "--from", "ru", "--to", "en", "--min", "50", "--json", query])
        let similar = try folder.run(["lookup", "--from", "ru", "--to", "en", "--min", "50", "--json", "--similar-words", query])
        func score(_ run: PamyatBinary.Run) throws -> Int? {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return (object["matches"] as? [[String: Any]])?.first?["score"] as? Int
        }
        #expect(plain.status == 0 && similar.status == 0, "stderr: \(plain.stderr) \(similar.stderr)")
        #expect(try score(plain) == 71)
        #expect(try score(similar) == 95)
    }

    @Test func severalMemoriesWithAPenalty() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("main", [LookupFolder.press[3]])
        try folder.memory("old", [("Стороны обсудили вопросы сотрудничества.", "The sides discussed cooperation issues.", nil)], document: "old-1")
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", "--memory", "old", "--memory", "main", "--penalty", "old=5", "--json", "Стороны обсудили вопросы сотрудничества."])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.map { $0["memory"] as? String } == ["main", "old"])
        #expect(matches.map { $0["score"] as? Int } == [100, 95])
    }

    @Test(arguments: [
        (["lookup", "--from", "ru", "--to", "en", ""], Int32(65), "empty"),
        (["lookup", "--from", "ru", "--to", "en", "--min", "101", "Текст"], Int32(64), "--min must be between 0 and 100"),
        (["lookup", "--from", "ru", "--to", "en", "--min", "-1", "Текст"], Int32(64), "--min"),
        (["lookup", "--from", "ru", "--to", "kk", "Текст"], Int32(65), "No memory holds ru→kk"),
        (["lookup", "--from", "ru", "--to", "kk", "Текст"], Int32(65), "Check --from and --to."),
        (["lookup", "--from", "ru", "--to", "xx", "Текст"], Int32(65), "'xx'"),
        (["lookup", "--from", "ru", "--to", "en", "--memory", "nothing", "Текст"], Int32(66), "nothing.sqlite"),
        (["lookup", "--from", "ru", "--to", "en", "--penalty", "other=5", "Текст"], Int32(64), "other"),
        (["lookup", "--from", "ru", "--to", "ru", "Текст"], Int32(64), "both are 'ru'"),
    ])
    func badInputIsAClearErrorAndChangesNothing(arguments: [String], status: Int32, message: String) throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        let run = try folder.run(arguments)
        #expect(run.status == status, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "got: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("nothing.sqlite").path))
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(after.filter { $0.hasSuffix(".sqlite") } == before.filter { $0.hasSuffix(".sqlite") })
    }

    @Test func aHundredKilobyteQueryIsRefused() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let long = String(repeating: "сотрудничество ", count: 4_000)
        let run = try folder.run(["lookup", "--from", "ru", "--to", "en", long])
        #expect(run.status == 65)
        #expect(run.stderr.contains("the most is 10000"), "got: \(run.stderr)")
        let batch = try folder.run(["lookup", "--from", "ru", "--to", "en"], stdin: "Стороны обсудили вопросы сотрудничества.\n\(long)\n")
        #expect(batch.status == 65, "a bad line fails the run")
        #expect(batch.stderr.contains("<stdin>:2:"), "got: \(batch.stderr)")
        #expect(batch.stdout.contains("100  Стороны"), "the good line is still answered")
    }

    @Test func invalidUTF8IsRefused() throws {
        let folder = try LookupFolder()
        defer { folder.remove() }
        try folder.memory("default", LookupFolder.press)
        let argument = try folder.runShell(#""$0" lookup --from ru --to en "$(printf 'abc\377def')""#)
        #expect(argument.status == 65, "stderr: \(argument.stderr)")
        #expect(argument.stderr.contains("not valid UTF-8"))
        let input = try folder.runShell(#"printf 'abc\377\n' | "$0" lookup --from ru --to en"#)
        #expect(input.status == 65, "stderr: \(input.stderr)")
        #expect(input.stderr.contains("<stdin>:1: not valid UTF-8"))
    }
}

/// Issue 13 (13): a negative or zero `--limit` (or `--min`) is named in one line, not "Missing value".
@Suite struct LookupUsageErrorTests {
    @Test(arguments: [["--limit", "-1"], ["--limit", "0"], ["--min", "-5"], ["--limit=-1"]])
    func aNegativeOrZeroValueIsNamedInOneLine(option: [String]) throws {
        let run = try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en"] + option + ["Текст."])
        #expect(run.status == 64, "usage error: \(run.status) \(run.stderr)")
        let name = option[0].split(separator: "=")[0]
        #expect(run.stderr.contains("\(name) must be"), "names the option and the rule: \(run.stderr)")
        #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
    }

    @Test func anUnknownOptionIsOneLine() throws {
        let run = try PamyatBinary.run(["lookup", "--from", "ru", "--to", "en", "--colour", "never", "Текст."])
        #expect(run.status == 64, "usage error: \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("--colour"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
    }
}
