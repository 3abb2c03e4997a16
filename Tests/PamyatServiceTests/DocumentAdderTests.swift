import Foundation
import PamyatCore
import PamyatService
import Testing

@Suite struct DocumentAdderTests {
    @Test func storesAlignedUnitsWithTheirProvenance() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let report = try DocumentAdder(store: fixture.store).add(AddRequest(
            original: fixture.path("press-release.ru.txt"), translations: [fixture.path("press-release.en.txt")],
            title: "Встреча с Генсеком ОДКБ", date: "2024-03-14"))
        #expect(report.status == .added)
        #expect(report.documentID == "press-release")
        #expect(report.unitsAdded == 28 && report.unitsAlreadyPresent == 0)
        let units = try fixture.units
        #expect(units.count == 28)
        let second = try #require(units.first { $0.provenance.position == "2" })
        #expect(second.origin == .aligned)
        #expect(second.sourceLanguage.identifier == "ru")
        #expect(second.provenance.documentID == "press-release")
        #expect(second.provenance.documentTitle == "Встреча с Генсеком ОДКБ")
        #expect(second.provenance.documentDate == "2024-03-14")
        #expect((second.provenance.confidence ?? 0) > 0.9)
        #expect(second.provenance.contextPrevious?.hasPrefix("А.Г. Лукашенко провел встречу") == true)
        #expect(second.provenance.contextNext?.hasPrefix("Встреча прошла") == true)
        #expect(second.variant(in: LanguageTag(canonical: "en"))?.text.hasPrefix("On 14 March 2024") == true)
        let merged = try #require(units.first { $0.provenance.position == "11-12" }, "the 2-1 bead keeps both positions")
        #expect(merged.variant(in: LanguageTag(canonical: "ru"))?.text.hasPrefix("«Компромиссы искать придется. Но мы") == true)
        let document = try #require(try fixture.store.document(id: "press-release"))
        #expect(document.languages.map(\.identifier) == ["ru", "en"])
    }

    @Test func addingTheSameDocumentAgainAddsNothing() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let adder = DocumentAdder(store: fixture.store)
        let request = AddRequest(original: fixture.path("press-release.ru.txt"), translations: [fixture.path("press-release.en.txt")])
        _ = try adder.add(request)
        let before = try fixture.store.changes(after: 0).latest
        let again = try adder.add(request)
        #expect(again.status == .alreadyPresent)
        #expect(again.unitsAdded == 0 && again.unitsAlreadyPresent == 28)
        #expect(try fixture.store.changes(after: 0).latest == before, "nothing written")
    }

    @Test func aNewVersionWithTheSameIDReplacesTheOldUnits() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let adder = DocumentAdder(store: fixture.store)
        _ = try adder.add(AddRequest(original: fixture.path("press-release.ru.txt"), translations: [fixture.path("press-release.en.txt")], documentID: "pr-1"))
        let english = try String(contentsOfFile: fixture.path("press-release.en.txt"), encoding: .utf8)
            .replacingOccurrences(of: "It lasted more than two hours.", with: "It lasted over two hours.")
        let edited = try fixture.write("edited.en.txt", english)
        let report = try adder.add(AddRequest(original: fixture.path("press-release.ru.txt"), translations: [edited], documentID: "pr-1"))
        #expect(report.status == .replaced)
        #expect(report.unitsRemoved == 28 && report.unitsAdded == 28)
        let units = try fixture.units
        #expect(units.count == 28, "old units removed, not kept")
        #expect(units.contains { $0.variants.contains { $0.text.contains("It lasted over two hours.") } })
        #expect(!units.contains { $0.variants.contains { $0.text.contains("more than two hours") } })
    }

    @Test func severalTranslationsMeetInMultilingualUnits() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let report = try DocumentAdder(store: fixture.store).add(AddRequest(
            original: fixture.path("press-release.ru.txt"),
            translations: [fixture.path("press-release.en.txt"), fixture.path("press-release.be.txt")]))
        #expect(report.languages == ["ru", "en", "be"])
        let units = try fixture.units
        let title = try #require(units.first { $0.provenance.position == "1" })
        #expect(title.languages.map(\.identifier) == ["ru", "en", "be"], "one unit with three variants")
        #expect(units.filter { $0.languages.count == 3 }.count >= 25)
        // The English 2-1 bead and the Belarusian 1-1 beads cover different ranges: separate units.
        #expect(units.contains { $0.provenance.position == "11-12" && $0.languages.map(\.identifier) == ["ru", "en"] })
        #expect(units.contains { $0.provenance.position == "11" && $0.languages.map(\.identifier) == ["ru", "be"] })
    }

    @Test func beadsBelowTheThresholdAreReportedNotStored() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let report = try DocumentAdder(store: fixture.store).add(AddRequest(
            original: fixture.path("press-release.ru.txt"), translations: [fixture.path("press-release.en.txt")], minimumConfidence: 0.999))
        #expect(report.lowConfidenceBeads > 0)
        #expect(report.lowConfidence.count == report.lowConfidenceBeads)
        #expect(try fixture.units.count == 28 - report.lowConfidenceBeads)
    }

    @Test func omittedSentencesAreNeverStored() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let lines = try String(contentsOfFile: fixture.path("press-release.en.txt"), encoding: .utf8).split(separator: "\n")
        let shortened = try fixture.write("short.en.txt", lines.enumerated().filter { $0.offset != 6 }.map { String($0.element) }.joined(separator: "\n"))
        let report = try DocumentAdder(store: fixture.store).add(AddRequest(original: fixture.path("press-release.ru.txt"), translations: [shortened]))
        #expect(report.unmatchedSentences == 3, "the left-out paragraph's three sentences")
        let units = try fixture.units
        #expect(units.allSatisfy { $0.variants.count == 2 })
        #expect(!units.contains { $0.variants.contains { $0.text.hasPrefix("Генеральный секретарь проинформировал") } })
    }

    enum BadInput: String, CaseIterable {
        case emptySide, binary, invalidUTF8, sameLanguage, htmlWithoutParagraphs, implausibleLengths
    }

    @Test(arguments: BadInput.allCases)
    func badInputIsRefusedAndNothingIsStored(_ bad: BadInput) throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let original = fixture.path("press-release.ru.txt")
        let translation: String
        switch bad {
        case .emptySide: translation = try fixture.write("empty.en.txt", "\n  \n")
        case .binary: translation = try fixture.write("binary.en.txt", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])
        case .invalidUTF8: translation = try fixture.write("cp1251.en.txt", bytes: [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2])
        case .sameLanguage: translation = original
        case .htmlWithoutParagraphs: translation = try fixture.write("page.en.html", "<html><body><div>menu</div><script>x()</script></body></html>")
        case .implausibleLengths: translation = try fixture.write("short.en.txt", "Lukashenko met the CSTO Secretary General.")
        }
        do {
            _ = try DocumentAdder(store: fixture.store).add(AddRequest(original: original, translations: [translation]))
            Issue.record("\(bad): added")
        } catch {
            // The message serves every front end: the CLI adds its options (FlagHint), a server names none.
            #expect(!error.localizedDescription.isEmpty && !"\(error)".contains("--"), "\(bad): \(error)")
        }
        #expect(try fixture.store.stats().units == 0, "nothing stored for \(bad)")
        #expect(try fixture.store.document(id: "press-release") == nil)
    }

    @Test func forceAlignsImplausibleLengths() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let short = try fixture.write("short.en.txt", "Aleksandr Lukashenko meets with CSTO Secretary General")
        let report = try DocumentAdder(store: fixture.store).add(AddRequest(
            original: fixture.path("press-release.ru.txt"), translations: [short], force: true))
        #expect(report.unitsAdded == 1)
    }

    @Test func documentIDsComeFromFileNames() {
        #expect(DocumentAdder.documentID(forFile: "/x/press-release.ru.txt") == "press-release")
        #expect(DocumentAdder.documentID(forFile: "ru/report.html") == "report")
        #expect(DocumentAdder.documentID(forFile: "news_ru.htm") == "news")
    }
}
