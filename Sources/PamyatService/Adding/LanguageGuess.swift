import Foundation
import PamyatCore
import PamyatText

/// Tells a document's language from its file name (`NAME.ru.txt`, `ru/NAME.txt`, `NAME_en.html`)
/// or, failing that, from the letters of its text.
public enum LanguageGuess {
    /// Languages a file name may name.
    static let known: Set<String> = ["ru", "en", "be", "uk", "kk", "de", "fr", "es", "it", "pl", "zh", "ky", "uz", "hy", "az", "ka", "lt", "lv", "et", "tg", "tk", "bg", "sr", "ro"]

    /// The language a file name names: a `.LANG.` part before the extension, a `_LANG`/`-LANG`
    /// suffix of the stem, or a parent folder named `LANG`.
    public static func fromFileName(_ path: String) -> LanguageTag? {
        let url = URL(fileURLWithPath: path)
        var stem = url.deletingPathExtension().lastPathComponent
        let inner = (stem as NSString).pathExtension.lowercased()
        if known.contains(inner) { return LanguageTag(canonical: inner) }
        stem = stem.lowercased()
        for separator in ["_", "-"] {
            if let range = stem.range(of: separator, options: .backwards) {
                let suffix = String(stem[range.upperBound...])
                if known.contains(suffix) { return LanguageTag(canonical: suffix) }
            }
        }
        let parent = url.deletingLastPathComponent().lastPathComponent.lowercased()
        if known.contains(parent) { return LanguageTag(canonical: parent) }
        return nil
    }

    /// The language the letters of `text` suggest: Latin → `en`; Cyrillic → `be` when it has
    /// Belarusian-only letters (ў, і without ї/є/ґ), `uk` with Ukrainian-only ones (ї, є, ґ, і without
    /// ы/э/ъ), `kk` with Kazakh-only ones (ә, ғ, қ, ң, ө, ұ, ү, һ), else `ru`. `nil` when the text has
    /// too few letters of either script.
    public static func fromScript(_ text: String) -> LanguageTag? {
        var latin = 0, cyrillic = 0
        var letters: [Character: Int] = [:]
        let watched: Set<Character> = ["ў", "і", "ї", "є", "ґ", "ы", "э", "ъ", "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "щ"]
        for scalar in text.unicodeScalars.prefix(200_000) {
            guard scalar.properties.isAlphabetic else { continue }
            if (0x0400...0x052F).contains(scalar.value) {
                cyrillic += 1
                let lower = Character(String(scalar).lowercased())
                if watched.contains(lower) { letters[lower, default: 0] += 1 }
            } else if scalar.value < 0x250 {
                latin += 1
            }
        }
        guard latin + cyrillic >= 10 else { return nil }
        if latin > cyrillic { return latin * 10 >= (latin + cyrillic) * 6 ? LanguageTag(canonical: "en") : nil }
        func count(_ characters: Character...) -> Int { characters.reduce(0) { $0 + letters[$1, default: 0] } }
        let kazakh = count("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ")
        let belarusian = count("ў")
        let ukrainian = count("ї", "є", "ґ")
        let russianOnly = count("ы", "э", "ъ")
        let i = count("і")
        let threshold = max(2, cyrillic / 2000)
        if kazakh >= threshold { return LanguageTag(canonical: "kk") }
        if belarusian >= threshold || (i >= threshold && russianOnly > 0 && ukrainian == 0) { return LanguageTag(canonical: "be") }
        if ukrainian >= threshold || (i >= threshold && russianOnly == 0) { return LanguageTag(canonical: "uk") }
        return LanguageTag(canonical: "ru")
    }
}
