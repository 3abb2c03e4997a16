import PamyatAlign
import PamyatCore
import Testing

/// Documents laid out a paragraph per line (headings, labels, list items, descriptions), written
/// for these tests: a paragraph is merged with a neighbour only when both sides show the merge —
/// the other side's sentence covers both paragraphs — never because a label or heading is left
/// out of the translation or repeats the words of the paragraph after it.
@Suite struct ParagraphMergeTests {
    let aligner: Aligner

    init() throws {
        aligner = try Aligner(languages: Corpus.ruEn)
    }

    /// Beads as (source sentence indices, target sentence indices), omissions included.
    func beads(_ source: [[String]], _ target: [[String]]) throws -> [[[Int]]] {
        try aligner.align(source: source, target: target).beads.map { [Array($0.source), Array($0.target)] }
    }

    /// Each line one paragraph of one sentence.
    func lines(_ text: [String]) -> [[String]] { text.map { [$0] } }

    @Test func aLeftOutLabelWhoseWordRepeatsInItsDescriptionStaysAlone() throws {
        // A dialog page; the translation leaves out the label «Порт», whose word the description
        // repeats («Номер порта…» ↔ «The server's port number…»).
        let source = lines([
            "Параметры подключения", "Сервер", "Имя или адрес сервера, к которому подключается программа.",
            "Порт", "Номер порта сервера, по умолчанию 8080.", "Тайм-аут",
            "Сколько секунд ждать ответа сервера.", "Шифрование", "Использовать TLS при подключении.",
        ])
        let target = lines([
            "Connection Settings", "Server", "The name or address of the server the program connects to.",
            "The server's port number, 8080 by default.", "Timeout",
            "How many seconds to wait for the server to reply.", "Encryption", "Use TLS when connecting.",
        ])
        let got = try beads(source, target)
        let expected: [[[Int]]] = [[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[4], [3]], [[5], [4]], [[6], [5]], [[7], [6]], [[8], [7]]]
        #expect(got == expected, "the label is a 1-0, the rest 1-1: \(got)")
    }

    @Test func aLeftOutHeadingIsNotGluedToTheParagraphThatRepeatsIt() throws {
        // The heading's words open the next paragraph on both sides; the translation has no
        // heading.
        let source = lines([
            "Резервное копирование", "Резервное копирование запускается каждую ночь в 02:00.",
            "Копии хранятся 30 дней в папке backup.", "Восстановление", "Чтобы восстановить базу, выберите копию и нажмите «Восстановить».",
        ])
        let target = lines([
            "Backups run every night at 02:00.", "Copies are kept for 30 days in the backup folder.",
            "Restore", "To restore the database, select a copy and click Restore.",
        ])
        let got = try beads(source, target)
        let expected: [[[Int]]] = [[[0], []], [[1], [0]], [[2], [1]], [[3], [2]], [[4], [3]]]
        #expect(got == expected, "the heading is a 1-0: \(got)")
    }

    @Test func aLabelIsNotGluedToItsDescriptionWhenTheTranslationGluesThem() throws {
        // The translator wrote «Label: description» as one paragraph; the original keeps the
        // label apart, and its one word repeats in the description, so the translation's
        // sentence shows nothing of the label's own: no 2-1.
        let source = lines([
            "Печать", "Принтер", "Устройство, на котором печатается документ.",
            "Копии", "Число копий каждой страницы.", "Ориентация", "Книжная или альбомная.",
        ])
        let target = lines([
            "Printing", "Printer", "The device that prints the document.",
            "Copies: The number of copies of each page.", "Orientation", "Portrait or landscape.",
        ])
        let alignment = try aligner.align(source: source, target: target)
        for bead in alignment.beads {
            let paragraphs = Set(bead.source.map { alignment.sourceParagraphs[$0] })
            #expect(paragraphs.count <= 1, "no bead joins two original paragraphs: \(bead)")
        }
        let got = alignment.beads.map { [Array($0.source), Array($0.target)] }
        #expect(got.contains([[4], [3]]), "the description pairs with the glued sentence: \(got)")
        #expect(got.contains([[5], [4]]) && got.contains([[6], [5]]), "the labels after it stay paired: \(got)")
    }

    @Test func twoParagraphsMergeWhenTheTranslationCoversBoth() throws {
        // Both sides show the merge: the translation's one sentence carries each original
        // paragraph's own words (the key Ctrl+S and «сохранить»; the folder Documents and «PDF»).
        let source = lines([
            "Сохранение отчёта", "Нажмите Ctrl+S, чтобы сохранить отчёт.", "Файл в формате PDF появится в папке Documents.",
            "Печать отчёта", "Нажмите Ctrl+P и выберите принтер.",
        ])
        let target = lines([
            "Saving a report", "Press Ctrl+S to save the report as a PDF file in the Documents folder.",
            "Printing a report", "Press Ctrl+P and select a printer.",
        ])
        let got = try beads(source, target)
        let expected: [[[Int]]] = [[[0], [0]], [[1, 2], [1]], [[3], [2]], [[4], [3]]]
        #expect(got == expected, "a 2-1 bead for the merged paragraphs: \(got)")
    }

    @Test func aLeftOutListItemIsNotGluedToItsSibling() throws {
        // A menu list; the translation leaves out «Печать», which shares the lexicon's word
        // «печать» with nothing else. Its neighbours are short items of similar length.
        let source = lines([
            "Меню «Файл»", "Создать", "Открыть", "Сохранить как PDF", "Печать", "Закрыть окно", "Выход из программы",
        ])
        let target = lines([
            "The File menu", "New", "Open", "Save as PDF", "Close window", "Exit the program",
        ])
        let alignment = try aligner.align(source: source, target: target)
        for bead in alignment.beads {
            #expect(bead.source.count <= 1 && bead.target.count <= 1, "no merge in a list: \(bead)")
        }
        let got = alignment.beads.map { [Array($0.source), Array($0.target)] }
        #expect(got.contains([[3], [3]]) && got.contains([[5], [4]]), "the items around the left-out one stay paired: \(got)")
    }

    @Test func aLeftOutQuestionIsNotGluedToItsAnswer() throws {
        // A FAQ; the translation leaves out one question, whose words («порты», «открыть») its
        // answer's translation repeats. The words fit a 2-1, the lengths do not.
        let source = [
            ["Вопросы и ответы"], ["Как сменить пароль?"], ["Откройте «Настройки» → «Безопасность» и нажмите «Сменить пароль»."],
            ["Какие порты нужно открыть на брандмауэре?"],
            ["Для приёма почты из интернета — TCP 25.", "Для клиентов — 465 и 587 (отправка), 993 (IMAP) и 443 (веб-интерфейс)."],
            ["Где хранятся письма?"], ["Письма хранятся в папке /var/mail на сервере."],
        ]
        let target = [
            ["Questions and answers"], ["How do I change my password?"], ["Open Settings > Security and click Change Password."],
            ["To receive mail from the Internet, open TCP port 25.", "For clients, open 465 and 587 for sending, 993 for IMAP, and 443 for the web interface."],
            ["Where is mail stored?"], ["Mail is stored in the /var/mail folder on the server."],
        ]
        let alignment = try aligner.align(source: source, target: target)
        let got = alignment.beads.map { [Array($0.source), Array($0.target)] }
        let expected: [[[Int]]] = [[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[4], [3]], [[5], [4]], [[6], [5]], [[7], [6]]]
        #expect(got == expected, "the question is a 1-0: \(got)")
        #expect(alignment.beads[4].confidence >= 0.9, "the answer's pair is sure enough to store")
    }
}
