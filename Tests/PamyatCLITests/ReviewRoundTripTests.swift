import Foundation
import Testing

/// `pamyat add --review FILE` writes what was not stored; the same file, edited, goes back in with
/// `--reviewed FILE`.
@Suite struct ReviewRoundTripTests {
    /// A dialog page whose translation leaves out two labels and a description.
    static let original = """
        Окно «Параметры печати»
        Принтер
        Принтер, на который будет отправлено задание.
        Состояние
        Текущее состояние принтера: «Готов», «Занят» или «Нет бумаги».
        Число копий
        Сколько экземпляров напечатать.
        Ориентация
        Книжная или альбомная.
        Двусторонняя печать
        Печатать на обеих сторонах листа, если принтер это умеет.
        """
    static let translation = """
        Print Settings window
        Printer
        The printer to send the job to.
        The current printer status: Ready, Busy, or Out of paper.
        Copies
        How many copies to print.
        Orientation
        Portrait or landscape.
        Print on both sides of the sheet if the printer supports it.
        """

    func rows(_ file: URL) throws -> [[String]] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func unpairedSentencesGoToTheReviewFileAndKeptRowsAreStored() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.original.write(to: folder.appendingPathComponent("print.ru.txt"), atomically: true, encoding: .utf8)
        try Self.translation.write(to: folder.appendingPathComponent("print.en.txt"), atomically: true, encoding: .utf8)
        let env = ["PAMYAT_MEMORIES": folder.path]
        let review = folder.appendingPathComponent("print.review.tsv")
        let added = try PamyatBinary.run(
            ["add", "print.ru.txt", "print.en.txt", "--memory", "tm", "--review", review.path], directory: folder, environment: env)
        #expect(added.status == 0, "stderr: \(added.stderr)")
        #expect(added.stdout.contains("review file: \(review.path) (2 item(s)"), "stdout: \(added.stdout)")
        var rows = try rows(review)
        // The two labels whose translation was left out, nothing else.
        #expect(rows.map { $0[8] } == ["Состояние", "Двусторонняя печать"])
        #expect(rows.allSatisfy { $0[0] == "drop" && $0[7] == "no-translation" && $0[1] == "print" && $0[2] == "ru" && $0[3] == "en" })
        #expect(rows.map { $0[4] } == ["4", "10"])

        // The reviewer writes the missing translation of the first and keeps it.
        rows[0][0] = "keep"
        rows[0][9] = "Status"
        let header = "decision\tdocument\tfrom\tto\tsource_pos\ttarget_pos\tscore\treason\tsource\ttarget\ttitle\tdate"
        try ([header] + rows.map { $0.joined(separator: "\t") }).joined(separator: "\n").write(to: review, atomically: true, encoding: .utf8)
        let stored = try PamyatBinary.run(["add", "--reviewed", review.path, "--memory", "tm"], environment: env)
        #expect(stored.status == 0, "stderr: \(stored.stderr)")
        #expect(stored.stdout.contains("1 row(s) kept, 1 dropped; 1 units added, 0 already present"), "stdout: \(stored.stdout)")
        let lookup = try PamyatBinary.run(["lookup", "--memory", "tm", "--from", "ru", "--to", "en", "--json", "Состояние"], environment: env)
        #expect(lookup.stdout.contains("\"target\":\"Status\""), "stdout: \(lookup.stdout)")
        // Adding the same reviewed file again adds nothing.
        let again = try PamyatBinary.run(["add", "--reviewed", review.path, "--memory", "tm"], environment: env)
        #expect(again.stdout.contains("0 units added, 1 already present"), "stdout: \(again.stdout)")
    }

    @Test func aDirectoryWritesItsReviewFileBesideIt() throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Self.original.write(to: documents.appendingPathComponent("print.ru.txt"), atomically: true, encoding: .utf8)
        try Self.translation.write(to: documents.appendingPathComponent("print.en.txt"), atomically: true, encoding: .utf8)
        let run = try PamyatBinary.run(["add", documents.path, "--memory", "tm"], environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let review = folder.appendingPathComponent("docs.review.tsv")
        #expect(run.stdout.contains("review file: \(review.path)"), "stdout: \(run.stdout)")
        #expect(try rows(review).count == 2)
    }

    @Test(arguments: [
        ("decision\tdocument\tfrom\tto\tsource_pos\ttarget_pos\tscore\treason\tsource\ttarget\nmaybe\td\tru\ten\t1\t1\t0.4\tlow-confidence\tА\tB\n", "r.tsv:2: the decision must be keep or drop"),
        ("decision\tdocument\tfrom\tto\tsource_pos\ttarget_pos\tscore\treason\tsource\ttarget\nkeep\td\tru\ten\t1\t\t0\tno-translation\tА\t\n", "r.tsv:2: a row to keep needs both texts"),
        ("source\ttarget\nА\tB\n", "r.tsv:1: this is not a pamyat review file"),
    ])
    func aBadReviewFileIsRefusedWithItsLineAndStoresNothing(text: String, message: String) throws {
        let folder = try PamyatBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("r.tsv"), atomically: true, encoding: .utf8)
        let run = try PamyatBinary.run(["add", "--reviewed", "r.tsv", "--memory", "tm"], directory: folder, environment: ["PAMYAT_MEMORIES": folder.path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("pamyat: \(message)"), "stderr: \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tm.sqlite").path))
    }
}
