import Foundation
import PamyatCore
import Testing
@testable import PamyatTMX

/// Bad files: each is refused with a message naming file, line and column (nothing is returned).
@Suite struct TMXBadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let code: TMXError.Code
        let line: Int
        let says: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ code: TMXError.Code, line: Int, says: String) {
            self.init(name, Array(text.utf8), code, line: line, says: says)
        }

        init(_ name: String, _ bytes: [UInt8], _ code: TMXError.Code, line: Int, says: String) {
            self.name = name
            self.bytes = bytes
            self.code = code
            self.line = line
            self.says = says
        }
    }

    static let good = "<tuv xml:lang=\"en\"><seg>ok</seg></tuv>"

    static let cases: [Case] = [
        Case("malformed XML", TMXTest.document("<tu>\(good)<tuv xml:lang=\"ru\"><seg>a < c</seg></tuv></tu>"), .malformedXML, line: 5, says: "malformed XML"),
        Case("mismatched tags", TMXTest.document("<tu>\(good)<tuv xml:lang=\"ru\"><seg>a <ph>c</seg></tuv></tu>"), .malformedXML, line: 5, says: "mismatch"),
        Case("truncated file", String(TMXTest.document("<tu>\(good)</tu>\n<tu>\(good)</tu>").dropLast(30)), .malformedXML, line: 6, says: "truncated"),
        Case("tu with no tuv", TMXTest.document("<tu>\(good)</tu>\n<tu><prop type=\"a\">b</prop></tu>"), .notTMX, line: 6, says: "<tu> with no <tuv>"),
        Case("empty tu", TMXTest.document("<tu/>"), .notTMX, line: 5, says: "<tu> with no <tuv>"),
        Case("tuv without xml:lang", TMXTest.document("<tu>\(good)\n<tuv><seg>x</seg></tuv></tu>"), .language, line: 6, says: "without xml:lang"),
        Case("unknown language", TMXTest.document("<tu><tuv xml:lang=\"klingon\"><seg>x</seg></tuv></tu>"), .language, line: 5, says: "klingon"),
        Case("unknown version", TMXTest.document("<tu>\(good)</tu>", version: "2.0"), .unsupportedVersion, line: 2, says: "\"2.0\""),
        Case("no version", TMXTest.document("<tu>\(good)</tu>").replacingOccurrences(of: " version=\"1.4\"", with: ""), .unsupportedVersion, line: 2, says: "no version"),
        Case("not TMX", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>", .notTMX, line: 2, says: "not <tmx>"),
        Case("empty file", "", .malformedXML, line: 1, says: "empty"),
        Case("binary file", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x7F, 0x45, 0x4C, 0x46], .malformedXML, line: 1, says: "XML"),
        Case("declared UTF-8, bytes cp1251", Array(TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>@</seg></tuv></tu>").utf8).split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).map(Array.init).joined(separator: [0xCF, 0xF0, 0xE8]).map { $0 }, .malformedXML, line: 5, says: "declared encoding"),
        Case("declared Latin-1", TMXTest.document("<tu>\(good)</tu>").replacingOccurrences(of: "UTF-8", with: "ISO-8859-1"), .unsupportedEncoding, line: 2, says: "ISO-8859-1"),
        Case("declared UTF-16, bytes UTF-8", TMXTest.document("<tu>\(good)</tu>").replacingOccurrences(of: "UTF-8", with: "UTF-16"), .malformedXML, line: 1, says: "declared encoding"),
        Case("element in seg", TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a <b>bold</b></seg></tuv></tu>"), .forbiddenContent, line: 5, says: "<b> is not allowed in <seg>"),
        Case("sub directly in seg", TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a <sub>x</sub></seg></tuv></tu>"), .forbiddenContent, line: 5, says: "<sub> is not allowed in <seg>"),
        Case("hi inside ph", TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg><ph><hi>x</hi></ph></seg></tuv></tu>"), .forbiddenContent, line: 5, says: "<hi> is not allowed in <ph>"),
        Case("bpt without i", TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg><bpt>x</bpt></seg></tuv></tu>"), .forbiddenContent, line: 5, says: "required attribute i"),
        Case("two segs", TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>a</seg><seg>b</seg></tuv></tu>"), .forbiddenContent, line: 5, says: "two <seg>s"),
        Case("tuv without seg", TMXTest.document("<tu><tuv xml:lang=\"ru\"><note>n</note></tuv></tu>"), .notTMX, line: 5, says: "without <seg>"),
        Case("text in body", TMXTest.document("stray text <tu>\(good)</tu>"), .forbiddenContent, line: 5, says: "text is not allowed"),
        Case("bad date", TMXTest.document("<tu creationdate=\"yesterday\">\(good)</tu>"), .date, line: 5, says: "yesterday"),
        // Issue 13, item 5: days that do not exist are refused, never rolled over (20240230 was read as 1 March).
        Case("30 February", TMXTest.document("<tu>\(good)</tu>\n<tu creationdate=\"20240230T120000Z\">\(good)</tu>"), .date, line: 6, says: "20240230T120000Z"),
        Case("month 13", TMXTest.document("<tu changedate=\"20241301T000000Z\">\(good)</tu>"), .date, line: 5, says: "20241301T000000Z"),
        Case("year 0000", TMXTest.document("<tu creationdate=\"00000101T000000Z\">\(good)</tu>"), .date, line: 5, says: "00000101T000000Z"),
        Case("31 April in the header", TMXTest.document("<tu>\(good)</tu>").replacingOccurrences(of: "datatype=\"plaintext\"", with: "datatype=\"plaintext\" creationdate=\"20230431T000000Z\""), .date, line: 3, says: "20230431T000000Z"),
        Case("ISO form, 29 February of a common year", TMXTest.document("<tu creationdate=\"2023-02-29T10:00:00Z\">\(good)</tu>"), .date, line: 5, says: "2023-02-29"),
        Case("x-document-date that does not exist", TMXTest.document("<tu>\(good)</tu>\n<tu><prop type=\"x-document-date\">2024-02-30</prop>\(good)</tu>"), .date, line: 6, says: "2024-02-30"),
        // Issue 13, item 2: an attribute default in the file's own DOCTYPE does not give a <tuv> a language.
        Case("xml:lang defaulted by the DOCTYPE", TMXTest.document("<tu>\(good)\n<tuv><seg>x</seg></tuv></tu>").replacingOccurrences(of: "<tmx version", with: "<!DOCTYPE tmx [<!ATTLIST tuv xml:lang CDATA \"en\">]>\n<tmx version"), .language, line: 7, says: "without xml:lang"),
        Case("external entity (XXE)", """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>
            """, .entities, line: 2, says: "declares the entity"),
        Case("entity expansion bomb", """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>&i;</seg></tuv></tu></body></tmx>
            """, .entities, line: 2, says: "declares the entity"),
        Case("parameter entity", """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body/></tmx>
            """, .entities, line: 2, says: "declares the entity"),
        Case("undeclared entity with an external DTD", """
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>a &nbsp; b</seg></tuv></tu></body></tmx>
            """, .entities, line: 4, says: "refers to the entity &nbsp;"),
    ]

    @Test(arguments: cases)
    func refusesWithFileLineAndColumn(_ bad: Case) throws {
        let error = try #require(TMXTest.failure(bytes: bad.bytes), "\(bad.name): read without an error")
        #expect(error.code == bad.code, "\(bad.name): \(error)")
        #expect(error.file == "bad.tmx")
        #expect(error.line == bad.line, "\(bad.name): \(error)")
        #expect(error.column != nil && error.column! > 0, "\(bad.name): a column: \(error)")
        #expect(error.description.hasPrefix("bad.tmx:\(bad.line):"), "\(error.description)")
        #expect(error.message.contains(bad.says), "\(bad.name): \(error.message)")
    }

    /// Issue 13, item 2: `<!ATTLIST>` defaults in untrusted input add no attribute (no tuid, creationid
    /// or date injected into units that carry none); attributes written on the element are kept.
    @Test func doctypeAttributeDefaultsAreNotApplied() throws {
        let text = TMXTest.document("""
            <tu>\(Self.good)<tuv xml:lang="ru"><seg>да</seg></tuv></tu>
            <tu tuid="own" creationid="alice"><tuv xml:lang="en"><seg>no</seg></tuv><tuv xml:lang="ru"><seg>нет</seg></tuv></tu>
            """).replacingOccurrences(of: "<tmx version", with: """
            <!DOCTYPE tmx [<!ATTLIST tu tuid CDATA "injected" creationid CDATA "mallory" changedate CDATA "20000101T000000Z" segtype CDATA "bogus"><!ATTLIST seg xml:space CDATA "preserve">]>
            <tmx version
            """)
        let (units, reader) = try TMXTest.read(text, name: "defaults.tmx")
        #expect(units.count == 2)
        #expect(units[0].externalID == nil && units[0].createdBy == nil, "\(units[0])")
        #expect(TMXDate.format(units[0].changedAt) == "20231114T221320Z", "no injected changedate: \(units[0].changedAt)")
        #expect(units[1].externalID == "own" && units[1].createdBy == "alice")
        #expect(reader.problems.isEmpty, "no warning about an attribute the file did not write: \(reader.problems)")
    }

    /// Issue 13, item 3: whatever the file holds, an error or warning quotes at most a short excerpt
    /// of it, on one line (an over-long value used to become a multi-megabyte stderr line).
    @Test func messagesQuoteAShortExcerpt() throws {
        let long = String(repeating: "x", count: 2_000_000)
        let name = String(repeating: "n", count: 40_000)  // under libxml2's 50,000-byte limit on names
        let good = Self.good
        let errors: [(String, String)] = [
            ("language", TMXTest.document("<tu><tuv xml:lang=\"en-\(long)\"><seg>x</seg></tuv></tu>")),
            ("date", TMXTest.document("<tu creationdate=\"2024\(long)\">\(good)</tu>")),
            ("version", TMXTest.document("<tu>\(good)</tu>", version: "1.4\(long)")),
            ("element", TMXTest.document("<tu>\(good)<\(name)/></tu>")),
            ("element in body", TMXTest.document("<\(name)/>")),
            ("inline element", TMXTest.document("<tu><tuv xml:lang=\"en\"><seg>a <\(name)/></seg></tuv></tu>")),
            ("it pos", TMXTest.document("<tu><tuv xml:lang=\"en\"><seg><it pos=\"\(long)\">x</it></seg></tuv></tu>")),
            ("x-document-date", TMXTest.document("<tu><prop type=\"x-document-date\">\(long)</prop>\(good)</tu>")),
        ]
        for (what, text) in errors {
            let error = try #require(TMXTest.failure(bytes: Array(text.utf8)), "\(what): read without an error")
            #expect(error.description.utf8.count < 400, "\(what): \(error.description.utf8.count) bytes: \(error.description.prefix(300))")
            #expect(!error.description.contains("\n"), "\(what): one line")
            #expect(error.line != nil && error.column != nil, "\(what): \(error.description.prefix(300))")
        }
        let warned = TMXTest.document("""
            <tu segtype="\(long)" \(name)="v"><tuv xml:lang="en" \(name)="v"><prop type="t" \(name)="v">p</prop><note \(name)="v">n</note><seg>a <ph \(name)="v">p</ph></seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu>
            """, srclang: "en")
        let (_, reader) = try TMXTest.read(warned)
        #expect(reader.problems.count == 6, "\(reader.problems.map { $0.description.prefix(200) })")
        for problem in reader.problems {
            #expect(problem.description.utf8.count < 400 && !problem.description.contains("\n"), "\(problem.description.prefix(300))")
        }
    }

    @Test func externalDTDIsNeverFetched() throws {
        // A DTD that would define &secret; if it were loaded: it is not, so the reference is refused.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!ENTITY secret \"LEAKED\">".utf8).write(to: folder.appendingPathComponent("evil.dtd"))
        let tmx = folder.appendingPathComponent("a.tmx")
        try Data("""
            <?xml version="1.0"?>
            <!DOCTYPE tmx SYSTEM "evil.dtd">
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>x &secret; y</seg></tuv></tu></body></tmx>
            """.utf8).write(to: tmx)
        let error = try #require(TMXTest.failure(path: tmx.path))
        #expect(error.code == .entities && !error.message.contains("LEAKED"), "\(error)")
    }

    @Test func segmentLimitStopsAGiantSegment() throws {
        let limits = TMXLimits(maximumSegmentBytes: 1_000)
        let long = String(repeating: "я", count: 600)
        let text = TMXTest.document("<tu>\(TMXBadInputTests.good)</tu>\n<tu><tuv xml:lang=\"ru\"><seg>\(long)<ph x=\"1\">p</ph>\(long)</seg></tuv></tu>")
        let error = try #require(TMXTest.failure(bytes: Array(text.utf8), limits: limits))
        #expect(error.code == .tooLarge && error.line == 6, "\(error)")
    }

    @Test func textNodeOverTenMegabytesIsRefusedByTheParser() throws {
        // libxml2 (without XML_PARSE_HUGE) refuses a text node over 10,000,000 bytes, so one giant seg
        // in a 2 GB file costs at most that much memory before the file is refused.
        let head = Array(TMXTest.document("<tu><tuv xml:lang=\"ru\"><seg>").utf8.prefix { $0 != 0 })
        var bytes = Array(String(decoding: head, as: UTF8.self).components(separatedBy: "\n</body>")[0].utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 10_500_000)
        bytes += Array("</seg></tuv></tu></body></tmx>".utf8)
        let error = try #require(TMXTest.failure(bytes: bytes))
        #expect(error.code == .malformedXML || error.code == .tooLarge, "\(error)")
    }
}
