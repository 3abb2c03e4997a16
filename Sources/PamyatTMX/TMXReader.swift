import Foundation
import PamyatCore
import PamyatText

/// Reads a TMX 1.1–1.4b file one translation unit at a time (streaming: memory does not grow with
/// the file), strictly: anything that is not well-formed TMX stops the reading with a ``TMXError``
/// naming file, line and column, so that a caller importing in one transaction imports nothing.
///
/// ```swift
/// let reader = try TMXReader(path: "memory.tmx")
/// while let unit = try reader.next() { … }
/// ```
///
/// - Encodings: UTF-8 or UTF-16 (with a byte order mark, or declared); anything else is refused.
/// - Languages are canonicalised as BCP 47 (`en-us` → `en-US`); TMX 1.1's `lang` is read as `xml:lang`.
/// - Security: DTDs are never loaded, entities never expanded; a file whose DTD declares entities, or
///   that refers to one, is refused (no XXE, no expansion bombs); sizes are bounded by ``TMXLimits``.
/// - Inline markup is kept in ``Variant/markup`` as canonical XML; ``Variant/text`` is the text
///   without it (see ``TMXSegment``).
public final class TMXReader {
    /// The file's header.
    public private(set) var header: TMXHeader
    /// Things worth a warning that did not stop the reading (at most ``maximumProblems`` kept).
    public private(set) var problems: [TMXProblem] = []
    /// Problems found beyond those kept in ``problems``.
    public private(set) var unreportedProblems = 0
    /// How many units ``next()`` has returned.
    public private(set) var unitsRead = 0
    /// `tuv`s left out because their `seg` is empty or white space only (``Variant/isBlank(_:)``),
    /// and units left out because all their `tuv`s were (each also a ``problems`` entry).
    public internal(set) var blankVariantsSkipped = 0
    public internal(set) var blankUnitsSkipped = 0
    public let limits: TMXLimits
    /// The file's name as given.
    public var file: String { xml.file }
    /// Bytes of input read so far (for progress).
    public var bytesConsumed: Int64 { xml.bytesConsumed }

    public static let maximumProblems = 100

    let xml: XMLPullReader
    var languages: [String: LanguageTag] = [:]
    private var finished = false

    /// The date given to units that carry none (no `creationdate`/`changedate` on the `tu` or the header).
    public let fallbackDate: Date

    /// Opens `path` (`-` for standard input) and reads up to the first unit. Units without dates get
    /// the header's `creationdate`, else the file's modification date (so that importing the same file
    /// twice gives the same dates).
    public convenience init(path: String, limits: TMXLimits = .default) throws(TMXError) {
        let modified = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        try self.init(xml: XMLPullReader(path: path), limits: limits, fallbackDate: modified ?? Date())
    }

    /// Reads TMX from bytes in memory; `name` is used in messages.
    public convenience init(
        bytes: [UInt8], name: String = "<memory>", limits: TMXLimits = .default, fallbackDate: Date = Date()
    ) throws(TMXError) {
        try self.init(xml: XMLPullReader(bytes: bytes, name: name), limits: limits, fallbackDate: fallbackDate)
    }

    private init(xml: XMLPullReader, limits: TMXLimits, fallbackDate: Date) throws(TMXError) {
        self.xml = xml
        self.limits = limits
        self.fallbackDate = Date(timeIntervalSince1970: fallbackDate.timeIntervalSince1970.rounded(.down))
        header = TMXHeader(creationToolVersion: "", sourceLanguage: .all, creationDate: nil)
        try readPrologue()
    }

    /// The next unit, or `nil` at the end of the file.
    public func next() throws(TMXError) -> TranslationUnit? {
        if finished { return nil }
        while try xml.read() {
            switch xml.kind {
            case .element:
                guard xml.name == "tu" else {
                    throw error(.forbiddenContent, "<\(quote(xml.name))> is not allowed in <body>; only <tu> is.")
                }
                guard let unit = try readUnit() else { continue }
                unitsRead += 1
                return unit
            case .endElement:
                // </body>: then </tmx> and the end of the document must follow.
                try readEpilogue()
                finished = true
                return nil
            case .text, .none:
                try skipIgnorable(in: "body")
            }
        }
        throw truncated()
    }

    // MARK: Prologue: XML declaration, DOCTYPE, <tmx>, <header>, <body>

    private func readPrologue() throws(TMXError) {
        guard try xml.read() else { throw error(.notTMX, "the file holds no XML element; it is not a TMX file.") }
        try checkEncoding()
        guard xml.name == "tmx" else {
            throw error(.notTMX, "the root element is <\(quote(xml.name))>, not <tmx>; this is not a TMX file.")
        }
        let attributes = xml.attributes()
        guard let version = attributes.first(where: { $0.name == "version" })?.value else {
            throw error(.unsupportedVersion, "<tmx> has no version attribute; a TMX file says version=\"1.4\" (or 1.1–1.3).")
        }
        guard TMXVocabulary.versions.contains(version) else {
            throw error(.unsupportedVersion, "TMX version \"\(quote(version))\" is not supported; pamyat reads TMX 1.1 to 1.4b.")
        }
        header.version = version
        try expectElement("header", in: "tmx")
        try readHeader()
        try expectElement("body", in: "tmx")
    }

    /// Refuses encodings other than UTF-8 and UTF-16 (TMX 1.4b requires Unicode); bytes that do not
    /// match the declared encoding are caught by libxml2 as they are read.
    private func checkEncoding() throws(TMXError) {
        let declared = xml.declaredEncoding
        let upper = declared.uppercased()
        guard declared.isEmpty || ["UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF16"].contains(upper) else {
            throw error(.unsupportedEncoding, "the file declares encoding \"\(quote(declared))\"; TMX files must be UTF-8 or UTF-16. Convert it (e.g. iconv -f \(quote(declared)) -t UTF-8) and change the declaration.")
        }
    }

    private func expectElement(_ name: String, in parent: String) throws(TMXError) {
        while try xml.read() {
            switch xml.kind {
            case .element:
                guard xml.name == name else {
                    throw error(.notTMX, "expected <\(name)> in <\(parent)>, found <\(quote(xml.name))>.")
                }
                return
            case .endElement:
                throw error(.notTMX, "<\(parent)> ends without a <\(name)>; a TMX file needs <header> and <body>.")
            case .text, .none:
                try skipIgnorable(in: parent)
            }
        }
        throw truncated()
    }

    private func readHeader() throws(TMXError) {
        let line = xml.line
        let attributes = Dictionary(xml.attributes().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let required = ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]
        let missing = required.filter { attributes[$0] == nil }
        if !missing.isEmpty {
            problem(line: line, "the header lacks \(missing.joined(separator: ", ")), which TMX requires; read anyway.")
        }
        header.creationTool = attributes["creationtool"] ?? ""
        header.creationToolVersion = attributes["creationtoolversion"] ?? ""
        header.segmentType = attributes["segtype"] ?? ""
        header.originalFormat = attributes["o-tmf"] ?? ""
        header.adminLanguage = attributes["adminlang"] ?? ""
        header.dataType = attributes["datatype"] ?? ""
        header.originalEncoding = attributes["o-encoding"]
        header.creationID = attributes["creationid"]
        header.changeID = attributes["changeid"]
        header.creationDate = try attributes["creationdate"].map { (text) throws(TMXError) in try date(text, attribute: "creationdate") }
        header.changeDate = try attributes["changedate"].map { (text) throws(TMXError) in try date(text, attribute: "changedate") }
        if let source = attributes["srclang"], source.lowercased() != "*all*" {
            header.sourceLanguage = .language(try language(source))
        } else {
            header.sourceLanguage = .all
        }
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "prop": header.properties.append(try readProperty())
                case "note": header.notes.append(try readNote())
                case "ude":
                    problem(line: xml.line, "<ude> (user-defined encoding) is not supported; ignored.")
                    try skipElement()
                default:
                    throw error(.forbiddenContent, "<\(quote(xml.name))> is not allowed in <header>; only <prop>, <note> and <ude> are.")
                }
                if header.properties.count + header.notes.count > limits.maximumFieldsPerElement {
                    throw error(.tooLarge, "the header has more than \(limits.maximumFieldsPerElement) props and notes.")
                }
            case .endElement:
                return
            case .text, .none:
                try skipIgnorable(in: "header")
            }
        }
        throw truncated()
    }

    /// After `</body>`: `</tmx>`, then nothing but comments and white space.
    private func readEpilogue() throws(TMXError) {
        while try xml.read() {
            switch xml.kind {
            case .endElement where xml.name == "tmx": continue
            case .element: throw error(.forbiddenContent, "<\(quote(xml.name))> after <body>; a TMX file ends with </body></tmx>.")
            case .endElement, .text, .none: try skipIgnorable(in: "tmx")
            }
        }
    }

    // MARK: Helpers shared by the unit and segment readers

    /// Skips white space between elements; other text is an error.
    func skipIgnorable(in parent: String) throws(TMXError) {
        guard xml.kind == .text else { return }
        if xml.valueIsWhitespace { return }
        throw error(.forbiddenContent, "text is not allowed directly in <\(parent)>.")
    }

    /// Skips the current element and everything in it.
    func skipElement() throws(TMXError) {
        try xml.skipElement(orThrow: truncated())
    }

    /// A language attribute's value, canonicalised (and cached: files repeat a few languages).
    func language(_ text: String) throws(TMXError) -> LanguageTag {
        if let known = languages[text] { return known }
        do {
            let tag = try LanguageTag.parse(text)
            languages[text] = tag
            return tag
        } catch {
            throw self.error(.language, "\"\(quote(text))\" is not a language tag pamyat knows; use BCP 47 tags such as en-US, ru, be, kk.")
        }
    }

    func date(_ text: String, attribute: String) throws(TMXError) -> Date {
        guard let date = TMXDate.parse(text) else {
            throw error(.date, "\(attribute)=\"\(quote(text))\" is not a TMX date, or names a day or time that does not exist; TMX dates look like 20240131T235959Z (UTC).")
        }
        return date
    }

    /// `text` from the file, bounded for a message (at most 80 characters and "…", on one line): an
    /// error names what was wrong and never echoes an unbounded amount of the input.
    func quote(_ text: some StringProtocol) -> String { TextExcerpt.short(text, limit: 80) }

    func problem(line: Int, _ message: String) {
        if problems.count < Self.maximumProblems {
            problems.append(TMXProblem(file: file, line: line, message: message))
        } else {
            unreportedProblems += 1
        }
    }

    /// Where the current event is (just after its start tag, end tag or text).
    var position: Position { Position(line: xml.line, column: xml.column) }

    /// An error at `position`, or at the current event.
    func error(_ code: TMXError.Code, _ message: String, at position: Position? = nil) -> TMXError {
        let at = position ?? self.position
        return TMXError(code, message, file: file, line: at.line, column: at.column)
    }

    func truncated() -> TMXError {
        TMXError(.malformedXML, "the file ends before </tmx>; it is truncated.", file: file, line: xml.line, column: xml.column)
    }
}

/// A place in a file.
struct Position {
    var line: Int
    var column: Int
}
