import Foundation
import PamyatCore
@testable import PamyatTMX

/// Helpers shared by the TMX tests.
enum TMXTest {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let dtd = fixtures.appendingPathComponent("tmx14.dtd")

    static func tag(_ identifier: String) -> LanguageTag { LanguageTag(canonical: identifier) }

    /// Every unit of a TMX document given as text, and the reader (for its header and problems).
    static func read(_ text: String, name: String = "test.tmx", limits: TMXLimits = .default) throws -> (units: [TranslationUnit], reader: TMXReader) {
        try read(bytes: Array(text.utf8), name: name, limits: limits)
    }

    static func read(bytes: [UInt8], name: String = "test.tmx", limits: TMXLimits = .default) throws -> (units: [TranslationUnit], reader: TMXReader) {
        let reader = try TMXReader(bytes: bytes, name: name, limits: limits, fallbackDate: Date(timeIntervalSince1970: 1_700_000_000))
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (units, reader)
    }

    static func readFile(_ path: String) throws -> (units: [TranslationUnit], reader: TMXReader) {
        let reader = try TMXReader(path: path)
        var units: [TranslationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (units, reader)
    }

    /// The TMX the writer makes for `units` (the writer is returned for its counters).
    static func write(_ units: [TranslationUnit], source: TMXHeader.SourceLanguage) throws -> (text: String, writer: TMXWriter) {
        var output: [UInt8] = []
        let header = TMXHeader(creationToolVersion: "0.1.0", sourceLanguage: source, creationDate: Date(timeIntervalSince1970: 1_700_000_000))
        let writer = TMXWriter(header: header) { output.append(contentsOf: $0) }
        try writer.start()
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return (String(decoding: output, as: UTF8.self), writer)
    }

    /// A TMX document around `body` (the `tu`s), with a 1.4 header.
    static func document(_ body: String, srclang: String = "ru", version: String = "1.4") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="\(version)">
        <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="\(srclang)" datatype="plaintext"/>
        <body>
        \(body)
        </body>
        </tmx>
        """
    }

    /// Runs `xmllint --noout --dtdvalid tmx14.dtd` on `text`; returns its exit status and messages.
    static func validate(_ text: String) throws -> (status: Int32, messages: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-tmx-\(UUID().uuidString).tmx")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try validateFile(file.path)
    }

    static func validateFile(_ path: String) throws -> (status: Int32, messages: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--nonet", "--dtdvalid", dtd.path, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension TMXTest {
    /// The error reading `bytes` ends with, or `nil` when every unit was read.
    static func failure(bytes: [UInt8], name: String = "bad.tmx", limits: TMXLimits = .default) -> TMXError? {
        do {
            _ = try read(bytes: bytes, name: name, limits: limits)
            return nil
        } catch {
            return error as? TMXError
        }
    }

    static func failure(path: String) -> TMXError? {
        do {
            _ = try readFile(path)
            return nil
        } catch {
            return error as? TMXError
        }
    }
}
