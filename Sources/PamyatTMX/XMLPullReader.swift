import CXMLShim
import Foundation
import PamyatCore

/// Owns one CXMLShim reader (libxml2's SAX2 push parser behind a pull API) and turns its events
/// into Swift values.
///
/// One per file and per task: the underlying parser is stateful.
final class XMLPullReader {
    enum Kind: Int32 {
        case element = 1, text = 3, endElement = 15, none = 0
    }

    private let handle: OpaquePointer
    /// The file descriptor read from (closed in deinit), or -1.
    private let descriptor: Int32
    /// Keeps in-memory input alive while libxml2 reads it.
    private let retainedBytes: UnsafeMutableBufferPointer<CChar>?
    let file: String
    /// The format read, for messages: `TMX` or `XLIFF`.
    let format: String

    /// Opens a file, or standard input for `-`.
    init(path: String, format: String = "TMX") throws(TMXError) {
        file = path
        self.format = format
        retainedBytes = nil
        if path == "-" {
            descriptor = -1
            guard let opened = pmy_xml_open_fd(0) else { throw TMXError(.io, "cannot read standard input.", file: path) }
            handle = opened
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TMXError(.io, "no such file.", file: path)
        }
        guard !isDirectory.boolValue else { throw TMXError(.io, "is a directory, not a \(format) file.", file: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw TMXError(.io, "cannot open the file: \(String(cString: strerror(errno))).", file: path)
        }
        guard let opened = pmy_xml_open_fd(fd) else {
            close(fd)
            throw TMXError(.io, "cannot start the XML parser (out of memory?).", file: path)
        }
        descriptor = fd
        handle = opened
    }

    /// Reads from bytes in memory (`name` is used in messages).
    init(bytes: [UInt8], name: String, format: String = "TMX") throws(TMXError) {
        file = name
        self.format = format
        descriptor = -1
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { source in
            _ = UnsafeMutableRawBufferPointer(copy).initializeMemory(as: UInt8.self, from: source)
        }
        retainedBytes = copy
        guard let opened = pmy_xml_open_memory(copy.baseAddress, Int64(bytes.count)) else {
            copy.deallocate()
            throw TMXError(.io, "cannot start the XML parser (out of memory?).", file: name)
        }
        handle = opened
    }

    deinit {
        pmy_xml_close(handle)
        if descriptor >= 0 { close(descriptor) }
        retainedBytes?.deallocate()
    }

    /// Advances to the next event; `false` at the end of the document.
    func read() throws(TMXError) -> Bool {
        switch pmy_xml_read(handle) {
        case 1: return true
        case 0: return false
        default: throw currentError()
        }
    }

    var kind: Kind { Kind(rawValue: pmy_xml_kind(handle)) ?? .none }
    var name: String { String(cString: pmy_xml_name(handle)) }
    var value: String {
        let length = Int(pmy_xml_value_length(handle))
        return pmy_xml_value(handle).withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
    /// Whether the current text is white space only (checked on the bytes, without making a String).
    var valueIsWhitespace: Bool {
        let length = Int(pmy_xml_value_length(handle))
        return pmy_xml_value(handle).withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            UnsafeBufferPointer(start: bytes, count: length).allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        }
    }
    /// Line and column just after the current event (a start tag, an end tag, a run of text).
    var line: Int { Int(pmy_xml_line(handle)) }
    var column: Int { Int(pmy_xml_column(handle)) }
    var bytesConsumed: Int64 { pmy_xml_bytes_consumed(handle) }
    var declaredEncoding: String { String(cString: pmy_xml_declared_encoding(handle)) }

    /// Skips the current element and everything in it; `truncated` is the error when the file
    /// ends first.
    func skipElement(orThrow truncated: @autoclosure () -> TMXError) throws(TMXError) {
        var depth = 1
        while try read() {
            switch kind {
            case .element: depth += 1
            case .endElement:
                depth -= 1
                if depth == 0 { return }
            case .text, .none: break
            }
        }
        throw truncated()
    }

    /// The current element's attributes, in document order.
    func attributes() -> [(name: String, value: String)] {
        let count = pmy_xml_attribute_count(handle)
        var result: [(name: String, value: String)] = []
        result.reserveCapacity(Int(count))
        for index in 0..<count {
            result.append((String(cString: pmy_xml_attribute_name(handle, index)), String(cString: pmy_xml_attribute_value(handle, index))))
        }
        return result
    }

    /// The parser's error, explained for a TMX or XLIFF file.
    private func currentError() -> TMXError {
        // libxml2's message may quote the input (a name, an encoding): bounded, on one line.
        var text = TextExcerpt.short(String(cString: pmy_xml_error_message(handle)).trimmingCharacters(in: .whitespacesAndNewlines), limit: 120)
        if text.hasSuffix(".") { text.removeLast() }
        let line = Int(pmy_xml_error_line(handle))
        let column = Int(pmy_xml_error_column(handle))
        func error(_ code: TMXError.Code, _ message: String) -> TMXError {
            TMXError(code, message, file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil)
        }
        switch Int(pmy_xml_error_kind(handle)) {
        case PMY_XML_ERROR_ENTITY:
            return error(.entities, "the file \(text); \(format) needs no entities besides &amp; &lt; &gt; &quot; &apos;, and pamyat never loads or expands others (this shuts out external-entity and entity-expansion attacks). Remove the DOCTYPE's declarations and the references.")
        case PMY_XML_ERROR_TRUNCATED:
            return error(.malformedXML, "the file ends before its XML is complete (\(text)); it is truncated.")
        case PMY_XML_ERROR_IO:
            return error(.io, text + ".")
        case PMY_XML_ERROR_EMPTY:
            return error(.malformedXML, "the file is empty; it is not a \(format) file.")
        case PMY_XML_ERROR_ENCODING:
            return error(.malformedXML, "the bytes do not match the declared encoding, or hold a character XML forbids (\(text)); save the file as UTF-8, or UTF-16 with a byte order mark.")
        case PMY_XML_ERROR_ODD_UTF16:
            return error(.malformedXML, "the file is UTF-16 but has an odd number of bytes (\(text)), so its last character is cut in half; the file is truncated or damaged. Save it again as UTF-8, or as UTF-16.")
        case PMY_XML_ERROR_LIMIT:
            return error(.tooLarge, "a text, value or name over libxml2's limits of 10,000,000 bytes (\(text)).")
        default:
            return error(.malformedXML, "malformed XML (\(text)).")
        }
    }
}
