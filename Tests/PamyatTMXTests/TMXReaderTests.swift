import Foundation
import PamyatCore
import Testing
@testable import PamyatTMX

@Suite struct TMXReaderTests {
    @Test func readsUnitsVariantsDatesAndIDs() throws {
        let text = TMXTest.document("""
            <tu tuid="a1" creationdate="20240131T235959Z" changedate="20240201T000000Z" creationid="anna" changeid="boris" usagecount="3">
              <tuv xml:lang="ru"><seg>Привет.</seg></tuv>
              <tuv xml:lang="en"><seg>Hello.</seg></tuv>
            </tu>
            """)
        let (units, reader) = try TMXTest.read(text)
        #expect(units.count == 1)
        let unit = try #require(units.first)
        #expect(unit.externalID == "a1")
        #expect(unit.sourceLanguage == TMXTest.tag("ru"))
        #expect(unit.variants.map(\.language.identifier) == ["ru", "en"])
        #expect(unit.variants.map(\.text) == ["Привет.", "Hello."])
        #expect(unit.variants.allSatisfy { $0.markup == nil }, "plain segments keep no markup")
        #expect(TMXDate.format(unit.createdAt) == "20240131T235959Z")
        #expect(TMXDate.format(unit.changedAt) == "20240201T000000Z")
        #expect(unit.createdBy == "anna" && unit.changedBy == "boris")
        #expect(unit.attributes == ["usagecount": "3"])
        #expect(unit.origin == .imported)
        #expect(reader.header.sourceLanguage == .language(TMXTest.tag("ru")))
        #expect(reader.problems.isEmpty, "\(reader.problems)")
    }

    @Test(arguments: [("en-us", "en-US"), ("RU", "ru"), ("be-by", "be-BY"), ("kk", "kk"), ("EN_gb", "en-GB")])
    func canonicalisesLanguages(given: String, expected: String) throws {
        let text = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a</seg></tuv><tuv xml:lang=\"\(given)\"><seg>b</seg></tuv></tu>")
        let (units, _) = try TMXTest.read(text)
        #expect(units.first?.variants.last?.language.identifier == expected)
    }

    @Test func readsTMX11LangAttribute() throws {
        let (units, reader) = try TMXTest.readFile(TMXTest.fixtures.appendingPathComponent("omegat-tmx11.tmx").path)
        #expect(reader.header.version == "1.1")
        #expect(units.first?.variants.map(\.language.identifier) == ["ru", "kk"])
        #expect(units.first?.sourceLanguage.identifier == "ru")
    }

    @Test func mapsProvenancePropsAndKeepsOthers() throws {
        let text = TMXTest.document("""
            <tu tuid="7">
              <prop type="x-document">contract-12</prop>
              <prop type="x-document-title">Договор № 12</prop>
              <prop type="x-document-date">2024-01-31</prop>
              <prop type="x-position">12-13</prop>
              <prop type="x-alignment-confidence">0.875</prop>
              <prop type="x-origin">aligned</prop>
              <prop type="x-context-prev">Раньше.</prop>
              <prop type="x-context-next">Позже.</prop>
              <prop type="x-LastUsedBy">someone</prop>
              <prop type="x-origin">second one stays a prop</prop>
              <note xml:lang="en">Checked by the editor.</note>
              <tuv xml:lang="ru"><prop type="x-variant">v</prop><note>n</note><seg>Да.</seg></tuv>
              <tuv xml:lang="en"><seg>Yes.</seg></tuv>
            </tu>
            """)
        let unit = try #require(try TMXTest.read(text).units.first)
        #expect(unit.provenance == Provenance(
            documentID: "contract-12", documentTitle: "Договор № 12", documentDate: "2024-01-31", position: "12-13",
            confidence: 0.875, contextPrevious: "Раньше.", contextNext: "Позже."))
        #expect(unit.origin == .aligned)
        #expect(unit.properties == [Property(type: "x-LastUsedBy", value: "someone"), Property(type: "x-origin", value: "second one stays a prop")])
        #expect(unit.notes == [Note(text: "Checked by the editor.", language: "en")])
        #expect(unit.variants[0].properties == [Property(type: "x-variant", value: "v")])
        #expect(unit.variants[0].notes == [Note(text: "n")])
    }

    @Test func keepsInlineMarkupCanonicalAndMatchesOnText() throws {
        let text = TMXTest.document("""
            <tu><tuv xml:lang="ru"><seg>Нажмите <bpt x="1" i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b></ept> <ph type='image' x="2"/> и <hi type="em">вот <ph x="3">&amp;nbsp;</ph>это</hi><!-- c -->.</seg></tuv>
            <tuv xml:lang="en"><seg>Press</seg></tuv></tu>
            """)
        let variant = try #require(try TMXTest.read(text).units.first?.variants.first)
        #expect(variant.text == "Нажмите OK  и вот это.", "codes are not text; hi content is")
        #expect(variant.markup == #"Нажмите <bpt i="1" x="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> <ph type="image" x="2"></ph> и <hi type="em">вот <ph x="3">&amp;nbsp;</ph>это</hi>."#)
    }

    @Test func decodesControlCharacterPlaceholders() throws {
        let text = TMXTest.document("""
            <tu><tuv xml:lang="ru"><seg>a<ph type="x-pamyat-control">&amp;#x1B;</ph>b</seg></tuv>
            <tuv xml:lang="en"><seg>c<ph type="x-pamyat-control">&amp;#x1;</ph><ph x="1">{0}</ph></seg></tuv>
            <tuv xml:lang="be"><seg>d<ph type="x-pamyat-control">&amp;#x41;</ph></seg></tuv></tu>
            """)
        let variants = try #require(try TMXTest.read(text).units.first?.variants)
        #expect(variants[0].text == "a\u{1B}b" && variants[0].markup == nil, "a segment with placeholders only has no markup")
        #expect(variants[1].text == "c\u{1}" && variants[1].markup == #"c<ph type="x-pamyat-control">&amp;#x1;</ph><ph x="1">{0}</ph>"#)
        #expect(variants[2].text == "d" && variants[2].markup != nil, "a placeholder for an allowed character is ordinary markup")
    }

    @Test func readsUTF16WithByteOrderMark() throws {
        let text = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>Ёлка 🎄</seg></tuv><tuv xml:lang=\"en\"><seg>Tree</seg></tuv></tu>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in text.utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                bytes += bigEndian ? pair.reversed() : pair
            }
            let (units, _) = try TMXTest.read(bytes: bytes)
            #expect(units.first?.variants.first?.text == "Ёлка 🎄", "UTF-16 \(bigEndian ? "BE" : "LE")")
        }
    }

    /// A fuzz finding (docs/FUZZING.md): UTF-16 with an odd number of bytes was read without a word
    /// (libxml2 drops the odd byte) or failed with libxml2's own message; it is one TMX error that
    /// says what is wrong, from memory and from a file (read in chunks) alike.
    @Test(arguments: [false, true])
    func utf16WithAnOddByteCountIsRefused(bigEndian: Bool) throws {
        let text = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>Ёлка</seg></tuv><tuv xml:lang=\"en\"><seg>Tree</seg></tuv></tu>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var whole: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            whole += bigEndian ? pair.reversed() : pair
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-odd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in [("a stray last byte", whole + [0x0A]), ("cut inside a character", Array(whole.prefix(whole.count / 2 | 1)))] {
            let path = folder.appendingPathComponent("odd.tmx").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            for source in ["memory", "file"] {
                do {
                    let reader = source == "memory" ? try TMXReader(bytes: bytes, name: "odd.tmx") : try TMXReader(path: path)
                    while try reader.next() != nil {}
                    Issue.record("\(name), from \(source): read without an error")
                } catch {
                    #expect(error.code == .malformedXML, "\(name), from \(source): \(error)")
                    #expect(error.message.contains("odd number of bytes (\(bytes.count) bytes)"), "\(name), from \(source): \(error)")
                    #expect((error.line ?? 0) > 0 && (error.column ?? 0) > 0, "\(name), from \(source): a place: \(error)")
                    #expect(!error.description.contains("\n"), "one line: \(error)")
                }
            }
        }
        let (units, _) = try TMXTest.read(bytes: whole)
        #expect(units.count == 1, "the even file reads")
    }

    @Test func unitsWithoutDatesTakeTheHeaderDateOrTheFallback() throws {
        let withHeaderDate = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a</seg></tuv></tu>")
            .replacingOccurrences(of: "datatype=\"plaintext\"", with: "datatype=\"plaintext\" creationdate=\"20200101T000000Z\"")
        #expect(try TMXTest.read(withHeaderDate).units.first.map { TMXDate.format($0.createdAt) } == "20200101T000000Z")
        let without = TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a</seg></tuv></tu>")
        let unit = try #require(try TMXTest.read(without).units.first)
        #expect(unit.createdAt == Date(timeIntervalSince1970: 1_700_000_000) && unit.changedAt == unit.createdAt)
    }

    @Test func reportsProblemsThatDoNotStopTheImport() throws {
        let text = TMXTest.document("""
            <tu foo="1"><tuv xml:lang="en"><seg>only one, and not in the source language</seg></tuv></tu>
            """)
        let (units, reader) = try TMXTest.read(text)
        #expect(units.count == 1)
        let messages = reader.problems.map(\.message).joined(separator: "\n")
        #expect(messages.contains("foo"), "an unknown attribute is reported")
        #expect(messages.contains("one <tuv> only"))
        #expect(messages.contains("no <tuv> in the source language ru"))
        #expect(reader.problems.allSatisfy { $0.line == 5 }, "\(reader.problems)")
    }

    /// Issue 13, item 6: the rule ADD applies holds for import too: a blank segment (empty, white
    /// space, a lone zero-width space) is not stored. The variant is skipped with a warning naming
    /// its line and column; a unit left with no variant is skipped whole; the rest of the file imports.
    @Test func blankSegmentsAreSkippedWithAWarning() throws {
        let text = TMXTest.document("""
            <tu tuid="1"><tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="en"><seg> \t </seg></tuv></tu>
            <tu tuid="2"><tuv xml:lang="ru"><seg/></tuv><tuv xml:lang="en"><seg>&#x200B;\u{3000}</seg></tuv></tu>
            <tu tuid="3"><tuv xml:lang="ru"><seg>Нет.</seg></tuv><tuv xml:lang="en"><seg>No.</seg></tuv></tu>
            """)
        let (units, reader) = try TMXTest.read(text)
        #expect(units.map(\.externalID) == ["1", "3"], "the all-blank unit is left out")
        #expect(units.first?.variants.map(\.language.identifier) == ["ru"], "the blank en variant is left out")
        let blank = reader.problems.filter { $0.message.contains("empty or white-space-only") }
        #expect(blank.map(\.line) == [5, 6, 6], "\(reader.problems)")
        #expect(reader.problems.contains { $0.line == 6 && $0.message.contains("every <seg> is empty") }, "\(reader.problems)")
    }

    @Test func emptyBodyHasNoUnits() throws {
        let text = #"<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="*all*" datatype="plaintext"/><body/></tmx>"#
        let (units, reader) = try TMXTest.read(text)
        #expect(units.isEmpty)
        #expect(reader.header.sourceLanguage == .all)
    }
}
