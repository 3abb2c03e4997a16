import PamyatMatch
import PamyatService

/// The lookup matches and concordance hits as JSON, written directly into bytes.
///
/// By hand rather than through `JSONEncoder` because encoding cost as much as the lookup itself on
/// the server's hot path (generic `Encoder` containers, boxing, metadata lookups per field). The
/// output is exactly what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes for
/// the same values — what `pamyat lookup --json` prints; `JSONFragmentMatchesTests` compares the two
/// byte for byte. Keep the key order sorted when a field is added.
extension JSONFragment {
    package static func matches(_ matches: [LookupMatch]) -> JSONFragment {
        var writer = ObjectWriter()
        writer.bytes.reserveCapacity(matches.count * 512 + 2)
        writer.array(matches) { writer, match in
            writer.object { writer in
                writer.member("adapted", match.adapted)
                writer.member("date", match.date)
                writer.key("diff")
                writer.array(match.diff) { writer, operation in
                    writer.object { writer in
                        writer.member("cost", operation.cost)
                        writer.member("op", operation.kind.rawValue)
                        writer.member("query", operation.query)
                        writer.member("source", operation.source)
                    }
                }
                writer.member("document", match.document)
                writer.key("flags")
                writer.array(match.flags) { writer, flag in writer.string(flag) }
                writer.member("from", match.from.identifier)
                writer.member("memory", match.memory)
                writer.member("penalty", match.penalty)
                writer.member("score", match.score)
                writer.member("source", match.source)
                writer.member("storedTarget", match.storedTarget)
                writer.member("target", match.target)
                writer.member("to", match.to.identifier)
                writer.member("translations", match.translations)
                writer.member("unit", match.unit)
            }
        }
        return JSONFragment(raw: writer.bytes)
    }
}

/// Writes JSON objects and arrays member by member, commas included.
private struct ObjectWriter {
    var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or array.
    private var first = true

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func array<Element>(_ elements: [Element], _ body: (inout ObjectWriter, Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        first = true
        for element in elements { body(&self, element) }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// `"name":` (the value follows).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        // The value that follows is not preceded by a comma.
        first = true
    }

    mutating func string(_ text: String) {
        separate()
        JSONStringLiteral.encode(text, into: &bytes)
        first = false
    }

    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }  // as the synthesised `Encodable` does: absent, not null
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        first = false
    }

    mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        // Digits by hand: `String(value)` went through the generic integer description.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[position...])
        }
        first = false
    }

    mutating func member(_ name: StaticString, _ value: Int64) {
        member(name, Int(value))
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }
}
