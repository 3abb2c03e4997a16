import PamyatCore
import Testing

@Suite struct LanguageTagTests {
    @Test func primaryLanguageIsTheFirstSubtag() {
        #expect(LanguageTag(canonical: "en-GB").language == "en")
        #expect(LanguageTag(canonical: "ru").language == "ru")
    }

    @Test func unitContentIgnoresVariantOrderAndProvenance() {
        let ru = Variant(language: LanguageTag(canonical: "ru"), text: "Привет.")
        let en = Variant(language: LanguageTag(canonical: "en"), text: "Hello.")
        let a = TranslationUnit(sourceLanguage: ru.language, variants: [ru, en], origin: .aligned)
        let b = TranslationUnit(sourceLanguage: ru.language, variants: [en, ru], origin: .imported,
                                provenance: Provenance(documentID: "x"))
        let c = TranslationUnit(sourceLanguage: ru.language, variants: [ru, Variant(language: en.language, text: "Hi.")], origin: .aligned)
        #expect(UnitContent(a) == UnitContent(b))
        #expect(UnitContent(a).hash == UnitContent(b).hash)
        #expect(UnitContent(a) != UnitContent(c))
    }

    @Test func theContentHashIsFNV1aOfTheKey() {
        // Memories store this hash: it must not change between versions.
        let unit = TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: "Да."), Variant(language: LanguageTag(canonical: "en"), text: "Yes.")],
            origin: .imported)
        #expect(UnitContent(unit).key == "en\u{1F}Yes.\u{1E}ru\u{1F}Да.")
        #expect(UnitContent(unit).hash == 256_402_490_653_803_074, "64-bit FNV-1a of the key's UTF-8 bytes, as a signed integer")
    }
}
