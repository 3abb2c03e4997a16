import Testing

/// Sentence ends at the junctions of run-on text (a document whose paragraphs were joined into
/// one line, issue 11): a sentence that ends in a single capital letter that names a key, an axis,
/// a cell or a variant, not an initial; and English lines that start with a lowercase parameter
/// label or an option. Each text marks its sentence ends with ` | ` (see ``GoldText``); all were
/// written for these tests.
@Suite struct JunctionSegmentationTests {
    private func check(_ gold: GoldText, _ language: String) throws {
        let sentences = try segmenter(language).sentences(in: gold.text)
        #expect(sentences == gold.sentences, "«\(gold.text)» was split as \(sentences)")
    }

    @Test("A key, an axis, a cell or a variant named by one capital letter ends a sentence (ru)", arguments: [
        "Чтобы сохранить изменения, нажмите клавиши CTRL+С. | Откроется окно сохранения.",
        "Выделите весь текст сочетанием Ctrl+A. | Скопируйте его в буфер обмена.",
        "Для отмены действия нажмите Ctrl + Z. | Последняя правка исчезнет.",
        "Для выхода нажмите Shift+Q. | Программа закроется без вопросов.",
        "Значения температуры откладываются по оси Х. | Время отложено по вертикали.",
        "Найдите проекцию вектора на ось Y. | Длина проекции равна нулю.",
        "Сумму запишите в столбец D. | Таблица пересчитается сама.",
        "Поставьте курсор в ячейку В. | Введите формулу суммы.",
        "Чтобы продолжить, нажмите кнопку Б. | Появится список вариантов.",
        "Правильный ответ — вариант А. | Остальные ответы неверны.",
        "Больше всего в шиповнике витамина С. | Лимоны уступают ему втрое.",
        "Откройте приложение Б. | Найдите в нём таблицу расходов.",
        "Отметьте на плоскости точку М. | Проведите через неё прямую.",
        "Ось абсцисс обозначают буквой X. | Ось ординат обозначают буквой Y.",
        "Мой сын учится в 7Б. | Классный руководитель его хвалит.",
        "Графики построены по осям X и Y. | Масштаб выбран одинаковый.",
        "Для печати нажмите P. | Откроется диалог принтера.",
        "Вход в здание со стороны корп. Б. | Охрана проверяет пропуска.",
        "Заполните заявление по форме А. | Приложите копию паспорта.",
    ] as [GoldText])
    func russianKeysAndAxes(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("Initials and abbreviations stay inside the sentence (ru)", arguments: [
        "Президент А. Г. Лукашенко провёл совещание с губернаторами.",
        "Лукашенко А.Г. провёл совещание с губернаторами.",
        "Об этом заявил В. Путин на пресс-конференции.",
        "Стихи А. С. Пушкина учат в школе.",
        "Письмо направили В. Иванову и С. Петрову.",
        "Встречу открыл Х. Мухамеджанов. | Затем слово дали гостям.",
        "Нажмите клавишу Ctrl. | Удерживайте её, пока не появится меню.",
        "Нажмите Ctrl+S, т. е. сохраните файл.",
        "Оси X и Y, т. е. абсцисса и ордината, перпендикулярны.",
        "В магазине были столы, стулья и т. д. и т. п.",
        "Он живёт в г. Минске на ул. Кирова.",
        "Это видно, т. е. их позиция ясна.",
        "Книгу подписал автор Н. Н. Петров.",
        "Вышел новый диск А. Пугачёвой.",
        "Этот план А. Иванов предложил ещё весной.",
        "Лучшим признан вариант от А. Иванова.",
        "Пакет прислал Ю. Б. Сидоров из г. Гомеля.",
        "Победитель получит приз в 10 тыс. долл. | 1.1. Настоящее положение определяет порядок конкурса.",
        "Подробнее см. ст. 5. | Права граждан защищены законом.",
        "Согласно п. 3. | Далее идёт перечень документов.",
    ] as [GoldText])
    func russianInitials(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("A key, an axis, a cell or a variant named by one capital letter ends a sentence (en)", arguments: [
        "To copy the selection, press Ctrl+C. | A short message confirms it.",
        "The readings are plotted along axis X. | Each dot is one sample.",
        "Type the total into column B. | Formulas update on their own.",
        "Citrus fruit is rich in vitamin C. | Kiwis are even richer.",
        "Save the file with Ctrl + S. | Closing the window discards nothing.",
        "The correct answer is option D. | Every other option is a trap.",
        "Fill in Form B. | Attach a copy of your passport.",
        "The memo was signed by John F. Kennedy in 1961.",
        "George W. Bush met the press on Monday.",
        "The study by A. B. Smith is cited often.",
    ] as [GoldText])
    func englishKeysAndAxes(_ gold: GoldText) throws { try check(gold, "en") }

    @Test("A JSON object or a code block after a stop starts a sentence", arguments: [
        ("ru", "Пример. | {\"subject\": \"Диск заполнен\", \"priority\": 2}"),
        ("ru", "Пример ответа. | {\"total\": 2, \"items\": []}"),
        ("en", "Example request body. | {\"name\": \"backup\", \"enabled\": true}"),
        ("en", "Define the handler first. | { return value * 2; }"),
    ])
    func jsonAfterAStop(language: String, text: String) throws { try check(GoldText(text), language) }

    @Test("Only a brace: a lowercase word after a stop and a bracket or a quote goes on", arguments: [
        ("ru", "Результат зависит от версии, см. (подробнее) раздел 3."),
        ("en", "The value is in seconds, e.g. (at most) thirty."),
    ])
    func lowercaseAfterBracketGoesOn(language: String, text: String) throws { try check(GoldText(text), language) }

    @Test("A lowercase parameter label, option or identifier after a stop starts a sentence", arguments: [
        "Missing values are ignored. | timeout: the number of seconds to wait for a reply. | retries: how many times the request is repeated.",
        "Defaults apply when a field is absent. | host: the name of the server to connect to.",
        "The cache is kept between runs. | --verbose prints each step as it happens.",
        "The pool grows on demand. | max_connections caps its size.",
        "Set the flag, i.e. --verbose, to see more.",
        "See the manual, e.g. the section on logging.",
        "The meeting ended at 5 p.m. and everyone went home.",
        "The bus leaves at 5 p.m. tomorrow: bring your tickets.",
        "We packed food, water, maps, etc. notes: none were needed.",
        "Use the flag only once. | --dry-run: show what would change. | --force: skip the checks.",
    ] as [GoldText])
    func englishLabels(_ gold: GoldText) throws { try check(gold, "en") }

    @Test("A lowercase parameter label after a stop starts a sentence (ru)", arguments: [
        "Если файла нет, значение не используется. | timeout: время ожидания ответа в секундах.",
        "Параметры задаются в файле настроек. | port: номер порта. | host: имя сервера.",
        "Это видно, т. е. их позиция ясна.",
    ] as [GoldText])
    func russianLabels(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("A heading run into the numbered list after it ends before the first number", arguments: [
        "Настройка расписания | 1. Откройте меню «Сервис». | 2. Выберите команду «Расписание». | 3. Нажмите OK.",
        "Перед началом работы | 1. Убедитесь, что сервер запущен. | 2. Войдите как администратор.",
        "Варианты ответа | а) Да. | б) Нет.",
        "Как видно из таблицы 1. | Данные растут из года в год.",
        "Подробнее см. в главе 1. | Там описаны все параметры.",
    ] as [GoldText])
    func runOnListsStartBeforeTheirFirstNumber(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("Code after a stop starts a sentence (ru): a parameter with a dash, an assignment, a call", arguments: [
        "Параметры. | key — имя ключа. | value — новое значение.",
        "Пример. | timeout = settings.GetValue(\"timeout\", 30). | port = 5432.",
        "Пример. | settings.SetValue(\"ui.language\", \"ru\").",
        "Пример. | print(key, value).",
        "Параметры. | name, строка.",
        "Функция вызывается без аргументов. | schedule, строка или Interval.",
        "Приходите в 5 ч. вечера. | Дверь будет открыта.",
        "Он живёт в г. москва, т. е. в столице.",
    ] as [GoldText])
    func codeAfterAStopStartsASentence(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("A unit after a label's comma, or a preposition left after a verb, ends the label (ru)", arguments: [
        "Тайм-аут команды, с. | Максимальное время выполнения одного запроса.",
        "Интервал опроса, мин. | Как часто проверять почту.",
        "Тайм-аут, с. | Сколько секунд ждать ответа.",
        "Высота строки, мм. | Расстояние между базовыми линиями.",
        "Действует с. | Дата начала действия роли.",
        "Начинается с. | Первый символ шаблона.",
        "Адрес: Минская обл., с. Ивановка, ул. Ленина.",
        "Минский район, с. Ивановка встречает гостей.",
        "Россия, г. Москва, ул. Тверская.",
        "Жители с. Ивановка собрались на сход.",
        "Совет с. Ивановка принял решение.",
        "Он родился в с. Покровское Тульской губернии.",
        "Подробности на с. 45 и далее.",
    ] as [GoldText])
    func labelUnitsAndStrandedPrepositions(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("Code after a call's bracket and a stop, or after a colon and a stop, starts a sentence", arguments: [
        ("ru", "Пример. | conn = Connection(). | conn.BeginTransaction(). | try:. | conn.Commit(). | except DatabaseError:."),
        ("en", "Example. | settings.Save(). | for key in settings.Keys(\"mail.\"):."),
        ("ru", "Откройте командную строку и выполните команду:. | sync push --all."),
        ("en", "Open a command prompt and run:. | sync status."),
        ("ru", "Вызовите метод Save(). | Затем закройте окно."),
        ("en", "Call the function (see above). then it returns."),
        ("en", "The answer (in brief) is no."),
    ])
    func codeAfterCallOrColon(language: String, text: String) throws { try check(GoldText(text), language) }

    @Test("A lowercase parameter label in Cyrillic after a stop starts a sentence (ru)", arguments: [
        "Аргументы. | число — округляемое значение или ссылка на ячейку. | число_разрядов — сколько знаков оставить.",
        "Аргументы. | значение_при_ошибке — что вернуть при ошибке.",
        "Параметры. | путь: папка, в которую копируются файлы.",
        "Это видно, т. е. ответ: да.",
        "Купили хлеб, молоко и т. д. — всё по списку.",
        "Прибыли в г. москва — столица встретила нас дождём.",
    ] as [GoldText])
    func cyrillicLabelsAfterAStop(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("A Latin capital before a Cyrillic word is no initial (ru)", arguments: [
        "--threads N. | Число одновременных передач.",
        "Укажите размер буфера N. | По умолчанию он равен 64.",
        "Статью написал J. Smith из Оксфорда.",
        "Пакет прислал Ю. Б. Сидоров из Гомеля.",
    ] as [GoldText])
    func latinCapitalBeforeCyrillic(_ gold: GoldText) throws { try check(gold, "ru") }

    @Test("A lowercase command after a stop that ends a file name starts a sentence (en)", arguments: [
        "Install the package. | sudo dpkg -i agent_4.2.1_amd64.deb. | sudo systemctl start agent.",
        "Open config.yaml. | timeout is in seconds.",
        "See the list, e.g. notes and logs.",
        "The U.S. army arrived.",
    ] as [GoldText])
    func commandAfterAFileName(_ gold: GoldText) throws { try check(gold, "en") }

    @Test("A lowercase name from code after a stop that ends a long word starts a sentence", arguments: [
        "All functions are available in the scheduler module. | import scheduler.",
        "Parameters. | name (string).",
        "Example request. | curl -H \"Accept: application/json\" https://example.com/api.",
        "Prices are approx. two dollars each.",
        "The total is shown incl. tax and shipping.",
        "It costs misc. items and more.",
        "The U.S. army arrived.",
    ] as [GoldText])
    func codeAfterALongWordStartsASentence(_ gold: GoldText) throws { try check(gold, "en") }

    @Test("A lowercase name from code after a Latin word in Russian text starts a sentence", arguments: [
        "Все функции доступны из модуля scheduler. | import scheduler.",
    ] as [GoldText])
    func codeAfterALatinWordInRussian(_ gold: GoldText) throws { try check(gold, "ru") }
}
