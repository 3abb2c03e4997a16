import CXMLShim

/// Owns one libxml2 text reader (through CXMLShim) and turns its nodes into Swift values.
///
/// One per file and per task: the underlying reader is stateful.
final class XMLPullReader {
    enum NodeKind: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, processingInstruction = 7, comment = 8
        case documentType = 10, whitespace = 13, significantWhitespace = 14, endElement = 15
        case other = -1
    }

    private let handle: OpaquePointer
    /// Keeps in-memory input alive while libxml2 reads it.
    private let retainedBytes: UnsafeMutableBufferPointer<CChar>?
    let file: String

    /// Opens a file, or standard input for `-`.
    init(path: String) throws(TMXError) {
        file = path
        retainedBytes = nil
        let opened = path == "-" ? pmy_xml_open_fd(0) : pmy_xml_open_file(path)
        guard let opened else {
            throw TMXError(.io, "cannot open the file.", file: path)
        }
        handle = opened
    }

    /// Reads from bytes in memory (`name` is used in messages).
    init(bytes: [UInt8], name: String) throws(TMXError) {
        file = name
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        retainedBytes = copy
        guard let opened = pmy_xml_open_memory(copy.baseAddress, Int32(clamping: bytes.count)) else {
            copy.deallocate()
            throw TMXError(.io, "cannot read the data.", file: name)
        }
        handle = opened
    }

    deinit {
        pmy_xml_close(handle)
        retainedBytes?.deallocate()
    }

    /// Advances to the next node; `false` at the end of the document.
    func read() throws(TMXError) -> Bool {
        switch pmy_xml_read(handle) {
        case 1: return true
        case 0: return false
        default:
            let message = String(cString: pmy_xml_error_message(handle))
            let line = Int(pmy_xml_error_line(handle))
            let column = Int(pmy_xml_error_column(handle))
            throw TMXError(.malformedXML, Self.explain(message), file: file,
                           line: line > 0 ? line : self.line, column: column > 0 ? column : self.column)
        }
    }

    var kind: NodeKind { NodeKind(rawValue: pmy_xml_node_type(handle)) ?? .other }
    var name: String { String(cString: pmy_xml_name(handle)) }
    var value: String { String(cString: pmy_xml_value(handle)) }
    /// The value's size in bytes without making a String.
    var valueByteCount: Int { Int(pmy_xml_value_length(handle)) }
    var isEmptyElement: Bool { pmy_xml_is_empty_element(handle) == 1 }
    /// The line where the current node starts.
    var nodeLine: Int { Int(pmy_xml_node_line(handle)) }
    /// The parser's position (it may be ahead of the current node).
    var line: Int { Int(pmy_xml_line(handle)) }
    var column: Int { Int(pmy_xml_column(handle)) }
    var bytesConsumed: Int64 { pmy_xml_bytes_consumed(handle) }
    var declaredEncoding: String { String(cString: pmy_xml_declared_encoding(handle)) }
    var declaresEntities: Bool { pmy_xml_declares_entities(handle) == 1 }

    /// The current element's attributes, in document order.
    func attributes() -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        while pmy_xml_next_attribute(handle) == 1 {
            result.append((String(cString: pmy_xml_name(handle)), String(cString: pmy_xml_value(handle))))
        }
        pmy_xml_move_to_element(handle)
        return result
    }

    /// libxml2's messages are terse; say what they mean for a TMX file.
    private static func explain(_ message: String) -> String {
        var text = message.isEmpty ? "malformed XML" : message
        if text.hasSuffix(".") { text.removeLast() }
        if text.contains("Premature end of data") || text.contains("EndTag") || text.contains("Extra content")
            || text.contains("expected '>'") && text.contains("end")
        {
            return "malformed XML (\(text)); the file may be truncated or not XML."
        }
        if text.contains("not proper UTF-8") || text.contains("encoding") || text.contains("Encoding")
            || text.contains("Char 0x") || text.contains("invalid character")
        {
            return "the bytes do not match the declared encoding (\(text.replacingOccurrences(of: "\n", with: " "))); save the file as UTF-8 or UTF-16 with a BOM."
        }
        if text.contains("huge") || text.contains("Huge") || text.contains("too long") {
            return "malformed or oversized XML (\(text)); a text node may not exceed 10,000,000 bytes."
        }
        return "malformed XML (\(text.replacingOccurrences(of: "\n", with: " ")))."
    }
}
