import Foundation
import PamyatCore
import PamyatText

/// One translated segment of an XLIFF file.
public struct XLIFFSegment: Hashable, Sendable {
    public var source: String
    public var target: String
    /// The target's state as the file says it (`final`, `translated`, `signed-off`, `reviewed` …),
    /// nil when it says none.
    public var state: String?
    /// The `original` of the `file` element the segment is in.
    public var original: String?
    /// Where the segment's unit starts.
    public var line: Int
}

/// Reads an XLIFF file — 1.2 (`trans-unit`s, in `group`s or not) or 2.x (`unit`s of `segment`s) —
/// and hands over every segment that has both a source and a target, streaming (memory does not
/// grow with the file), strictly: XML that is not well-formed, a root that is not `<xliff>` or a
/// version pamyat does not read stops the reading with a ``TMXError`` naming file, line and column.
///
/// Security as for TMX (``TMXReader``): no DTD is loaded, no entity expanded.
/// Inline codes are dropped and the text inside paired ones kept: a 1.2 `<g>`/`<mrk>` or a 2.x
/// `<pc>`/`<mrk>` gives its text; `<x/>`, `<bx/>`, `<ex/>`, `<ph>`, `<bpt>`, `<ept>`, `<it>` and 2.x
/// `<ph/>`, `<sc/>`, `<ec/>` give nothing.
public final class XLIFFReader {
    /// The source and target languages of the file (XLIFF 1.2: of its first `file`).
    public private(set) var sourceLanguage: LanguageTag?
    public private(set) var targetLanguage: LanguageTag?
    /// The version on the root element (`1.2`, `2.1` …).
    public private(set) var version = ""
    public var file: String { xml.file }

    private let xml: XMLPullReader
    private var original: String?
    private static let codes: Set<String> = ["x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "sub"]

    /// Opens `path` and reads up to the root element.
    public init(path: String) throws(TMXError) {
        xml = try XMLPullReader(path: path, format: "XLIFF")
        try readRoot()
    }

    /// Reads XLIFF from bytes in memory; `name` is used in messages.
    public init(bytes: [UInt8], name: String = "<memory>") throws(TMXError) {
        xml = try XMLPullReader(bytes: bytes, name: name, format: "XLIFF")
        try readRoot()
    }

    private func readRoot() throws(TMXError) {
        guard try xml.read() else { throw error(.notTMX, "the file holds no XML element; it is not an XLIFF file.") }
        guard xml.name == "xliff" else {
            throw error(.notTMX, "the root element is <\(quote(xml.name))>, not <xliff>; this is not an XLIFF file.")
        }
        let attributes = attributeMap()
        version = attributes["version"] ?? ""
        guard ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2"].contains(version) else {
            throw error(.unsupportedVersion, "XLIFF version \"\(quote(version))\" is not supported; pamyat reads XLIFF 1.2 and 2.x.")
        }
        if version.hasPrefix("2") {
            sourceLanguage = try attributes["srcLang"].map { (text) throws(TMXError) in try language(text) }
            targetLanguage = try attributes["trgLang"].map { (text) throws(TMXError) in try language(text) }
        }
    }

    /// Calls `body` with each segment that has a source and a target, in document order.
    public func forEachSegment(_ body: (XLIFFSegment) throws -> Void) throws {
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "file":
                    let attributes = attributeMap()
                    original = attributes["original"]
                    if !version.hasPrefix("2") {
                        if sourceLanguage == nil { sourceLanguage = try attributes["source-language"].map { (text) throws(TMXError) in try language(text) } }
                        if targetLanguage == nil { targetLanguage = try attributes["target-language"].map { (text) throws(TMXError) in try language(text) } }
                    }
                case "trans-unit": try readTransUnit(body)
                case "segment": try readSegment(body)
                case "header", "skeleton", "notes", "originalData", "alt-trans", "mtc:matches", "matches": try skipElement()
                default: break  // body, group, unit: their children are read next
                }
            case .endElement, .text, .none:
                break
            }
        }
        guard sourceLanguage != nil, targetLanguage != nil else {
            throw error(.language, "the file does not say its source and target languages (source-language/target-language on <file>, or srcLang/trgLang on <xliff>).")
        }
    }

    /// XLIFF 1.2: `<trans-unit>` with `<source>` and `<target state="…">`.
    private func readTransUnit(_ body: (XLIFFSegment) throws -> Void) throws {
        let line = xml.line
        var source: String?, target: String?, state: String?
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "source": source = try readText()
                case "target":
                    state = attributeMap()["state"]
                    target = try readText()
                default: try skipElement()  // seg-source, alt-trans, note, context-group …
                }
            case .endElement:
                if let source, let target { try body(XLIFFSegment(source: source, target: target, state: state, original: original, line: line)) }
                return
            case .text, .none: break
            }
        }
        throw truncated()
    }

    /// XLIFF 2.x: `<segment state="…">` with `<source>` and `<target>`.
    private func readSegment(_ body: (XLIFFSegment) throws -> Void) throws {
        let line = xml.line
        let state = attributeMap()["state"] ?? "initial"
        var source: String?, target: String?
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "source": source = try readText()
                case "target": target = try readText()
                default: try skipElement()
                }
            case .endElement:
                if let source, let target { try body(XLIFFSegment(source: source, target: target, state: state, original: original, line: line)) }
                return
            case .text, .none: break
            }
        }
        throw truncated()
    }

    /// The text of the current element, inline codes dropped, up to its end tag.
    private func readText() throws(TMXError) -> String {
        var text = ""
        var depth = 1
        while try xml.read() {
            switch xml.kind {
            case .element:
                if Self.codes.contains(xml.name) { try skipElement() } else { depth += 1 }
            case .endElement:
                depth -= 1
                if depth == 0 { return text }
            case .text: text += xml.value
            case .none: break
            }
        }
        throw truncated()
    }

    private func skipElement() throws(TMXError) {
        try xml.skipElement(orThrow: truncated())
    }

    private func attributeMap() -> [String: String] {
        Dictionary(xml.attributes().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func language(_ text: String) throws(TMXError) -> LanguageTag {
        do { return try LanguageTag.parse(text) } catch {
            throw self.error(.language, "the language \"\(quote(text))\" is not a valid BCP 47 tag.")
        }
    }

    private func quote(_ text: some StringProtocol) -> String { TextExcerpt.short(text, limit: 80) }

    private func error(_ code: TMXError.Code, _ message: String) -> TMXError {
        TMXError(code, message, file: file, line: xml.line, column: xml.column)
    }

    private func truncated() -> TMXError {
        TMXError(.malformedXML, "the file ends before </xliff>; it is truncated.", file: file, line: xml.line, column: xml.column)
    }
}
