import Foundation

/// A piece of JSON text, already encoded: a value inside a ``Response``.
struct JSONFragment: Sendable, Hashable {
    var bytes: [UInt8]

    init(raw bytes: [UInt8]) { self.bytes = bytes }

    static func string(_ text: String) -> JSONFragment {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        JSONStringLiteral.encode(text, into: &bytes)
        return JSONFragment(raw: bytes)
    }

    static func int(_ value: some BinaryInteger) -> JSONFragment { JSONFragment(raw: Array(String(value).utf8)) }

    static func bool(_ value: Bool) -> JSONFragment { JSONFragment(raw: Array((value ? "true" : "false").utf8)) }

    static func strings(_ texts: [String]) -> JSONFragment {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONStringLiteral.encode(text, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return JSONFragment(raw: bytes)
    }

    /// `{"key":count,…}` with the keys sorted, for stable output.
    static func counts(_ counts: [String: Int]) -> JSONFragment {
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
    static func encoding(_ value: some Encodable) throws -> JSONFragment {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONFragment(raw: Array(try encoder.encode(value)))
    }
}
