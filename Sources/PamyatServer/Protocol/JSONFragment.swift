import Foundation

/// A piece of JSON text, already encoded: a value inside a ``Response``.
package struct JSONFragment: Sendable, Hashable {
    package var bytes: [UInt8]

    package init(raw bytes: [UInt8]) { self.bytes = bytes }

    package static func string(_ text: String) -> JSONFragment {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        JSONStringLiteral.encode(text, into: &bytes)
        return JSONFragment(raw: bytes)
    }

    package static func int(_ value: some BinaryInteger) -> JSONFragment { JSONFragment(raw: Array(String(value).utf8)) }

    package static func bool(_ value: Bool) -> JSONFragment { JSONFragment(raw: Array((value ? "true" : "false").utf8)) }

    package static func strings(_ texts: [String]) -> JSONFragment {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONStringLiteral.encode(text, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return JSONFragment(raw: bytes)
    }

    /// `{"key":count,…}` with the keys sorted, for stable output.
    package static func counts(_ counts: [String: Int]) -> JSONFragment {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in counts.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONStringLiteral.encode(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: Array(String(counts[key]!).utf8))
        }
        bytes.append(UInt8(ascii: "}"))
        return JSONFragment(raw: bytes)
    }

    /// Any `Encodable` value, encoded as `pamyat … --json` encodes it (Foundation's JSONEncoder,
    /// keys sorted, slashes unescaped, on one line).
    package static func encoding(_ value: some Encodable) throws -> JSONFragment {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONFragment(raw: Array(try encoder.encode(value)))
    }
}
