import Testing

/// Russian in the informal register of forums and chats (issue 11): an ASCII `--` as a dialogue
/// dash, sentences that start in lowercase after `..`, `!` or `?`, and emoticons that close a
/// sentence; and the literary text these rules must leave alone. Each text marks its sentence ends
/// with ` | ` (see ``GoldText``); all were written for these tests. A paragraph with typeset marks
/// (`—`, `«`) and no chat marks (emoticons, `..`, `--`) is read as literary.
@Suite struct InformalRussianTests {
    private func check(_ gold: GoldText) throws {
        let sentences = try segmenter("ru").sentences(in: gold.text)
        #expect(sentences == gold.sentences, "«\(gold.text)» was split as \(sentences)")
    }

    @Test("An ASCII -- is a dialogue dash", arguments: [
        "Привет. | -- Привет! | -- Как дела? | -- Нормально, сам как?",
        "Ты придёшь завтра? -- спросила Маша. | -- Не знаю. | -- Приходи!",
        "-- Где ты был? | -- Дома сидел. | -- А почему не позвонил?",
        "-- Я занят, -- ответил он. | -- Позже поговорим.",
        "Ну и погода -- снег в мае.",
        "Мы ждали час -- никто не пришёл. | Пришлось уйти.",
    ] as [GoldText])
    func doubleHyphenDash(_ gold: GoldText) throws { try check(gold) }

    @Test("A lowercase word after two dots starts a sentence", arguments: [
        "Ну ладно.. | пойду спать",
        "Короче.. | ничего не получилось.. | завтра попробую ещё раз",
        "Не знаю.. | может и приду",
        "Жаль.. | думал, успеем",
    ] as [GoldText])
    func twoDots(_ gold: GoldText) throws { try check(gold) }

    @Test("A lowercase word after ! or ? starts a sentence in chat", arguments: [
        "Всем привет! | кто-нибудь был на концерте вчера?",
        "Ты где? | я уже у входа стою",
        "Серьёзно?! | не ожидал от тебя",
        "Спасибо всем!!! | было очень весело",
        "Как дела? | что нового?",
        "Помогите!! | не запускается игра после обновления",
        "Кто знает, сколько стоит ремонт? | заранее спасибо",
        "Фильм «Аватар» смотрели? | по-моему, скучно)) | Зато графика классная",
        "Ответ — в описании.. | читайте внимательнее",
        "Нажимаю «Сохранить».. | ничего не происходит",
    ] as [GoldText])
    func lowercaseAfterExclamation(_ gold: GoldText) throws { try check(gold) }

    @Test("An emoticon closes a sentence", arguments: [
        "Спасибо))) | завтра увидимся",
        "Было здорово =) | Приходите ещё",
        "Ну ты даёшь :) | я бы не решился",
        "Опять дождь((( | никуда не пойду",
        "Привет! :) | Как дела?",
        "Отлично ;) | завтра расскажу подробнее",
        "Всё сломалось :-( | придётся чинить самому",
        "Мы выиграли!!! ))) | всем спасибо",
        "Классный фильм)) | Всем советую",
        "Ура!)) | наконец-то отпуск",
        "Нажимаю кнопку, а оно не работает( | Версия старая.",
        "Опять не пустили( | обидно",
        "Ну ты сказал) | прям как мой батя.",
        "Обещали дать свет к обеду :( | ждём.",
        "Спасибо)) | Ок.",
        "Заранее спасибо)) | -- Ты почему вчера не пришёл?",
        "Всем любви!!! | ура))) | — Вы к кому? — спросила вахтёрша.",
        "Не включается(( | Мастер сказал менять плату. | -- Звучит круто)) | я с вами!",
        "Встреча (в 10:00) прошла хорошо.",
        "Пункт а) выполнен, пункт б) нет.",
    ] as [GoldText])
    func emoticons(_ gold: GoldText) throws { try check(gold) }

    @Test("A lowercase word after a full stop starts a sentence in a paragraph with chat marks", arguments: [
        "Вчера ходили в кино)) | фильм так себе. | зато попкорн вкусный",
        "Вчера ходили в кино. | фильм так себе. | зато попкорн вкусный))",
        "Купил телефон.. | батарея держит день. | в целом доволен :)",
        "Сходил в магазин)) | купил хлеб, молоко и т.д. и всё такое",
        "Живу в г. минске)) | тут хорошо. | приезжайте",
        "Ты придёшь?) | я жду",
        "Это было давно. потом всё изменилось.",
        "Рим основан в 753 г. до н. э. но это спорно))",
        "Давление 745 мм рт. ст. жуть)) | голова болит",
        "В наст. время)) | всё иначе",
    ] as [GoldText])
    func lowercaseAfterFullStopInChat(_ gold: GoldText) throws { try check(gold) }

    @Test("Literary text is not split before a lowercase word", arguments: [
        "— Кто там? — спросил он.",
        "— Ах! как здесь хорошо, — сказала она.",
        "Что ты! что ты! — замахала руками няня.",
        "«Куда ты? постой!» — крикнул он вслед.",
        "Ну что ж... посмотрим, что из этого выйдет.",
        "— Неужели?.. он и правда вернулся?",
        "Он спросил: «Кто там?» и подошёл к двери.",
        "Я приду... наверное.",
        "— Стой! — крикнул он. | — Куда ты?",
        "Он крикнул: — Стой! не двигайся!",
        "Тишина — ни звука. | Что же делать? бежать? звать на помощь?",
        "«Неужели?» — подумала она. | Ах! как давно это было.",
    ] as [GoldText])
    func literary(_ gold: GoldText) throws { try check(gold) }
}
