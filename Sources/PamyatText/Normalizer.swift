import CICUShim

/// Unicode normalisation and folding used everywhere text is compared.
public enum Normalizer {
    /// NFC of `text` (ICU). Text already in NFC is returned as is without copying.
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let units = Array(text.utf16)
        var status: Int32 = 0
        let isNFC = units.withUnsafeBufferPointer { pmy_is_nfc($0.baseAddress, Int32($0.count), &status) }
        if isNFC == 1 && status <= 0 { return text }
        return (try? withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_nfc(input, length, output, capacity, &status)
        }) ?? text
    }

    /// Full Unicode case folding (ICU `u_strFoldCase`): `Ё` → `ё`, `ß` → `ss`.
    public static func foldCase(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return (try? withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_fold_case(input, length, output, capacity, &status)
        }) ?? text.lowercased()
    }

    /// Folds every run of white space (including NBSP and other Unicode spaces) into one U+0020 and
    /// trims both ends.
    public static func foldWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// NFC and white-space folding: the form in which two texts are "the same" for an exact match.
    public static func canonical(_ text: String) -> String { foldWhitespace(nfc(text)) }
}
