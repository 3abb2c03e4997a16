import PamyatCore
import PamyatText
import Testing

/// Belarusian, Ukrainian and Kazakh: ICU's rules for the language and a rule file of their own.
@Suite struct OtherLanguagesSegmentationTests {
    @Test("Belarusian, Ukrainian and Kazakh abbreviations", arguments: [
        ("be", "Прэзідэнт А.Р. Лукашэнка правёў нараду ў г. Мінску. | Яна доўжылася тры гадзіны."),
        ("be", "Дагавор падпісаны ў 2021 г. | Потым яго ратыфікавалі."),
        ("be", "У 2023 г. Урад зацвердзіў праграму."),
        ("be", "Удзельнічалі Беларусь, Расія, Кітай і інш. | Усяго 30 краін."),
        ("be", "Цана 5 тыс. руб. | Далей было прапанавана знізіць яе."),
        ("uk", "Президент підписав закон у 2021 р. | Потім його оприлюднили."),
        ("uk", "У 2023 р. Уряд затвердив програму."),
        ("uk", "Зустріч відбулася в м. Києві на вул. Хрещатик. | Її провів проф. І. П. Коваленко."),
        ("uk", "Продавали овочі, фрукти, молоко і т. д. | Покупців було мало."),
        ("kk", "Президент Қ.К. Тоқаев Астана қ. келді. | Кездесу екі сағатқа созылды."),
        ("kk", "2023 ж. Президент жарлыққа қол қойды."),
        ("kk", "Көрмеге Қазақстан, Ресей, Қытай т.б. қатысты. | Барлығы 30 ел."),
        ("kk", "Бағасы 5 мың теңге. | Бұл қымбат емес."),
        ("kk", "— Сен қайдан келдің? — деп сұрады ол. | — Алматыдан."),
        ("be", "Значэнні адкладваюцца па восі Х. | Час адкладзены па вертыкалі."),
        ("be", "Націсніце Ctrl+С. | Адкрыецца акно."),
        ("uk", "Значення відкладаються по осі Х. | Час відкладено по вертикалі."),
        ("uk", "Запишіть суму в стовпець B. | Таблиця перерахується сама."),
        ("kk", "Ctrl+С пернесін басыңыз. | Терезе ашылады."),
    ])
    func languages(tag: String, marked: String) throws {
        let gold = GoldText(marked)
        let sentences = try segmenter(tag).sentences(in: gold.text)
        #expect(sentences == gold.sentences, "[\(tag)] «\(gold.text)» was split as \(sentences)")
    }

    @Test("Every language of issue 2 has rules")
    func supportedLanguages() {
        let supported = Set(SentenceSegmenter.supportedLanguages)
        #expect(supported.isSuperset(of: ["ru", "en", "be", "uk", "kk"]), "supported: \(supported.sorted())")
        #expect(!supported.contains(where: { $0.hasPrefix("_") }), "shared parts are not languages: \(supported.sorted())")
    }

    @Test("A region subtag uses its language's rules", arguments: ["en-GB", "en-US", "ru-RU", "ru-BY"])
    func regions(tag: String) throws {
        let segmenter = try segmenter(tag)
        let sentences = segmenter.sentences(in: tag.hasPrefix("en") ? "Mr. Smith arrived. He sat down." : "Пришёл проф. Иванов. Он сел.")
        #expect(sentences.count == 2, "\(tag): \(sentences)")
    }

    @Test("A language ICU knows but pamyat has no rules for is refused", arguments: ["de", "fr", "zh"])
    func unsupported(tag: String) throws {
        let language = try LanguageTag.parse(tag)
        #expect(throws: TextError.self, "\(tag) has no rules") { try SentenceSegmenter(language: language) }
        do {
            _ = try SentenceSegmenter(language: language)
        } catch {
            #expect(error.code == .unknownLanguage)
            #expect(error.message.contains("ru"), "the message lists the languages: \(error.message)")
        }
    }
}
