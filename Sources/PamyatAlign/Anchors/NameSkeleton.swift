/// The spelling-independent form of a name that lets `Александр` (BGN: `Aleksandr`) meet
/// `Alexander`, and `Тасмагамбетовым` meet `Tasmagambetov`.
enum NameSkeleton {
    /// Russian case endings removed before transliteration (instrumental, genitive plural, …);
    /// single-vowel endings need no stripping, as the skeleton drops vowels anyway.
    private static let endings = ["ого", "его", "ому", "ему", "ами", "ями", "ым", "им", "ом", "ем", "ой", "ей", "ах", "ях"]

    static func strippingCaseEnding(_ word: String) -> String {
        guard word.count >= 6 else { return word }
        let lower = word.lowercased()
        for ending in endings where lower.hasSuffix(ending) {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    /// Lowercase ASCII letters with spelling variants folded (`x`→`ks`, `w`→`v`, `c`/`q`/`ck`→`k`,
    /// `ph`→`f`, `kh`→`h`, `zh`→`z`), vowels after the first letter dropped (unless `keepVowels`, for
    /// acronyms), a leading `y` before a vowel dropped (`Yelena` = `Elena`), doubled letters
    /// collapsed.
    static func skeleton(_ latin: String, keepVowels: Bool) -> String {
        var letters: [UInt8] = []
        letters.reserveCapacity(latin.utf8.count)
        for byte in latin.utf8 {
            switch byte {
            case 0x41...0x5A: letters.append(byte + 32)
            case 0x61...0x7A: letters.append(byte)
            default: continue
            }
        }
        if keepVowels { return String(decoding: letters, as: UTF8.self) }
        let vowels: Set<UInt8> = Set("aeiouy".utf8)
        var folded: [UInt8] = []
        var index = 0
        if letters.count >= 2, letters[0] == UInt8(ascii: "y"), vowels.contains(letters[1]) { index = 1 }
        while index < letters.count {
            let c = letters[index]
            let next: UInt8 = index + 1 < letters.count ? letters[index + 1] : 0
            switch c {
            case UInt8(ascii: "x"): folded.append(contentsOf: [UInt8(ascii: "k"), UInt8(ascii: "s")])
            case UInt8(ascii: "w"): folded.append(UInt8(ascii: "v"))
            case UInt8(ascii: "q"): folded.append(UInt8(ascii: "k"))
            case UInt8(ascii: "c"):
                folded.append(UInt8(ascii: "k"))
                if next == UInt8(ascii: "k") { index += 1 }
            case UInt8(ascii: "p") where next == UInt8(ascii: "h"):
                folded.append(UInt8(ascii: "f")); index += 1
            case UInt8(ascii: "k") where next == UInt8(ascii: "h"):
                folded.append(UInt8(ascii: "h")); index += 1
            case UInt8(ascii: "z") where next == UInt8(ascii: "h"):
                folded.append(UInt8(ascii: "z")); index += 1
            default: folded.append(c)
            }
            index += 1
        }
        var result: [UInt8] = []
        for (offset, c) in folded.enumerated() {
            if offset > 0, vowels.contains(c) { continue }
            if let last = result.last, last == c { continue }
            result.append(c)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
