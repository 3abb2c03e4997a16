import PamyatCore
import PamyatText
import Testing

@Suite struct LanguageTagParseTests {
    @Test(arguments: [("en-us", "en-US"), ("RU", "ru"), ("en_GB", "en-GB"), ("ru-RU", "ru-RU"), ("be", "be"), ("kk", "kk"), ("sr-latn", "sr-Latn")])
    func canonicalisesTags(input: String, expected: String) throws {
        #expect(try LanguageTag.parse(input).identifier == expected)
    }

    @Test(arguments: ["", "xx", "english", "en--", "ру", "und"])
    func refusesUnknownOrIllFormedTags(input: String) {
        #expect(throws: TextError.self) { try LanguageTag.parse(input) }
    }
}
