#!/usr/bin/env python3
"""Writes a seeded set of generated Russian/English software-documentation pages in the
`NAME.pairs.tsv` format of evaluate.py (one paragraph pair per line: KIND, original, translation).

Shapes: dialog pages (a heading, an intro, then label / description lines), menu and list pages,
function references (signature, description, parameters, return value, example code) and
procedures (numbered steps with UI names, keys and values). The phrases were written for pamyat.

Usage: make_docs.py OUT_DIR [--count 24] [--seed 1] [--kinds dialog,menu,reference,procedure]
(other kinds: table, menupath, signature)
"""
import argparse
import os
import random

# (label ru, label en, description ru, description en); some descriptions have a different number
# of sentences on the two sides, as real translations do.
SETTINGS = [
    ("Адрес сервера", "Server address", "Имя или IP-адрес компьютера, на котором работает сервер.", "The name or IP address of the computer that runs the server."),
    ("Порт", "Port", "Номер порта. По умолчанию 5432.", "The port number. The default is 5432."),
    ("Имя пользователя", "User name", "Учётная запись, от имени которой выполняется подключение.", "The account used to connect."),
    ("Пароль", "Password", "Пароль учётной записи. Он хранится в зашифрованном виде.", "The account's password, stored encrypted."),
    ("Тайм-аут, с", "Timeout, s", "Сколько секунд ждать ответа, прежде чем сообщить об ошибке.", "How many seconds to wait for a response before reporting an error."),
    ("Использовать SSL", "Use SSL", "Шифровать соединение с сервером.", "Encrypt the connection to the server."),
    ("Проверять сертификат", "Verify certificate", "Отказываться от подключения, если сертификат не подписан доверенным центром.", "Refuse to connect if the certificate is not signed by a trusted authority."),
    ("Язык интерфейса", "Interface language", "Язык меню и сообщений. Изменение вступит в силу после перезапуска.", "The language of menus and messages. The change takes effect after a restart."),
    ("Тема оформления", "Theme", "Светлая, тёмная или как в системе.", "Light, dark, or the same as the system."),
    ("Автосохранение", "AutoSave", "Сохранять документ каждые 10 минут.", "Save the document every 10 minutes."),
    ("Папка по умолчанию", "Default folder", "Папка, которая открывается в окне «Сохранить как».", "The folder that the Save As window opens in."),
    ("Размер кэша, МБ", "Cache size, MB", "Сколько места на диске отводится под временные файлы. Не менее 256 МБ.", "How much disk space is used for temporary files (at least 256 MB)."),
    ("Число потоков", "Threads", "Сколько заданий выполняется одновременно.", "How many jobs run at the same time."),
    ("Кодировка", "Encoding", "Кодировка текстовых файлов при импорте, например UTF-8 или Windows-1251.", "The encoding of text files on import, such as UTF-8 or Windows-1251."),
    ("Разделитель полей", "Field separator", "Символ, которым разделены столбцы в файле CSV.", "The character that separates columns in a CSV file."),
    ("Первая строка — заголовок", "First row is a header", "Не импортировать первую строку как данные.", "Do not import the first row as data."),
    ("Формат даты", "Date format", "Как показывать даты в отчётах.", "How dates are shown in reports."),
    ("Валюта", "Currency", "Валюта новых счетов. Курсы обновляются раз в сутки.", "The currency of new invoices; rates are updated daily."),
    ("Ставка НДС, %", "VAT rate, %", "Ставка налога, которая подставляется в новые строки счёта.", "The tax rate filled in on new invoice lines."),
    ("Отправлять уведомления", "Send notifications", "Сообщать по почте о завершении задания.", "Email a notice when a job finishes."),
    ("Адрес для уведомлений", "Notification address", "Адрес электронной почты, на который приходят уведомления.", "The email address that notices are sent to."),
    ("Хранить журнал, дней", "Keep log, days", "Через сколько дней удалять старые записи журнала.", "After how many days old log entries are deleted."),
    ("Уровень журнала", "Log level", "Ошибки, предупреждения, сведения или отладка.", "Errors, warnings, information or debug."),
    ("Прокси-сервер", "Proxy server", "Адрес прокси-сервера, если доступ в интернет идёт через него.", "The proxy server's address, if internet access goes through one."),
    ("Качество JPEG", "JPEG quality", "От 1 до 100. Чем выше качество, тем больше файл.", "From 1 to 100; higher quality makes larger files."),
    ("Разрешение, точек на дюйм", "Resolution, dpi", "Разрешение при печати и экспорте в PDF.", "The resolution for printing and PDF export."),
    ("Поля страницы", "Page margins", "Отступы от краёв листа в миллиметрах.", "The distance from the edges of the sheet, in millimetres."),
    ("Ориентация", "Orientation", "Книжная или альбомная.", "Portrait or landscape."),
    ("Двусторонняя печать", "Print on both sides", "Печатать на обеих сторонах листа, если принтер это умеет.", "Print on both sides of the sheet if the printer supports it."),
    ("Число копий", "Copies", "Сколько экземпляров напечатать.", "How many copies to print."),
    ("Расписание", "Schedule", "Когда запускать резервное копирование: ежедневно, еженедельно или вручную.", "When to run the backup: daily, weekly or manually."),
    ("Хранить копий", "Copies to keep", "Сколько последних резервных копий хранить. Старые удаляются.", "How many recent backups to keep; older ones are deleted."),
    ("Сжатие", "Compression", "Сжимать резервные копии. Экономит место, но замедляет копирование.", "Compress backups. This saves space but makes copying slower."),
    ("Роль", "Role", "Права пользователя: администратор, редактор или читатель.", "The user's rights: administrator, editor or reader."),
    ("Срок действия пароля", "Password expiry", "Через сколько дней пароль нужно сменить.", "After how many days the password must be changed."),
    ("Двухфакторная аутентификация", "Two-factor authentication", "Запрашивать код из приложения при входе.", "Ask for a code from an app when signing in."),
    ("Блокировать после попыток", "Lock after attempts", "Сколько неудачных попыток входа допускается.", "How many failed sign-in attempts are allowed."),
    ("Показывать сетку", "Show grid", "Рисовать сетку на холсте.", "Draw a grid on the canvas."),
    ("Шаг сетки", "Grid spacing", "Расстояние между линиями сетки в пикселях.", "The distance between grid lines, in pixels."),
    ("Привязка к сетке", "Snap to grid", "Выравнивать объекты по линиям сетки при перемещении.", "Align objects to the grid lines when they are moved."),
]

MENUS = [("Файл", "File"), ("Правка", "Edit"), ("Вид", "View"), ("Вставка", "Insert"), ("Формат", "Format"),
         ("Сервис", "Tools"), ("Данные", "Data"), ("Окно", "Window"), ("Справка", "Help")]

COMMANDS = [
    ("Создать", "New", "создаёт новый документ.", "creates a new document."),
    ("Открыть…", "Open…", "открывает документ с диска.", "opens a document from disk."),
    ("Сохранить", "Save", "сохраняет изменения.", "saves the changes."),
    ("Сохранить как…", "Save As…", "сохраняет документ под другим именем или в другом формате.", "saves the document under another name or in another format."),
    ("Экспорт в PDF", "Export to PDF", "сохраняет документ в формате PDF.", "saves the document as a PDF file."),
    ("Печать…", "Print…", "открывает окно печати.", "opens the Print window."),
    ("Закрыть", "Close", "закрывает текущий документ.", "closes the current document."),
    ("Выход", "Exit", "завершает работу программы.", "quits the program."),
    ("Отменить", "Undo", "отменяет последнее действие.", "undoes the last action."),
    ("Повторить", "Redo", "повторяет отменённое действие.", "redoes the undone action."),
    ("Вырезать", "Cut", "удаляет выделенный фрагмент и помещает его в буфер обмена.", "removes the selection and puts it on the clipboard."),
    ("Копировать", "Copy", "копирует выделенный фрагмент в буфер обмена.", "copies the selection to the clipboard."),
    ("Вставить", "Paste", "вставляет содержимое буфера обмена.", "inserts the clipboard contents."),
    ("Найти…", "Find…", "ищет текст в документе.", "searches the document for text."),
    ("Заменить…", "Replace…", "заменяет один текст другим.", "replaces one text with another."),
    ("Обновить", "Refresh", "перечитывает данные с сервера.", "reloads the data from the server."),
    ("Импорт…", "Import…", "загружает данные из файла CSV или XLSX.", "loads data from a CSV or XLSX file."),
    ("Свойства", "Properties", "показывает сведения о выбранном объекте.", "shows information about the selected object."),
    ("Удалить", "Delete", "удаляет выбранные записи без возможности восстановления.", "deletes the selected records permanently."),
    ("Параметры…", "Options…", "открывает окно настроек программы.", "opens the program's settings window."),
    ("Во весь экран", "Full Screen", "скрывает панели и меню.", "hides the toolbars and menus."),
    ("Масштаб", "Zoom", "увеличивает или уменьшает изображение.", "enlarges or reduces the view."),
]

FEATURES = [
    ("Поддержка форматов CSV и XLSX", "Support for CSV and XLSX files"),
    ("Импорт контактов из адресной книги", "Contact import from the address book"),
    ("Резервное копирование по расписанию", "Scheduled backups"),
    ("Шифрование данных по алгоритму AES-256", "AES-256 data encryption"),
    ("Работа без подключения к сети", "Offline mode"),
    ("Совместное редактирование документов", "Co-editing of documents"),
    ("Журнал изменений с возможностью отката", "A change history with rollback"),
    ("Отчёты в форматах PDF, HTML и DOCX", "Reports in PDF, HTML and DOCX"),
    ("Проверка орфографии на 40 языках", "Spell checking in 40 languages"),
    ("Доступ по ролям", "Role-based access"),
    ("Единый вход через LDAP", "Single sign-on with LDAP"),
    ("Автоматическое обновление", "Automatic updates"),
    ("Печать этикеток и штрихкодов", "Label and barcode printing"),
    ("Уведомления по электронной почте", "Email notifications"),
]

STEPS = [
    ("Откройте меню «{m}».", "Open the {M} menu."),
    ("Выберите команду «{c}».", "Choose {C}."),
    ("Нажмите кнопку «Далее».", "Click Next."),
    ("Нажмите кнопку «Готово».", "Click Finish."),
    ("Нажмите кнопку OK.", "Click OK."),
    ("Нажмите клавиши CTRL+S.", "Press CTRL+S."),
    ("Нажмите клавишу F5, чтобы обновить список.", "Press F5 to refresh the list."),
    ("В поле «{l}» введите нужное значение.", "In the {L} box, enter the value you need."),
    ("Установите флажок «{l}».", "Select the {L} check box."),
    ("Снимите флажок «{l}».", "Clear the {L} check box."),
    ("Укажите папку, в которой будут храниться файлы.", "Choose the folder where the files will be kept."),
    ("Дождитесь завершения операции.", "Wait for the operation to finish."),
    ("Перезапустите программу.", "Restart the program."),
    ("Проверьте, что в строке состояния появилась надпись «Подключено».", "Check that the status bar says Connected."),
    ("Выберите файл config.yaml и нажмите «Открыть».", "Select the config.yaml file and click Open."),
    ("Перейдите на вкладку «Дополнительно».", "Go to the Advanced tab."),
    ("Введите имя и пароль администратора.", "Enter the administrator's name and password."),
    ("Выделите нужные строки в таблице.", "Select the rows you need in the table."),
    ("Щёлкните правой кнопкой мыши по выделенному фрагменту.", "Right-click the selection."),
    ("Перетащите файл в окно программы.", "Drag the file into the program window."),
]

TASKS = [
    ("Как настроить резервное копирование", "How to set up backups", "Чтобы данные не пропали при сбое диска, настройте резервное копирование.", "To keep your data safe if a disk fails, set up backups."),
    ("Как подключиться к серверу", "How to connect to a server", "Для работы с общей базой данных подключитесь к серверу организации.", "To work with a shared database, connect to your organization's server."),
    ("Как импортировать контакты", "How to import contacts", "Контакты можно загрузить из файла CSV, выгруженного из другой программы.", "You can load contacts from a CSV file exported by another program."),
    ("Как напечатать отчёт", "How to print a report", "Любой отчёт можно напечатать или сохранить в PDF.", "Any report can be printed or saved as a PDF."),
    ("Как добавить пользователя", "How to add a user", "Добавлять пользователей может только администратор.", "Only an administrator can add users."),
    ("Как восстановить удалённый документ", "How to restore a deleted document", "Удалённые документы хранятся в корзине 30 дней.", "Deleted documents are kept in the trash for 30 days."),
    ("Как изменить формат даты", "How to change the date format", "По умолчанию даты показываются так, как задано в системе.", "By default, dates are shown as the system sets them."),
]

FUNCTIONS = [
    ("GetValue(key, default)", "Возвращает значение параметра с именем key.", "Returns the value of the setting named key.",
     [("key", "имя параметра.", "the setting's name."), ("default", "значение, которое возвращается, если параметра нет.", "the value returned when there is no such setting.")],
     "Значение параметра или default.", "The setting's value, or default.", 'timeout = GetValue("timeout", 30)'),
    ("SetValue(key, value)", "Записывает значение параметра. Если параметра нет, он создаётся.", "Writes a setting's value, creating the setting if it does not exist.",
     [("key", "имя параметра.", "the setting's name."), ("value", "новое значение.", "the new value.")],
     "Нет.", "None.", 'SetValue("timeout", 60)'),
    ("Connect(host, port)", "Открывает соединение с сервером.", "Opens a connection to the server.",
     [("host", "имя или адрес сервера.", "the server's name or address."), ("port", "номер порта, по умолчанию 5432.", "the port number, 5432 by default.")],
     "Объект Connection.", "A Connection object.", 'conn = Connect("db.example.org", 5432)'),
    ("Query(sql, params)", "Выполняет запрос и возвращает его результат.", "Runs a query and returns its result.",
     [("sql", "текст запроса SQL.", "the SQL text of the query."), ("params", "список значений для параметров запроса.", "a list of values for the query's parameters.")],
     "Набор строк. Пустой набор, если строк нет.", "A set of rows, empty if there are none.", 'rows = conn.Query("SELECT * FROM users WHERE id = ?", [42])'),
    ("ExportReport(report, path, format)", "Сохраняет отчёт в файл.", "Saves a report to a file.",
     [("report", "отчёт, полученный методом BuildReport.", "a report returned by BuildReport."), ("path", "путь к файлу.", "the file path."), ("format", "формат: PDF, HTML или XLSX.", "the format: PDF, HTML or XLSX.")],
     "True, если файл сохранён.", "True if the file was saved.", 'ExportReport(report, "/tmp/sales.pdf", "PDF")'),
    ("FindRecords(table, filter)", "Ищет записи, которые удовлетворяют условию.", "Finds the records that match a condition.",
     [("table", "имя таблицы.", "the table name."), ("filter", "условие отбора, например \"amount > 100\".", "the condition, such as \"amount > 100\".")],
     "Список найденных записей.", "A list of the records found.", 'items = FindRecords("orders", "amount > 100")'),
    ("ResizeImage(image, width, height)", "Изменяет размер изображения. Пропорции сохраняются, если одна из сторон равна 0.", "Resizes an image, keeping its proportions if one side is 0.",
     [("image", "исходное изображение.", "the source image."), ("width", "новая ширина в пикселях.", "the new width in pixels."), ("height", "новая высота в пикселях.", "the new height in pixels.")],
     "Новое изображение.", "A new image.", "thumb = ResizeImage(photo, 320, 0)"),
    ("SendMail(to, subject, body)", "Отправляет письмо через сервер SMTP, заданный в настройках.", "Sends an email through the SMTP server set in the settings.",
     [("to", "адрес получателя.", "the recipient's address."), ("subject", "тема письма.", "the subject."), ("body", "текст письма.", "the message text.")],
     "Идентификатор отправленного письма.", "The ID of the message sent.", 'SendMail("anna@example.org", "Отчёт", text)'),
]

NOTES = [
    ("Примечание. Изменения вступают в силу после перезапуска программы.", "Note: The changes take effect after the program restarts."),
    ("Внимание! Удалённые данные восстановить нельзя.", "Warning: Deleted data cannot be recovered."),
    ("Совет. Чтобы выбрать несколько строк, удерживайте клавишу CTRL.", "Tip: To select several rows, hold down CTRL."),
    ("Эта команда доступна только администраторам.", "Only administrators can use this command."),
    ("Если сервер недоступен, программа повторит попытку через 30 с.", "If the server cannot be reached, the program tries again after 30 s."),
]


def dialog(rng):
    name_ru, name_en = rng.choice([("Параметры подключения", "Connection Settings"), ("Настройки печати", "Print Settings"),
                                   ("Параметры импорта", "Import Options"), ("Свойства пользователя", "User Properties"),
                                   ("Резервное копирование", "Backup"), ("Общие настройки", "General Settings"), ("Сетка и направляющие", "Grid and Guides")])
    kind_ru, kind_en = rng.choice([("Окно", "window"), ("Диалоговое окно", "dialog box"), ("Вкладка", "tab")])
    rows = [("heading", f"{kind_ru} «{name_ru}»", f"{name_en} {kind_en}"),
            ("text", f"В этом окне задаются {rng.choice(['основные параметры', 'параметры', 'настройки'])} программы.", "Use this window to set the program's options.")]
    for label_ru, label_en, text_ru, text_en in rng.sample(SETTINGS, rng.randint(8, 18)):
        if rng.random() < 0.15:
            rows.append(("label", f"{label_ru} — {text_ru[0].lower()}{text_ru[1:]}", f"{label_en}: {text_en}"))
        else:
            rows.append(("label", label_ru, label_en))
            rows.append(("text", text_ru, text_en))
    if rng.random() < 0.6:
        rows.append(("note", *rng.choice(NOTES)))
    return rows


def menu(rng):
    menu_ru, menu_en = rng.choice(MENUS)
    rows = [("heading", f"Меню «{menu_ru}»", f"The {menu_en} menu"),
            ("text", f"Меню «{menu_ru}» содержит следующие команды.", f"The {menu_en} menu has the following commands.")]
    described = rng.random() < 0.5
    for c_ru, c_en, d_ru, d_en in rng.sample(COMMANDS, rng.randint(6, 14)):
        rows.append(("item", f"{c_ru} — {d_ru}", f"{c_en}: {d_en[0].upper()}{d_en[1:]}") if described else ("item", c_ru, c_en))
    if rng.random() < 0.7:
        rows.append(("heading", "Возможности", "Features"))
        for f_ru, f_en in rng.sample(FEATURES, rng.randint(4, 9)):
            rows.append(("item", f_ru, f_en))
    return rows


def reference(rng):
    rows = []
    for name, d_ru, d_en, params, r_ru, r_en, code in rng.sample(FUNCTIONS, rng.randint(2, 4)):
        method = name.split("(")[0]
        rows.append(("heading", name, name) if rng.random() < 0.5 else ("heading", f"Метод {method}", f"{method} method"))
        rows.append(("text", d_ru, d_en))
        rows.append(("heading", "Параметры", "Parameters"))
        for p, p_ru, p_en in params:
            rows.append(("item", f"{p} — {p_ru}", f"{p}: {p_en[0].upper()}{p_en[1:]}") if rng.random() < 0.5 else ("item", f"{p} — {p_ru}", f"{p} — {p_en}"))
        rows.append(("heading", "Возвращаемое значение", "Return value"))
        rows.append(("text", r_ru, r_en))
        rows.append(("heading", "Пример", "Example"))
        rows.append(("code", code, code))
        if rng.random() < 0.4:
            rows.append(("note", *rng.choice(NOTES)))
    return rows


def procedure(rng):
    rows = []
    for title_ru, title_en, intro_ru, intro_en in rng.sample(TASKS, rng.randint(2, 3)):
        rows.append(("heading", title_ru, title_en))
        rows.append(("text", intro_ru, intro_en))
        numbered = rng.random() < 0.6
        for k, (s_ru, s_en) in enumerate(rng.sample(STEPS, rng.randint(4, 9)), 1):
            m_ru, m_en = rng.choice(MENUS)
            c_ru, c_en = rng.choice(COMMANDS)[:2]
            l_ru, l_en = rng.choice(SETTINGS)[:2]
            s_ru = s_ru.format(m=m_ru, c=c_ru, l=l_ru)
            s_en = s_en.format(M=m_en, C=c_en, L=l_en)
            rows.append(("step", f"{k}. {s_ru}", f"{k}. {s_en}") if numbered else ("step", s_ru, s_en))
        if rng.random() < 0.5:
            rows.append(("text", "Готово: настройки сохранены.", "Done: the settings are saved."))
        if rng.random() < 0.5:
            rows.append(("note", *rng.choice(NOTES)))
    return rows


PARAMETERS = [
    ("timeout", "Тайм-аут, с", "Timeout, s", "целое число", "integer", "30", "Сколько секунд ждать ответа сервера.", "How many seconds to wait for the server to reply."),
    ("retries", "Число повторов", "Retries", "целое число", "integer", "3", "Сколько раз повторить запрос после ошибки.", "How many times to repeat a request after an error."),
    ("interval", "Интервал опроса, мин", "Polling interval, min", "целое число", "integer", "5", "Как часто проверять новые задания.", "How often to check for new jobs."),
    ("log_level", "Уровень журнала", "Log level", "строка", "string", "info", "Какие сообщения записывать в журнал: debug, info, warning или error.", "Which messages to write to the log: debug, info, warning or error."),
    ("proxy", "Прокси-сервер", "Proxy server", "строка", "string", "нет", "Адрес прокси-сервера в виде host:port.", "The proxy server's address as host:port."),
    ("max_size", "Наибольший размер, МБ", "Maximum size, MB", "целое число", "integer", "100", "Файлы больше этого размера не загружаются.", "Files larger than this are not uploaded."),
    ("verify_tls", "Проверять сертификат", "Verify certificate", "логическое", "boolean", "true", "Отклонять сертификаты, которые не подписаны доверенным центром.", "Reject certificates not signed by a trusted authority."),
    ("cache_dir", "Папка кэша", "Cache folder", "путь", "path", "~/.cache/sync", "Где хранить загруженные файлы до отправки.", "Where to keep downloaded files before they are sent."),
    ("threads", "Число потоков", "Threads", "целое число", "integer", "4", "Сколько файлов передавать одновременно. Больше потоков — выше нагрузка на сеть.", "How many files to transfer at once. More threads put more load on the network."),
    ("delay", "Задержка запуска, с", "Start delay, s", "целое число", "integer", "0", "Пауза перед первым заданием после запуска службы.", "The pause before the first job after the service starts."),
    ("language", "Язык", "Language", "строка", "string", "ru", "Язык сообщений. Действует с перезапуска.", "The language of messages. It applies from the next restart."),
    ("keep_days", "Хранить журналы, дн", "Keep logs, days", "целое число", "integer", "30", "Журналы старше этого срока удаляются.", "Logs older than this are deleted."),
]


def table(rng):
    """A table of parameters as a converter writes it: each cell a paragraph (name, label, type,
    default, description), with headings; the label cells end in units (`Тайм-аут, с`)."""
    title_ru, title_en = rng.choice([("Параметры службы синхронизации", "Sync service parameters"),
                                     ("Файл настроек agent.conf", "The agent.conf settings file"), ("Параметры командной строки", "Command-line parameters")])
    rows = [("heading", title_ru, title_en),
            ("text", "В таблице перечислены параметры, их типы и значения по умолчанию.", "The table lists the parameters, their types and defaults.")]
    header = [("Параметр", "Parameter"), ("Название", "Name"), ("Тип", "Type"), ("По умолчанию", "Default"), ("Описание", "Description")]
    with_header = rng.random() < 0.5
    if with_header:
        rows += [("cell", h_ru, h_en) for h_ru, h_en in header]
    for name, l_ru, l_en, t_ru, t_en, default, d_ru, d_en in rng.sample(PARAMETERS, rng.randint(5, 10)):
        rows.append(("cell", name, name))
        rows.append(("cell", l_ru, l_en))
        if rng.random() < 0.6:
            rows.append(("cell", t_ru, t_en))
        rows.append(("cell", default, "none" if default == "нет" else default))
        rows.append(("text", d_ru, d_en))
    if rng.random() < 0.5:
        rows.append(("note", *rng.choice(NOTES)))
    return rows


SUBMENUS = [("Экспорт", "Export"), ("Импорт", "Import"), ("Параметры", "Options"), ("Панели", "Toolbars"),
            ("Расширения", "Extensions"), ("Последние файлы", "Recent Files"), ("Масштаб", "Zoom")]


def menupath(rng):
    """Menu paths (`Файл > Экспорт > PDF`): a list of paths with what each does, then steps that
    name a path. Paths differ by one item, so siblings look alike."""
    rows = [("heading", "Где найти команды", "Where to find the commands"),
            ("text", "Команды программы собраны в меню. Путь к команде записывается через знак >.",
             "The program's commands are in its menus. A path to a command is written with the > sign.")]
    described = rng.random() < 0.5
    for c_ru, c_en, d_ru, d_en in rng.sample(COMMANDS, rng.randint(5, 10)):
        m_ru, m_en = rng.choice(MENUS)
        path_ru, path_en = f"{m_ru} > {c_ru}", f"{m_en} > {c_en}"
        if rng.random() < 0.4:
            sub_ru, sub_en = rng.choice(SUBMENUS)
            path_ru, path_en = f"{m_ru} > {sub_ru} > {c_ru}", f"{m_en} > {sub_en} > {c_en}"
        if described:
            rows.append(("item", path_ru, path_en))
            rows.append(("text", f"{d_ru[0].upper()}{d_ru[1:]}", f"{d_en[0].upper()}{d_en[1:]}"))
        else:
            rows.append(("item", f"{path_ru} — {d_ru}", f"{path_en}: {d_en[0].upper()}{d_en[1:]}"))
    title_ru, title_en, intro_ru, intro_en = rng.choice(TASKS)
    rows.append(("heading", title_ru, title_en))
    for k in range(1, rng.randint(3, 6)):
        m_ru, m_en = rng.choice(MENUS)
        c_ru, c_en = rng.choice(COMMANDS)[:2]
        rows.append(("step", f"{k}. Выберите {m_ru} > {c_ru}.", f"{k}. Choose {m_en} > {c_en}."))
    return rows


TYPES = [("строка", "string"), ("целое число", "integer"), ("логическое", "boolean")]


def signature(rng):
    """Function references written as a signature line, one line per parameter with its type, a
    return line and an example: the lines name the same parameters again and again."""
    rows = []
    for name, d_ru, d_en, params, r_ru, r_en, code in rng.sample(FUNCTIONS, rng.randint(2, 4)):
        typed = [(p, p_ru, p_en, *rng.choice(TYPES)) for p, p_ru, p_en in params]
        method = name.split("(")[0]
        line = f"{method}({', '.join(f'{p}: {t_en}' for p, _, _, _, t_en in typed)})"
        rows.append(("code", line, line))
        rows.append(("text", d_ru, d_en))
        for p, p_ru, p_en, t_ru, t_en in typed:
            rows.append(("item", f"{p} ({t_ru}) — {p_ru}", f"{p} ({t_en}): {p_en[0].upper()}{p_en[1:]}"))
        rows.append(("item", f"Возвращает: {r_ru[0].lower()}{r_ru[1:]}", f"Returns: {r_en[0].lower()}{r_en[1:]}"))
        if rng.random() < 0.5:
            rows.append(("code", code, code))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", default="dialog,menu,reference,procedure",
                        help="page kinds in turn (also: table, a table of parameters cell by cell; menupath, menu > "
                             "item paths and steps that name them; signature, references as signature, parameter "
                             "and return lines)")
    parser.add_argument("--files", type=float, metavar="OMIT", default=None,
                        help="write each page as NAME.ru.txt + NAME.en.txt (a paragraph per line, the layout "
                             "`pamyat add DIR` reads) instead of NAME.pairs.tsv, leaving out this share of the "
                             "English paragraphs (0 for none); docs/PERFORMANCE.md times `pamyat add` on them")
    args = parser.parse_args()
    if args.files is not None and not 0 <= args.files < 1:
        parser.error(f"--files: the share of English paragraphs left out must be in [0, 1); got {args.files}")
    rng = random.Random(args.seed)
    omissions = random.Random(args.seed + 1_000_003)
    os.makedirs(args.out, exist_ok=True)
    known = {"dialog": dialog, "menu": menu, "reference": reference, "procedure": procedure, "table": table,
             "menupath": menupath, "signature": signature}
    kinds = args.kinds.split(",")
    unknown = [k for k in kinds if k not in known]
    if unknown:
        parser.error(f"--kinds: unknown kind {unknown[0]!r}; known: {', '.join(known)}")
    makers = [(kind, known[kind]) for kind in kinds]
    for k in range(args.count):
        kind, make = makers[k % len(makers)]
        rows = make(rng)
        name = os.path.join(args.out, f"gen-{kind}-{k:02d}")
        if args.files is not None:
            with open(name + ".ru.txt", "w", encoding="utf-8") as ru, open(name + ".en.txt", "w", encoding="utf-8") as en:
                for row in rows:
                    ru.write(row[1] + "\n")
                    if omissions.random() >= args.files:
                        en.write(row[2] + "\n")
            continue
        with open(name + ".pairs.tsv", "w", encoding="utf-8") as f:
            for row in rows:
                f.write("\t".join(row) + "\n")
    print(f"wrote {args.count} documents to {args.out}")


if __name__ == "__main__":
    main()
