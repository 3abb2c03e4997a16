import Testing

@testable import PamyatText

/// The rule files: their format, normalisation of abbreviations, and errors in a malformed file.
@Suite struct SegmentationRulesTests {
    @Test("Abbreviations are compared in a normalised form", arguments: [
        ("т. е.", "т.е."), ("Т.Е.", "т.е."), ("и т. д.", "и т.д."), ("млн", "млн."), ("ген.-лейт.", "ген.-лейт."),
        ("U.S.", "u.s."), ("мм  рт. ст.", "мм рт.ст."),
    ])
    func normalisedKeys(written: String, key: String) {
        let normalised = String(decoding: SegmentationRules.normalizedKey(Array(written.utf8)), as: UTF8.self)
        #expect(normalised == key)
    }

    @Test("The last word of a key is what lookups start from", arguments: [
        ("и т.д.", "д"), ("ген.-лейт.", "лейт"), ("млн.", "млн"), ("u.s.a.", "a"),
    ])
    func lastWords(key: String, word: String) {
        #expect(SegmentationRules.lastWord(ofKey: Array(key.utf8)) == word)
    }

    @Test("Every shipped rule file loads", arguments: ["ru", "en", "be", "uk", "kk"])
    func shippedFilesLoad(language: String) throws {
        let rules = try SegmentationRules.forLanguage(language)
        #expect(rules.icuLocale == language)
        #expect(!rules.abbreviationsByLastWord.isEmpty && !rules.starters.isEmpty && !rules.dateWords.isEmpty)
    }

    @Test("Sections, commas, comments and includes are read")
    func parsesTheFormat() throws {
        var rules = SegmentationRules(language: "xx", icuLocale: "xx")
        try rules.parse("""
            # a comment
            [icu-locale]
            ru
            [never-ends]
            ул., пр.  # two entries
            т. е.
            [ends-before-capital]
            и т.д.
            [starters]
            Он, Она
            [include]
            _cyrillic
            """, file: "test.rules")
        #expect(rules.icuLocale == "ru")
        #expect(rules.starters == ["он", "она"])
        let window = SegmentationRules.normalizedKey(Array("груши и т. д.".utf8))
        #expect(rules.abbreviation(lastWord: "д", window: window)?.behaviour == .endsBeforeCapital)
        let te = SegmentationRules.normalizedKey(Array("т. е.".utf8))
        #expect(rules.abbreviation(lastWord: "е", window: te)?.behaviour == .neverEnds)
        #expect(rules.abbreviation(lastWord: "млн", window: Array("5 млн.".utf8)) != nil, "from _cyrillic")
        // A key matches only from the start of a word: «ул.» is not in «пул.».
        #expect(rules.abbreviation(lastWord: "ул", window: Array("пул.".utf8)) == nil)
    }

    @Test("A malformed rule file is an error that names file and line", arguments: [
        ("[no-such-section]\nабв.", "line 1"),
        ("абв.", "line 1"),
        ("[include]\nno-such-file", "line 2"),
    ])
    func malformed(text: String, line: String) {
        var rules = SegmentationRules(language: "xx", icuLocale: "xx")
        do {
            try rules.parse(text, file: "broken.rules")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.code == .rules)
            #expect(error.message.contains("broken.rules") && error.message.contains(line), "\(error.message)")
        }
    }
}
