@testable import PamyatText
import Testing

@Suite struct NormalizerTests {
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test(arguments: [
        ("Ёлка и йод.", "Ёлка и йод."),
        ("Е\u{0308}лка и и\u{0306}од.", "\u{0401}лка и \u{0439}од."),
        ("документ № 5 — «проект»…", "документ № 5 — «проект»…"),
        ("e\u{0301}te\u{0301}", "\u{E9}t\u{E9}"),
        ("\u{212B}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m"),
        ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),
        ("한국어 𝒜", "한국어 𝒜"),
    ])
    func nfcComposesAndKeepsWhatIsComposed(text: String, expected: String) {
        // Compared as scalars: Swift's == already treats canonically equivalent strings as equal.
        #expect(Self.scalars(Normalizer.nfc(text)) == Self.scalars(expected), "\(Self.scalars(text))")
    }

    @Test func theQuickCheckNeverPassesTextThatICUWouldChange() {
        // Every BMP code point alone and after letters that marks combine with.
        var checked = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            for text in [String(scalar), "E" + String(scalar), "\u{415}" + String(scalar), "\u{1100}" + String(scalar)]
            where Normalizer.isSelfContainedNFC(text) {
                #expect(Self.scalars(Normalizer.icuNFC(text)) == Self.scalars(text), "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 100_000, "the quick check covers most of the BMP")
    }

    @Test func theQuickCheckAgreesWithICUOnMixedText() {
        // Letters, combining marks, singletons and jamo from several scripts, in random order.
        let pools: [ClosedRange<UInt32>] = [
            0x41...0x7A, 0x400...0x4FF, 0x300...0x36F, 0x483...0x489, 0x370...0x3FF, 0x591...0x5C7, 0x64B...0x65F,
            0x1100...0x11FF, 0xAC00...0xAC40, 0xF900...0xF920, 0x2000...0x2130, 0x1E00...0x1EFF,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var quick = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + next(8)) {
                let pool = pools[next(pools.count)]
                if let scalar = Unicode.Scalar(pool.lowerBound + UInt32(next(pool.count))) { text.unicodeScalars.append(scalar) }
            }
            let fast = Normalizer.nfc(text), icu = Normalizer.icuNFC(text)
            #expect(Self.scalars(fast) == Self.scalars(icu), "\(Self.scalars(text))")
            if Normalizer.isSelfContainedNFC(text) { quick += 1 }
        }
        #expect(quick > 1_000, "the quick check is exercised")
    }
}
