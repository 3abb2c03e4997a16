import Foundation
import PamyatCore
import Testing
@testable import PamyatTMX

@Suite struct TMXWriterTests {
    static let ru = TMXTest.tag("ru"), en = TMXTest.tag("en")

    static func unit() -> TranslationUnit {
        TranslationUnit(
            id: 42, sourceLanguage: ru,
            variants: [
                Variant(language: en, text: "Tom & \"Jerry\" <3", attributes: ["creationid": "ed"]),
                Variant(language: ru, text: "Том и «Джерри»", notes: [Note(text: "проверено")]),
            ],
            origin: .aligned,
            provenance: Provenance(documentID: "doc-1", documentTitle: "Title", position: "3", confidence: 0.5),
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), changedAt: Date(timeIntervalSince1970: 1_700_000_100),
            createdBy: "anna", properties: [Property(type: "x-tool", value: "v1")], notes: [Note(text: "n", language: "en")],
            attributes: ["usagecount": "2", "bogus": "dropped"])
    }

    @Test func writesHeaderTuAndProvenance() throws {
        let (text, writer) = try TMXTest.write([Self.unit()], source: .language(Self.ru))
        #expect(writer.unitsWritten == 1)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"))
        #expect(text.contains(#"<header creationtool="pamyat" creationtoolversion="0.1.0" segtype="sentence" o-tmf="pamyat" adminlang="en" srclang="ru" datatype="plaintext" creationdate="20231114T221320Z"/>"#))
        #expect(text.contains(#"<tu tuid="42" creationdate="20231114T221320Z" changedate="20231114T221500Z" creationid="anna" usagecount="2">"#), "\(text)")
        #expect(!text.contains("bogus"), "attributes the DTD does not know are not written")
        for prop in [#"<prop type="x-document">doc-1</prop>"#, #"<prop type="x-document-title">Title</prop>"#,
                     #"<prop type="x-position">3</prop>"#, #"<prop type="x-alignment-confidence">0.5</prop>"#,
                     #"<prop type="x-origin">aligned</prop>"#, #"<prop type="x-tool">v1</prop>"#, #"<note xml:lang="en">n</note>"#] {
            #expect(text.contains(prop), "\(prop)")
        }
        // The header's source language comes first, then the others in order.
        let ruIndex = try #require(text.range(of: #"<tuv xml:lang="ru">"#)).lowerBound
        let enIndex = try #require(text.range(of: #"<tuv xml:lang="en" creationid="ed">"#)).lowerBound
        #expect(ruIndex < enIndex)
        #expect(text.contains("<seg>Tom &amp; \"Jerry\" &lt;3</seg>"))
        #expect(text.hasSuffix("  </body>\n</tmx>\n"))
    }

    @Test func multilingualExportSaysAllAndMarksEachUnitsSource() throws {
        let (text, _) = try TMXTest.write([Self.unit()], source: .all)
        #expect(text.contains(#"srclang="*all*""#))
        #expect(text.contains(#"<tu tuid="42" creationdate="20231114T221320Z" changedate="20231114T221500Z" creationid="anna" srclang="ru""#))
    }

    @Test func refusesAUnitWithoutTheSourceLanguage() throws {
        var unit = Self.unit()
        unit.variants.removeAll { $0.language == Self.ru }
        #expect(throws: TMXError.self) { try TMXTest.write([unit], source: .language(Self.ru)) }
    }

    @Test func controlCharactersBecomePlaceholdersInSegmentsAndAreDroppedElsewhere() throws {
        var unit = Self.unit()
        unit.variants[1].text = "a\u{1}b\u{FFFF}c\r\nd\te"
        unit.properties = [Property(type: "x-bell", value: "ding\u{7}")]
        unit.createdBy = "an\u{0}na"
        let (text, writer) = try TMXTest.write([unit], source: .language(Self.ru))
        #expect(text.contains(#"<seg>a<ph type="x-pamyat-control">&amp;#x1;</ph>b<ph type="x-pamyat-control">&amp;#xFFFF;</ph>c&#xD;"# + "\nd\te</seg>"), "\(text)")
        #expect(text.contains(#"<prop type="x-bell">ding</prop>"#) && text.contains(#"creationid="anna""#))
        #expect(writer.placeholders == 2)
        #expect(writer.droppedCharacters == 2)
        let back = try #require(try TMXTest.read(text).units.first)
        #expect(back.variants.first?.text == "a\u{1}b\u{FFFF}c\r\nd\te", "the placeholders read back as the characters")
        #expect(back.variants.first?.markup == nil)
        #expect(try TMXTest.validate(text).status == 0)
    }

    @Test func attributeValuesKeepTabsNewlinesAndQuotes() throws {
        var unit = Self.unit()
        unit.externalID = "id\t\"1\"\n<&>"
        let (text, _) = try TMXTest.write([unit], source: .language(Self.ru))
        #expect(text.contains(#"tuid="id&#x9;&quot;1&quot;&#xA;&lt;&amp;&gt;""#))
        #expect(try TMXTest.read(text).units.first?.externalID == "id\t\"1\"\n<&>")
    }

    @Test func markupIsWrittenAsStored() throws {
        var unit = Self.unit()
        unit.variants[1] = Variant(language: Self.ru, text: "Нажмите OK", markup: #"Нажмите <bpt i="1" x="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept>"#)
        let (text, _) = try TMXTest.write([unit], source: .language(Self.ru))
        #expect(text.contains(#"<seg>Нажмите <bpt i="1" x="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept></seg>"#))
        let back = try #require(try TMXTest.read(text).units.first)
        #expect(back.variants[0].markup == unit.variants[1].markup && back.variants[0].text == "Нажмите OK")
    }

    @Test func everyWrittenFileIsValidTMX14() throws {
        let (text, _) = try TMXTest.write([Self.unit(), Self.unit()], source: .language(Self.ru))
        let result = try TMXTest.validate(text)
        #expect(result.status == 0, "xmllint: \(result.messages)")
        let (all, _) = try TMXTest.write([Self.unit()], source: .all)
        #expect(try TMXTest.validate(all).status == 0)
    }

    @Test func theValidatorCheckCanFail() throws {
        // Guards the guard: a file the DTD rejects makes xmllint fail.
        let invalid = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a<b>x</b></seg></tuv></tu>")
        #expect(try TMXTest.validate(invalid).status != 0)
    }

    @Test(arguments: ["20240131T235959Z", "19991231T000000Z", "20000229T120000Z"])
    func datesRoundTrip(_ text: String) throws {
        let date = try #require(TMXDate.parse(text))
        #expect(TMXDate.format(date) == text)
    }

    @Test func acceptsISODatesAndRefusesOthers() {
        #expect(TMXDate.parse("2024-01-31T23:59:59Z").map(TMXDate.format) == "20240131T235959Z")
        for bad in ["", "20241301T000000Z", "20240131T235959", "2024013T235959Z", "yesterday"] {
            #expect(TMXDate.parse(bad) == nil, "\(bad)")
        }
    }
}
