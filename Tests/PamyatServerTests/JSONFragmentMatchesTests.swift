import Foundation
import PamyatCore
import PamyatMatch
import Testing
@testable import PamyatServer
@testable import PamyatService

/// The server writes lookup matches by hand; they must be the bytes `pamyat lookup --json` writes
/// with `JSONEncoder` for the same matches.
@Suite struct JSONFragmentMatchesTests {
    /// Awkward texts: quotes, backslashes, slashes, every control character, DEL, line and
    /// paragraph separators, Cyrillic, emoji, right-to-left marks.
    static let texts: [String] = {
        var texts = ["", "Вызовов много.", "a \"quoted\" \\ back/slash", "😀 \u{200F}שלום\u{200E} x", "\u{2028}\u{2029}\u{7F}"]
        texts.append(String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }))
        return texts
    }()

    static func randomMatch(_ generator: inout some RandomNumberGenerator) -> LookupMatch {
        func text() -> String { texts.randomElement(using: &generator)! + texts.randomElement(using: &generator)! }
        func optional() -> String? { Bool.random(using: &generator) ? text() : nil }
        let operations = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            TokenOperation(
                kind: [.kept, .replaced, .inserted, .deleted].randomElement(using: &generator)!, source: optional(), query: optional(),
                cost: Int.random(in: 0...10, using: &generator))
        }
        return LookupMatch(
            score: Int.random(in: 0...101, using: &generator), source: text(), target: text(),
            unit: Int64.random(in: 1...Int64.max, using: &generator), memory: text(), document: optional(), date: optional(),
            adapted: Bool.random(using: &generator), diff: operations,
            flags: (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() },
            from: LanguageTag(canonical: "ru"), to: LanguageTag(canonical: "en-GB"),
            translations: Int.random(in: 1...5, using: &generator), storedTarget: optional(), penalty: Int.random(in: -100...100, using: &generator))
    }

    @Test func handWrittenMatchesEqualJSONEncodersBytes() throws {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 5] {
            for _ in 0..<200 {
                let matches = (0..<count).map { _ in Self.randomMatch(&generator) }
                let expected = try JSONFragment.encoding(matches)
                let written = JSONFragment.matches(matches)
                #expect(String(decoding: written.bytes, as: UTF8.self) == String(decoding: expected.bytes, as: UTF8.self))
                if written != expected { return }
            }
        }
    }

    @Test func everyStringEscapeEqualsJSONEncoders() throws {
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{2028}", "\u{2029}", "ж", "😀"] {
            let text = "a\(scalar)b"
            var written: [UInt8] = []
            JSONStringLiteral.encode(text, into: &written)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let expected = Array(try encoder.encode(text))
            #expect(written == expected, "U+\(String(scalar.value, radix: 16)): \(String(decoding: written, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
        }
    }
}
