import Foundation
import PamyatCore

/// Writes TMX 1.4b, streaming: units go out as they come, through a small buffer, to `sink`.
///
/// ```swift
/// let writer = TMXWriter(header: TMXHeader(creationToolVersion: "0.1.0", sourceLanguage: .language(ru))) { bytes in
///     try output.write(bytes)
/// }
/// try writer.start()
/// for unit in units { try writer.write(unit) }
/// try writer.finish()
/// ```
///
/// What is written (docs/TMX.md): every attribute the DTD requires on the header; on each `tu` a
/// `tuid`, `creationdate`/`changedate` (UTC), `creationid`/`changeid` when known, `srclang` when it
/// differs from the header's; provenance as `prop`s (``ProvenanceProperty``); the unit's own props
/// and notes; one `tuv` per variant, the header's source language first. Segment markup is written
/// as stored. Characters XML forbids: see ``ControlCharacter``.
public final class TMXWriter {
    public let header: TMXHeader
    /// Units written so far.
    public private(set) var unitsWritten = 0
    /// Characters XML forbids that were dropped from props, notes and attributes (see ``ControlCharacter``).
    public private(set) var droppedCharacters = 0
    /// Control characters in segment text written as placeholders.
    public private(set) var placeholders = 0

    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16
    private var started = false

    /// A writer that hands its output to `sink` in chunks of about 64 KiB.
    public init(header: TMXHeader, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.header = header
        self.sink = sink
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// Writes the XML declaration, `<tmx>` and the header, and opens `<body>`.
    public func start() throws {
        precondition(!started, "TMXWriter.start() called twice")
        started = true
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header")
        attribute("creationtool", header.creationTool)
        attribute("creationtoolversion", header.creationToolVersion)
        attribute("segtype", TMXVocabulary.segmentTypes.contains(header.segmentType) ? header.segmentType : "sentence")
        attribute("o-tmf", header.originalFormat)
        attribute("adminlang", header.adminLanguage)
        attribute("srclang", header.sourceLanguage.description)
        attribute("datatype", header.dataType)
        if let value = header.originalEncoding { attribute("o-encoding", value) }
        if let value = header.creationDate { attribute("creationdate", TMXDate.format(value)) }
        if let value = header.creationID { attribute("creationid", value) }
        if let value = header.changeDate { attribute("changedate", TMXDate.format(value)) }
        if let value = header.changeID { attribute("changeid", value) }
        if header.properties.isEmpty && header.notes.isEmpty {
            append("/>\n")
        } else {
            append(">\n")
            for note in header.notes { write(note, indent: "    ") }
            for property in header.properties { write(property, indent: "    ") }
            append("  </header>\n")
        }
        append("  <body>\n")
        try flushIfNeeded()
    }

    /// Writes one unit. Throws ``TMXError/Code/invalidUnit`` when the header names a source language
    /// and the unit has no variant in it (TMX readers such as TMXValidator require one).
    public func write(_ unit: TranslationUnit) throws {
        precondition(started, "TMXWriter.write(_:) before start()")
        var variants = unit.variants
        if case .language(let source) = header.sourceLanguage {
            guard let index = variants.firstIndex(where: { $0.language == source }) else {
                throw TMXError(.invalidUnit, "unit \(unit.id.map(String.init) ?? unit.externalID ?? "?") has no variant in \(source), the file's source language.")
            }
            if index != 0 { variants.insert(variants.remove(at: index), at: 0) }
        }
        append("    <tu")
        if let externalID = unit.externalID {
            attribute("tuid", externalID)
        } else {
            append(" tuid=\"")
            append(String(unit.id ?? Int64(unitsWritten + 1)))
            append("\"")
        }
        append(" creationdate=\"")
        TMXDate.append(unit.createdAt, to: &buffer)
        append("\" changedate=\"")
        TMXDate.append(unit.changedAt, to: &buffer)
        append("\"")
        if let value = unit.createdBy { attribute("creationid", value) }
        if let value = unit.changedBy { attribute("changeid", value) }
        if header.sourceLanguage != .language(unit.sourceLanguage) { attribute("srclang", unit.sourceLanguage.identifier) }
        for (name, value) in unit.attributes.isEmpty ? [] : unit.attributes.sorted(by: { $0.key < $1.key })
        where TMXVocabulary.unitAttributes.contains(name) && !TMXVocabulary.mappedUnitAttributes.contains(name) {
            if name == "segtype" && !TMXVocabulary.segmentTypes.contains(value) { continue }
            attribute(name, value)
        }
        append(">\n")
        for (type, value) in ProvenanceProperty.properties(of: unit) {
            append("      <prop type=\"")
            append(type)
            append("\">")
            droppedCharacters += XMLEscaping.appendDroppingForbidden(value, to: &buffer, context: .content)
            append("</prop>\n")
        }
        for property in unit.properties { write(property, indent: "      ") }
        for note in unit.notes { write(note, indent: "      ") }
        for variant in variants { write(variant) }
        append("    </tu>\n")
        unitsWritten += 1
        try flushIfNeeded()
    }

    /// Closes `</body></tmx>` and hands out what is still buffered.
    public func finish() throws {
        precondition(started, "TMXWriter.finish() before start()")
        append("  </body>\n</tmx>\n")
        try flush()
    }

    // MARK: Pieces

    private func write(_ variant: Variant) {
        append("      <tuv")
        attribute("xml:lang", variant.language.identifier)
        for (name, value) in variant.attributes.isEmpty ? [] : variant.attributes.sorted(by: { $0.key < $1.key })
        where TMXVocabulary.variantAttributes.contains(name) {
            attribute(name, value)
        }
        append(">\n")
        for property in variant.properties { write(property, indent: "        ") }
        for note in variant.notes { write(note, indent: "        ") }
        append("        <seg>")
        if let markup = variant.markup {
            appendMarkup(markup)
        } else {
            XMLEscaping.append(variant.text, to: &buffer, context: .content) { scalar, output in
                ControlCharacter.appendPlaceholder(scalar, to: &output)
                placeholders += 1
            }
        }
        append("</seg>\n      </tuv>\n")
    }

    private func write(_ property: Property, indent: String) {
        append(indent)
        append("<prop")
        attribute("type", property.type)
        if let value = property.language { attribute("xml:lang", value) }
        if let value = property.encoding { attribute("o-encoding", value) }
        append(">")
        droppedCharacters += XMLEscaping.appendDroppingForbidden(property.value, to: &buffer, context: .content)
        append("</prop>\n")
    }

    private func write(_ note: Note, indent: String) {
        append(indent)
        append("<note")
        if let value = note.language { attribute("xml:lang", value) }
        if let value = note.encoding { attribute("o-encoding", value) }
        append(">")
        droppedCharacters += XMLEscaping.appendDroppingForbidden(note.text, to: &buffer, context: .content)
        append("</note>\n")
    }

    /// Stored markup is canonical XML already (the reader made it); only a raw CR (which a parser
    /// would turn into LF) and characters XML forbids, which cannot come from a TMX file, are handled.
    private func appendMarkup(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes in
            var clean = true
            for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0xEF {
                clean = false
                break
            }
            if clean {
                buffer.append(contentsOf: bytes)
                return
            }
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if scalar == "\r" {
                    append("&#xD;")
                } else if XMLEscaping.isAllowed(scalar) {
                    buffer.append(contentsOf: String(scalar).utf8)
                } else {
                    droppedCharacters += 1
                }
            }
        }
    }

    @inline(__always) private func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always) private func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func attribute(_ name: StaticString, _ value: String) {
        buffer.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
        droppedCharacters += XMLEscaping.appendDroppingForbidden(value, to: &buffer, context: .attribute)
        buffer.append(UInt8(ascii: "\""))
    }

    private func attribute(_ name: String, _ value: String) {
        buffer.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
        droppedCharacters += XMLEscaping.appendDroppingForbidden(value, to: &buffer, context: .attribute)
        buffer.append(UInt8(ascii: "\""))
    }

    private func flushIfNeeded() throws {
        if buffer.count >= flushThreshold { try flush() }
    }

    private func flush() throws {
        if buffer.isEmpty { return }
        try buffer.withUnsafeBytes { try sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
