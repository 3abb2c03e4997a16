import Foundation
import Testing
@testable import PamyatText

@Suite struct NormalizerTests {
    @Test("NFC composes what the fast path must not skip", arguments: [
        ("и\u{0306}ти", "йти"), ("Е\u{0308}лка", "Ёлка"), ("cafe\u{0301}", "café"), ("A\u{030A}ngstro\u{0308}m", "Ångström"),
        ("ж\u{0301}", "ж\u{0301}"), ("한국", "한국"), ("\u{1100}\u{1161}", "가"),
    ])
    func nfcComposes(text: String, expected: String) {
        #expect(Normalizer.nfc(text).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    /// The fast path (no ICU) may only say "NFC" for text that is: checked against Foundation's
    /// NFC on random strings of scalars from the blocks it trusts and around them.
    @Test func theFastPathNeverSkipsTextThatNeedsComposing() {
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x2FF, 0x300...0x36F, 0x400...0x52F, 0x2000...0x20CF, 0x2100...0x2130]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let pool = pools.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &generator)) { text.unicodeScalars.append(scalar) }
            }
            if Normalizer.isSurelyNFC(text) {
                #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            #expect(Normalizer.nfc(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }
}
