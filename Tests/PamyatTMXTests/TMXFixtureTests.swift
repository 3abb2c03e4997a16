import Foundation
import PamyatCore
import Testing
@testable import PamyatTMX

/// Files in the shape other tools write (Fixtures/README.md).
@Suite struct TMXFixtureTests {
    static func read(_ name: String) throws -> (units: [TranslationUnit], reader: TMXReader) {
        try TMXTest.readFile(TMXTest.fixtures.appendingPathComponent(name).path)
    }

    @Test func omegaTLevel2() throws {
        let (units, reader) = try Self.read("omegat-level2.tmx")
        #expect(reader.header.creationTool == "OmegaT" && reader.header.sourceLanguage == .language(TMXTest.tag("ru")))
        #expect(units.count == 3)
        #expect(units[0].variants.map(\.language.identifier) == ["ru", "en-US"])
        #expect(units[0].variants[1].text == "Click Save to continue.")
        #expect(units[0].variants[1].markup == #"Click <bpt i="1" x="1">&lt;b0&gt;</bpt>Save<ept i="1">&lt;/b0&gt;</ept> to continue."#)
        #expect(units[0].variants[1].attributes == ["changeid": "anna", "changedate": "20240312T101500Z", "creationid": "anna", "creationdate": "20240312T101500Z"])
        #expect(units[1].variants[0].text == "Строкавторая строка")
        #expect(units[2].properties.map(\.type) == ["file", "prev", "next"], "OmegaT's own props are kept as they are")
        #expect(reader.problems.isEmpty, "\(reader.problems)")
    }

    @Test func okapi() throws {
        let (units, reader) = try Self.read("okapi.tmx")
        #expect(reader.header.sourceLanguage == .language(TMXTest.tag("en-US")), "en-us is canonicalised")
        #expect(units.map(\.externalID) == ["intro_s1", "intro_s2", "intro_s3"])
        #expect(units[0].variants.map(\.language.identifier) == ["en-US", "ru-RU"])
        #expect(units[0].variants[0].text == "The quick fox & the dog.")
        #expect(units[1].variants[0].text == "See  below.", "sub flows inside codes are not segment text")
        #expect(units[1].variants[0].markup == #"See <ph type="image" x="1">&lt;img src="a.png" alt="<sub>A chart</sub>"/&gt;</ph> below."#)
        #expect(units[2].variants[1].markup == #"<it pos="begin" x="1">&lt;i&gt;</it>Продолжение"#)
        #expect(units[0].properties == [Property(type: "Txt::FileName", value: "intro.html"), Property(type: "Txt::GroupName", value: "p1")])
    }

    @Test func trados() throws {
        let (units, reader) = try Self.read("trados.tmx")
        #expect(reader.header.properties.count == 5 && reader.header.creationID == "OFFICE\\ivanova")
        #expect(units.count == 2)
        let first = units[0]
        #expect(first.sourceLanguage.identifier == "en-GB")
        #expect(first.createdBy == "OFFICE\\ivanova" && first.changedBy == "OFFICE\\petrov")
        #expect(first.attributes == ["lastusagedate": "20230116T093000Z", "usagecount": "3"])
        #expect(first.origin == .imported, "Trados's x-Origin is not pamyat's x-origin")
        #expect(first.properties.contains(Property(type: "x-Origin", value: "TM")))
        #expect(first.variants[0].markup == #"Press <bpt i="1" type="1" x="1"></bpt>OK<ept i="1"></ept> to sign the contract."#)
        #expect(first.variants[0].text == "Press OK to sign the contract.")
        #expect(units[1].variants[1].text == "Итого:  руб.")
    }

    @Test func translateToolkit() throws {
        let (units, _) = try Self.read("translate-toolkit.tmx")
        #expect(units.count == 2)
        #expect(units[0].variants.map(\.language.identifier) == ["en", "be"])
        #expect(units[0].notes == [Note(text: "po2tmx: from messages.po, msgctxt \"error\"")], "a note after the tuvs is kept")
        #expect(units[1].variants[0].text == "<Cancel> & \"Close\"" && units[1].variants[0].markup == nil)
        #expect(units[0].externalID == nil)
    }

    @Test(arguments: ["omegat-level2.tmx", "okapi.tmx", "trados.tmx", "translate-toolkit.tmx", "omegat-tmx11.tmx"])
    func foreignFilesSurviveOurExport(_ name: String) throws {
        let (units, reader) = try Self.read(name)
        let source: TMXHeader.SourceLanguage = reader.header.sourceLanguage
        let (text, _) = try TMXTest.write(units, source: source)
        let validation = try TMXTest.validate(text)
        #expect(validation.status == 0, "\(name): \(validation.messages)")
        let (again, _) = try TMXTest.read(text)
        let wanted = units.enumerated().map { index, unit in
            var unit = unit
            unit.externalID = unit.externalID ?? String(index + 1)
            return unit
        }
        #expect(again == wanted, "\(name)")
    }
}
