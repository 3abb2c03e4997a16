import Foundation
import PamyatText
import Testing

@Suite struct DocumentReaderTests {
    func html(_ body: String) throws -> [String] {
        try DocumentReader.paragraphs(of: "<!DOCTYPE html><html><head><title>T</title></head><body>\(body)</body></html>", format: .html, source: "page.html")
    }

    @Test func readsAParagraphPerLineSkippingBlankLines() throws {
        let text = "Первый абзац.\n\n  Второй   абзац.  \n\nТретий.\n"
        #expect(try DocumentReader.paragraphs(of: text, format: .text, source: "a.txt") == ["Первый абзац.", "Второй абзац.", "Третий."])
    }

    @Test func joinsTheLinesOfHardWrappedText() throws {
        let text = "The first paragraph is long and\nwrapped over two lines.\n\nThe second one is wrapped\ntoo, as mail is.\n"
        #expect(try DocumentReader.paragraphs(of: text, format: .text, source: "a.txt") == [
            "The first paragraph is long and wrapped over two lines.", "The second one is wrapped too, as mail is.",
        ])
    }

    @Test func joinsWrappedRunningTextWithoutBlankLines() throws {
        let text = "Президент провел встречу с министром\nи обсудил итоги года. Министр доложил\nо росте производства на 7%.\n"
        #expect(try DocumentReader.paragraphs(of: text, format: .text, source: "a.txt") == [
            "Президент провел встречу с министром и обсудил итоги года. Министр доложил о росте производства на 7%.",
        ])
    }

    @Test func keepsShortUnpunctuatedLinesOfAParagraphPerLineText() throws {
        let text = "Заголовок без точки\nПервый абзац.\nВторой абзац.\nТретий абзац.\n"
        #expect(try DocumentReader.paragraphs(of: text, format: .text, source: "a.txt").count == 4)
    }

    @Test func takesParagraphsFromTheBlockElements() throws {
        let got = try html("""
            <h1>Заголовок</h1><p>Первый <b>абзац</b>.</p>
            <ul><li>Пункт один</li><li>Пункт два</li></ul>
            <blockquote>Цитата</blockquote><table><tr><td>Ячейка</td></tr></table>
            """)
        #expect(got == ["Заголовок", "Первый абзац.", "Пункт один", "Пункт два", "Цитата", "Ячейка"])
    }

    @Test func ignoresScriptsStylesAndPageChrome() throws {
        let got = try html("""
            <header><p>Меню сайта</p></header><nav><li>Главная</li></nav>
            <script>var p = "<p>не текст</p>";</script><style>p { color: red }</style>
            <p>Текст.</p><footer><p>© 2024</p></footer>
            """)
        #expect(got == ["Текст."])
    }

    @Test func decodesEntitiesAndSplitsOnDoubleLineBreaks() throws {
        let got = try html("<p>&laquo;Да&raquo;,&nbsp;&mdash; сказал он.<br><br>Новый абзац.<br>Та же строка.</p>")
        #expect(got == ["«Да», — сказал он.", "Новый абзац. Та же строка."])
    }

    /// A fuzz finding (docs/FUZZING.md): a `<br>` right before a combining mark left its U+001F mark
    /// in the paragraph (Foundation's `contains` did not find U+001F joined to the mark after it).
    @Test(arguments: ["<br>", "<br><br>", "<br> <br>"])
    func aLineBreakBeforeACombiningMarkLeavesNoControlCharacter(breaks: String) throws {
        let got = try html("<p>Hello\(breaks)\u{301}world. Next\(breaks)\u{20DD}\u{301}.</p>")
        #expect(!got.isEmpty)
        for paragraph in got {
            #expect(!paragraph.unicodeScalars.contains { $0.value < 0x20 }, "a control character in \(paragraph.debugDescription)")
        }
        #expect(got.joined(separator: " ").unicodeScalars.filter { $0 == "\u{301}" }.count == 2, "the combining marks are kept: \(got)")
    }

    /// A fuzz finding (docs/FUZZING.md): control characters from the page or from references
    /// (`&#1;`, `&#x84;`) reached paragraphs. C1 references read as browsers read them; others go.
    @Test func controlCharactersDoNotReachParagraphs() throws {
        let got = try html("<p>A&#x84;B&#x85;C&#x96;D</p><p>E\u{7}F&#x7F;G&#x81;H</p><p>I\tJ</p>")
        #expect(got == ["A„B…C–D", "EFGH", "I J"])
    }

    @Test func keepsWordsInNeighbouringBlocksApart() throws {
        #expect(try html("<table><tr><td><div>один</div><div>два</div></td></tr></table>") == ["один два"])
    }

    @Test func nestedBlocksBecomeTheirOwnParagraphs() throws {
        #expect(try html("<blockquote><p>Один.</p><p>Два.</p></blockquote>") == ["Один.", "Два."])
    }

    @Test func anHTMLPageWithoutParagraphsIsAnError() {
        #expect(throws: TextError.self) { try html("<div>Только div</div><script>x()</script>") }
    }

    @Test func doesNotFetchExternalDocumentTypes() throws {
        let page = #"<!DOCTYPE html SYSTEM "http://127.0.0.1:9/never.dtd"><html><body><p>Текст.</p></body></html>"#
        #expect(try DocumentReader.paragraphs(of: page, format: .html, source: "p.html") == ["Текст."])
    }

    @Test(arguments: [("<!DOCTYPE html><p>x</p>", DocumentFormat.html), ("  <html><body>", .html), ("Просто текст.", .text), ("<p>Абзац</p>", .html)])
    func sniffsTheFormat(text: String, format: DocumentFormat) {
        #expect(DocumentFormat.sniff(text) == format)
    }

    @Test func readsFilesByExtensionAndRejectsBadBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("a.htm")
        try Data("<p>Один.</p><p>Два.</p>".utf8).write(to: page)
        #expect(try DocumentReader.paragraphs(ofFile: page.path) == ["Один.", "Два."])
        let bad = folder.appendingPathComponent("bad.txt")
        try Data([0x41, 0xC3, 0x28]).write(to: bad)
        #expect(throws: TextError.self) { try DocumentReader.paragraphs(ofFile: bad.path) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data(" \n\n".utf8).write(to: empty)
        #expect(throws: TextError.self) { try DocumentReader.paragraphs(ofFile: empty.path) }
    }
}

@Suite struct WrappedTextDetectionTests {
    @Test func longLinesWithoutFinalPunctuationStayParagraphs() throws {
        // A paragraph per line whose lines end in a bracket or a word: long lines are never wrapping.
        let long = String(repeating: "Президент провел встречу с министром и обсудил итоги года ", count: 3)
        let text = [long + "[1]", long + "[2]", long + "и так далее", long + "[4]"].joined(separator: "\n")
        #expect(try DocumentReader.paragraphs(of: text, format: .text, source: "a.txt").count == 4)
    }
}

@Suite struct StructuredTextReadingTests {
    func read(_ text: String, layout: TextLayout = .auto) throws -> [String] {
        try DocumentReader.paragraphs(of: text, format: .text, layout: layout, source: "a.txt")
    }

    @Test func headingsLabelsAndItemsStayParagraphsWithOrWithoutBlankLines() throws {
        let lines = [
            "Окно «Параметры подключения»", "Адрес сервера", "Имя или IP-адрес компьютера, на котором работает сервер.",
            "Порт", "Номер порта. По умолчанию 5432.", "Использовать SSL", "Шифровать соединение с сервером.",
            "Меню «Файл»", "Создать", "Открыть…", "Сохранить как…",
        ]
        #expect(try read(lines.joined(separator: "\n")) == lines)
        #expect(try read(lines.joined(separator: "\n\n")) == lines)
    }

    @Test func aLongLabelFollowedByACapitalisedDescriptionIsNotWrapping() throws {
        let lines = [
            "Проверять сертификат сервера при каждом подключении", "Отказываться от подключения, если сертификат не подписан.",
            "Удалять письма с сервера после загрузки на компьютер", "Письма удаляются через указанное число дней.",
        ]
        #expect(try read(lines.joined(separator: "\n")) == lines)
    }

    @Test func wrappedProseIsJoinedAndItsHeadingsAndListItemsKept() throws {
        let text = """
            Как настроить резервное копирование
            Регулярное резервное копирование защищает данные от сбоев диска, ошибок
            пользователей и вирусов. Копии можно хранить на сетевом диске или в облаке,
            а расписание задаётся в окне «Параметры».
            1. Откройте меню «Сервис».
            2. Выберите команду «Резервное копирование».
            """
        #expect(try read(text) == [
            "Как настроить резервное копирование",
            "Регулярное резервное копирование защищает данные от сбоев диска, ошибок пользователей и вирусов. Копии можно хранить на сетевом диске или в облаке, а расписание задаётся в окне «Параметры».",
            "1. Откройте меню «Сервис».", "2. Выберите команду «Резервное копирование».",
        ])
    }

    @Test func eachBlockIsDecidedOnItsOwn() throws {
        let text = "Параметры\nПорт\nТайм-аут\n\nЭтот абзац перенесён по ширине строки, как\nв письмах: строки обрываются посреди\nпредложения.\n"
        #expect(try read(text) == ["Параметры", "Порт", "Тайм-аут", "Этот абзац перенесён по ширине строки, как в письмах: строки обрываются посреди предложения."])
    }

    @Test func theLayoutCanBeForced() throws {
        let text = "Первая строка абзаца, который\nпродолжается здесь.\nЗаголовок\n"
        #expect(try read(text, layout: .lines) == ["Первая строка абзаца, который", "продолжается здесь.", "Заголовок"])
        #expect(try read("Строка без точки и довольно длинная\nЕщё одна такая же длинная строка\n", layout: .wrapped)
            == ["Строка без точки и довольно длинная Ещё одна такая же длинная строка"])
    }
}
