import PamyatCore
import PamyatService
import Testing

@Suite struct LanguageGuessTests {
    @Test(arguments: [("doc.ru.txt", "ru"), ("a/b/release.en.html", "en"), ("be/doc.txt", "be"), ("news_kk.txt", "kk"), ("x-uk.htm", "uk")])
    func readsTheLanguageFromTheFileName(path: String, language: String) {
        #expect(LanguageGuess.fromFileName(path)?.identifier == language)
    }

    @Test func saysNothingForANameWithoutALanguage() {
        #expect(LanguageGuess.fromFileName("document.txt") == nil)
    }

    @Test(arguments: [
        ("Президент Беларуси провел встречу с Генеральным секретарем и обсудил вопросы безопасности.", "ru"),
        ("Прэзідэнт Беларусі правёў сустрэчу з Генеральным сакратаром і абмеркаваў пытанні бяспекі.", "be"),
        ("Президент України провів зустріч з Генеральним секретарем і обговорив питання безпеки, її майбутнє.", "uk"),
        ("Мемлекет басшысы Бас хатшымен кездесіп, қауіпсіздік мәселелерін талқылады.", "kk"),
        ("The President met with the Secretary General and discussed security issues.", "en"),
    ])
    func tellsLanguagesApartByTheirLetters(text: String, language: String) {
        #expect(LanguageGuess.fromScript(text)?.identifier == language, "\(text)")
    }

    @Test func tooLittleTextTellsNothing() {
        #expect(LanguageGuess.fromScript("12 345 — …") == nil)
    }
}
