import Foundation
import PamyatCore
import PamyatService
import PamyatStore
import PamyatTMX
import Testing

@Suite struct XLIFFImporterTests {
    /// A translated XLIFF 1.2 file as a CAT tool gives it back: pamyat's own pre-translation of a
    /// document, its fuzzy proposal confirmed (`final`) and its unmatched sentence translated.
    static func finishedXLIFF(in folder: TemporaryFolder) throws -> String {
        var document = try DocumentPretranslatorTests.pretranslate([
            "Встреча прошла в Минске. Делегация посетила завод тракторов в Гомеле.",
            "Погода сегодня солнечная и тёплая.",
        ])
        document.original = "release-2"
        document.paragraphs[0][1].target = "The delegation visited the tractor plant in Gomel."
        document.paragraphs[1][0].target = "The weather is sunny and warm today."
        document.paragraphs[1][0].proposal = .exact
        var xliff = XLIFFWriter.xliff12(document, toolVersion: "1.0")
        xliff = xliff.replacingOccurrences(of: #"state="needs-review-translation" state-qualifier="fuzzy-match""#, with: #"state="final""#)
        let path = folder.path("release-2.xlf")
        try xliff.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func confirmedSegmentsAreStoredAndFoundWithTheirContext() throws {
        let folder = try TemporaryFolder()
        let path = try Self.finishedXLIFF(in: folder)
        let store = try SQLiteMemoryStore.inMemory()
        let report = try XLIFFImporter().importFile(path, into: store)
        #expect(report.segments == 3)
        #expect(report.created == 3, "the exact match, the confirmed fuzzy one and the new translation")
        #expect(report.sourceLanguage == Tags.ru && report.targetLanguage == Tags.en)
        let again = try XLIFFImporter().importFile(path, into: store)
        #expect(again.created == 0 && again.alreadyPresent == 3, "importing again stores nothing new")
        let service = try LookupService(memories: [LookupService.Memory(name: "main", store: store)])
        let match = try #require(try service.lookup(LookupRequest(
            text: "Делегация посетила завод тракторов в Гомеле.", from: Tags.ru, to: Tags.en, previous: "Встреча прошла в Минске.")).first)
        #expect(match.score == 101, "stored with the sentence before it as context")
        #expect(match.target == "The delegation visited the tractor plant in Gomel.")
        #expect(match.document == "release-2")
    }

    @Test func onlyTheAcceptedStatesAreStored() throws {
        let folder = try TemporaryFolder()
        let path = try Self.finishedXLIFF(in: folder)
        // As some tools write it: translated targets without a state.
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: #" state="translated""#, with: "")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let strict = try XLIFFImporter(acceptedStates: ["final"], unstatedIsConfirmed: false).importFile(path, into: try SQLiteMemoryStore.inMemory())
        #expect(strict.created == 1)
        #expect(strict.skippedByState == ["(none)": 2])
        let lenient = try XLIFFImporter().importFile(path, into: try SQLiteMemoryStore.inMemory())
        #expect(lenient.created == 3, "a 1.2 target without a state counts as translated by default")
    }

    @Test func xliff2SegmentsWithInlineCodes() throws {
        let xliff = """
            <?xml version="1.0"?>
            <xliff version="2.1" srcLang="ru" trgLang="en" xmlns="urn:oasis:names:tc:xliff:document:2.0">
              <file id="f1" original="doc2">
                <unit id="u1"><segment state="final"><source>Привет, <pc id="1">мир</pc><ph id="2"/>!</source><target>Hello, <pc id="1">world</pc><ph id="2"/>!</target></segment></unit>
                <unit id="u2"><segment><source>Нет.</source><target>No.</target></segment></unit>
                <unit id="u3"><segment state="translated"><source>  </source><target>Blank.</target></segment></unit>
              </file>
            </xliff>
            """
        let folder = try TemporaryFolder()
        try xliff.write(toFile: folder.path("v2.xlf"), atomically: true, encoding: .utf8)
        let store = try SQLiteMemoryStore.inMemory()
        let report = try XLIFFImporter().importFile(folder.path("v2.xlf"), into: store)
        #expect(report.created == 1)
        #expect(report.skippedByState == ["initial": 1], "a 2.x segment without a state is initial")
        #expect(report.blankSkipped == 1, "no blank segment is stored, as add and ADD refuse them")
        let hits = try LookupService(memories: [LookupService.Memory(name: "main", store: store)])
            .concordance(ConcordanceRequest(text: "мир", language: Tags.ru, to: Tags.en))
        #expect(hits.first?.text == "Привет, мир!")
        #expect(hits.first?.translations.first?.text == "Hello, world!", "inline codes dropped, the text inside kept")
    }

    @Test(arguments: [
        ("<tmx version=\"1.4\"/>", "not <xliff>"),
        ("<xliff version=\"3.0\"/>", "XLIFF version \"3.0\" is not supported"),
        ("<xliff version=\"1.2\"><file source-language=\"ru\" target-language=\"en\"><body><trans-unit id=\"1\"><source>a</source><target>b</target></trans-unit>", "truncated"),
        ("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a</source><target>b</target></trans-unit></body></file></xliff>", "does not say its source and target languages"),
    ])
    func aBadFileStoresNothing(xliff: String, message: String) throws {
        let folder = try TemporaryFolder()
        try xliff.write(toFile: folder.path("bad.xlf"), atomically: true, encoding: .utf8)
        let store = try SQLiteMemoryStore.inMemory()
        #expect { try XLIFFImporter().importFile(folder.path("bad.xlf"), into: store) } throws: { error in
            (error as? TMXError)?.description.contains(message) == true
        }
        #expect(try store.stats().units == 0)
    }
}

@Suite struct XLIFF21RoundTripTests {
    @Test func aPretranslationInXLIFF21FinishedAndImportedIsFound() throws {
        var document = try DocumentPretranslatorTests.pretranslate([
            "Встреча прошла в Минске. Делегация посетила завод тракторов в Гомеле.",
        ])
        document.original = "release-3"
        let written = XLIFFWriter.xliff21(document, toolVersion: "1.0")
        #expect(written.contains(##"<mtc:match id="m1" ref="#s1" type="tm" matchQuality="85.0" origin="main">"##), "got: \(written)")
        #expect(written.contains(#"<segment id="s1" state="translated">"#))
        let folder = try TemporaryFolder()
        let path = folder.path("release-3.xlf")
        // The translator corrects the fuzzy proposal and confirms everything.
        let finished = written.replacingOccurrences(of: #"state="initial""#, with: #"state="final""#)
            .replacingOccurrences(of: "<target>The delegation visited the tractor plant in Minsk.</target>\n        </segment>",
                                  with: "<target>The delegation visited the tractor plant in Gomel.</target>\n        </segment>")
        try finished.write(toFile: path, atomically: true, encoding: .utf8)
        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        lint.arguments = ["--noout", path]
        try lint.run()
        lint.waitUntilExit()
        #expect(lint.terminationStatus == 0, "well-formed XML")
        let store = try PamyatStore.SQLiteMemoryStore.inMemory()
        let report = try XLIFFImporter().importFile(path, into: store)
        #expect(report.created == 2, "the alternatives (mtc:matches) are not imported, the segments are")
        let match = try #require(try LookupService(memories: [LookupService.Memory(name: "m", store: store)]).lookup(LookupRequest(
            text: "Делегация посетила завод тракторов в Гомеле.", from: Tags.ru, to: Tags.en, previous: "Встреча прошла в Минске.")).first)
        #expect(match.score == 101)
        #expect(match.target == "The delegation visited the tractor plant in Gomel.")
    }
}
