/// A seeded generator of real-looking sentences for the match-quality benchmark: English UI strings
/// (messages, buttons, dialogs) and Russian sentences (UI strings and press phrases) built from word
/// lists written for this tool, with inflection tables for Russian nouns, adjectives and past-tense
/// verbs so that queries can change endings as a translator's new text does.
struct QualityCorpus {
    var random: XorShift

    init(seed: UInt64) { random = XorShift(seed: seed) }

    mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    // MARK: English UI strings

    static let enNouns = [
        "file", "folder", "document", "project", "account", "password", "profile", "setting", "printer", "device", "connection",
        "server", "database", "record", "message", "attachment", "image", "template", "report", "invoice", "customer", "order",
        "payment", "license", "update", "backup", "session", "certificate", "network", "directory", "workspace", "channel",
        "subscription", "notification", "calendar", "contact", "shortcut", "extension", "plugin", "theme", "language", "keyboard",
        "filename", "column", "table", "chart", "layer", "selection", "clipboard", "window", "tab", "toolbar", "translation",
        "glossary", "segment", "dictionary", "repository", "branch", "commit", "volume", "partition", "driver", "address",
    ]
    static let enVerbs: [(base: String, past: String, ing: String)] = [
        ("open", "opened", "opening"), ("save", "saved", "saving"), ("delete", "deleted", "deleting"), ("convert", "converted", "converting"),
        ("load", "loaded", "loading"), ("create", "created", "creating"), ("rename", "renamed", "renaming"), ("copy", "copied", "copying"),
        ("move", "moved", "moving"), ("import", "imported", "importing"), ("export", "exported", "exporting"), ("find", "found", "finding"),
        ("connect to", "connected to", "connecting to"), ("update", "updated", "updating"), ("install", "installed", "installing"),
        ("remove", "removed", "removing"), ("verify", "verified", "verifying"), ("download", "downloaded", "downloading"),
        ("upload", "uploaded", "uploading"), ("synchronize", "synchronized", "synchronizing"), ("restore", "restored", "restoring"),
        ("print", "printed", "printing"), ("send", "sent", "sending"), ("share", "shared", "sharing"), ("archive", "archived", "archiving"),
    ]
    static let enAdjectives = [
        "selected", "current", "default", "new", "temporary", "shared", "remote", "local", "encrypted", "previous", "invalid",
        "missing", "hidden", "recent", "external", "primary", "secondary", "empty", "locked", "active", "offline", "custom",
    ]
    static let enReasons = [
        "because the disk is full", "because access was denied", "because the connection timed out", "while the file is in use",
        "because the format is not supported", "because the name is too long", "without administrator rights",
        "because the server did not respond", "until the upload has finished", "because the quota has been exceeded",
    ]
    static let enNames = ["Documents", "Downloads", "Reports 2023", "Backup", "Invoices", "Archive", "Shared", "Projects", "Drafts", "Templates"]

    mutating func enNounPhrase() -> String {
        var words: [String] = []
        if chance(60) { words.append(pick(Self.enAdjectives)) }
        if chance(25) { words.append(pick(Self.enNouns)) }
        words.append(pick(Self.enNouns))
        return words.joined(separator: " ")
    }

    mutating func english() -> String {
        let verb = pick(Self.enVerbs)
        let phrase = enNounPhrase()
        switch below(12) {
        case 0: return "Couldn't \(verb.base) \(phrase)."
        case 1: return "Could not \(verb.base) the \(phrase) \(pick(Self.enReasons))."
        case 2: return "Are you sure you want to \(verb.base) the \(phrase)?"
        case 3: return "The \(phrase) was \(verb.past) successfully."
        case 4: return "\(verb.ing.prefix(1).uppercased() + verb.ing.dropFirst()) \(phrase)…"
        case 5: return "\(1 + below(500)) \(pick(Self.enNouns))s have been \(verb.past)."
        case 6: return "Click \(pick(["OK", "Apply", "Next", "Finish", "Continue"])) to \(verb.base) the \(phrase) and close this window."
        case 7: return "The \(phrase) \"\(pick(Self.enNames))\" cannot be \(verb.past) \(pick(Self.enReasons))."
        case 8: return "Do you want to \(verb.base) the changes to the \(phrase) before closing?"
        case 9: return "\(verb.base.prefix(1).uppercased() + verb.base.dropFirst()) the \(phrase)"
        case 10: return "Unable to \(verb.base) \(phrase): \(pick(["access denied", "file not found", "unknown error", "operation timed out", "invalid argument"]))."
        default: return "You can \(verb.base) the \(phrase) later from the \(pick(["Settings", "File", "Edit", "Tools", "View"])) menu."
        }
    }

    // MARK: Russian

    /// Nouns: stem, gender (0 m, 1 f, 2 n), endings by case (nom, gen, dat, acc, instr, prep) sg then pl.
    static let ruNouns: [(String, Int, [String])] = [
        ("встреч", 1, ["а", "и", "е", "у", "ей", "е", "и", "", "ам", "и", "ами", "ах"]),
        ("делегаци", 1, ["я", "и", "и", "ю", "ей", "и", "и", "й", "ям", "и", "ями", "ях"]),
        ("переговор", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("соглашени", 2, ["е", "я", "ю", "е", "ем", "и", "я", "й", "ям", "я", "ями", "ях"]),
        ("министр", 0, ["", "а", "у", "а", "ом", "е", "ы", "ов", "ам", "ов", "ами", "ах"]),
        ("проект", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("программ", 1, ["а", "ы", "е", "у", "ой", "е", "ы", "", "ам", "ы", "ами", "ах"]),
        ("сотрудничеств", 2, ["о", "а", "у", "о", "ом", "е", "а", "", "ам", "а", "ами", "ах"]),
        ("документ", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("заседани", 2, ["е", "я", "ю", "е", "ем", "и", "я", "й", "ям", "я", "ями", "ях"]),
        ("комисси", 1, ["я", "и", "и", "ю", "ей", "и", "и", "й", "ям", "и", "ями", "ях"]),
        ("предприяти", 2, ["е", "я", "ю", "е", "ем", "и", "я", "й", "ям", "я", "ями", "ях"]),
        ("файл", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("папк", 1, ["а", "и", "е", "у", "ой", "е", "и", "", "ам", "и", "ами", "ах"]),
        ("настройк", 1, ["а", "и", "е", "у", "ой", "е", "и", "", "ам", "и", "ами", "ах"]),
        ("сообщени", 2, ["е", "я", "ю", "е", "ем", "и", "я", "й", "ям", "я", "ями", "ях"]),
        ("пользовател", 0, ["ь", "я", "ю", "я", "ем", "е", "и", "ей", "ям", "ей", "ями", "ях"]),
        ("сервер", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("отчёт", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("границ", 1, ["а", "ы", "е", "у", "ей", "е", "ы", "", "ам", "ы", "ами", "ах"]),
        ("экономик", 1, ["а", "и", "е", "у", "ой", "е", "и", "", "ам", "и", "ами", "ах"]),
        ("инвестици", 1, ["я", "и", "и", "ю", "ей", "и", "и", "й", "ям", "и", "ями", "ях"]),
        ("строительств", 2, ["о", "а", "у", "о", "ом", "е", "а", "", "ам", "а", "ами", "ах"]),
        ("дворц", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("вопрос", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("конференци", 1, ["я", "и", "и", "ю", "ей", "и", "и", "й", "ям", "и", "ями", "ях"]),
        ("безопасност", 1, ["ь", "и", "и", "ь", "ью", "и", "и", "ей", "ям", "и", "ями", "ях"]),
        ("торговл", 1, ["я", "и", "е", "ю", "ей", "е", "и", "ей", "ям", "и", "ями", "ях"]),
        ("университет", 0, ["", "а", "у", "", "ом", "е", "ы", "ов", "ам", "ы", "ами", "ах"]),
        ("президент", 0, ["", "а", "у", "а", "ом", "е", "ы", "ов", "ам", "ов", "ами", "ах"]),
    ]
    /// Adjective stems (hard declension) and their endings: m, f, n, pl in nominative, then gen m, gen f, prep pl.
    static let ruAdjectives = [
        "двусторонн", "международн", "экономическ", "совместн", "государственн", "стратегическ", "региональн", "торгов",
        "промышленн", "национальн", "нов", "важн", "официальн", "энергетическ", "транспортн", "информационн", "финансов",
        "основн", "текущ", "временн", "локальн", "удалённ", "резервн", "системн",
    ]
    static let ruAdjectiveEndings = ["ый", "ая", "ое", "ые", "ого", "ой", "ых", "ому", "ую", "ым", "ыми"]
    /// Past-tense verbs: stem + (m, f, n, pl) endings.
    static let ruVerbs = [
        "обсудил", "подписал", "отметил", "подчеркнул", "провёл", "принял", "поддержал", "одобрил", "рассмотрел", "представил",
        "посетил", "направил", "заявил", "сообщил", "предложил", "выразил", "продолжал", "прошл", "завершил", "утвердил",
    ]
    static let ruVerbEndings = ["", "а", "о", "и"]
    static let ruFunction = ["в", "и", "на", "с", "по", "о", "для", "что", "а также", "не", "из", "к", "от", "до", "при", "между", "в ходе", "в рамках"]
    static let ruPlaces = ["в Москве", "в Минске", "в Астане", "в Ереване", "в Бишкеке", "в Душанбе", "во Дворце Независимости", "в Доме правительства", "в Пекине"]
    static let ruSurnames = ["Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Соколов", "Лебедева", "Козлов", "Новиков", "Морозова", "Волков", "Алексеев"]
    static let ruUI: [String] = [
        "Не удалось открыть файл", "Не удалось сохранить изменения", "Вы действительно хотите удалить", "Выберите папку для сохранения",
        "Подключение к серверу", "Введите имя пользователя и пароль", "Файл уже существует", "Обновление успешно установлено",
        "Недостаточно места на диске", "Нажмите кнопку «Далее», чтобы продолжить",
    ]

    mutating func ruNoun(_ grammaticalCase: Int, plural: Bool) -> String {
        let n = pick(Self.ruNouns)
        return n.0 + n.2[grammaticalCase + (plural ? 6 : 0)]
    }

    mutating func ruAdjective() -> String { pick(Self.ruAdjectives) + pick(Self.ruAdjectiveEndings) }

    mutating func ruVerb() -> String { pick(Self.ruVerbs) + pick(Self.ruVerbEndings) }

    mutating func ruPhrase(_ grammaticalCase: Int) -> String {
        var words: [String] = []
        let plural = chance(30)
        if chance(60) { words.append(ruAdjective()) }
        words.append(ruNoun(grammaticalCase, plural: plural))
        if chance(40) { words.append(ruNoun(1, plural: chance(30))) }
        return words.joined(separator: " ")
    }

    mutating func russian() -> String {
        switch below(8) {
        case 0:
            let base = pick(Self.ruUI)
            return chance(50) ? "\(base) «\(pick(Self.enNames))»." : "\(base) \(ruPhrase(3))."
        case 1:
            return "\(ruPhrase(0).firstUppercased) \(ruVerb()) \(pick(Self.ruPlaces)) и \(ruVerb()) более \(pick(["двух", "трёх", "пяти"])) часов."
        case 2:
            return "\(pick(Self.ruSurnames)) \(ruVerb()) \(ruPhrase(3)) \(pick(Self.ruFunction)) \(ruPhrase(5))."
        case 3:
            return "\(1 + below(28)) \(pick(["января", "марта", "мая", "июня", "октября", "декабря"])) \(2015 + below(10)) г. \(ruPhrase(0)) \(ruVerb()) \(ruPhrase(3))."
        case 4:
            return "Стороны \(ruVerb()) \(ruPhrase(3)), а также \(ruPhrase(3)) \(pick(Self.ruFunction)) \(ruPhrase(5))."
        case 5:
            return "«\(ruPhrase(0).firstUppercased) \(ruVerb()) \(ruPhrase(3))», – \(pick(["заявил", "отметил", "подчеркнул"])) \(pick(Self.ruSurnames))."
        case 6:
            return "В ходе \(ruPhrase(1)) \(ruVerb()) \(ruPhrase(3)) \(pick(Self.ruPlaces))."
        default:
            return "\(ruPhrase(0).firstUppercased) \(ruVerb()) \(ruPhrase(3)) на сумму \(1 + below(900)) \(pick(["млн рублей", "млрд долларов", "тыс. тонн"]))."
        }
    }

    // MARK: Edits

    static let ruLetters = Array("абвгдежзийклмнопрстуфхцчшщыьэюя")
    static let enLetters = Array("abcdefghijklmnopqrstuvwxyz")
    static let allRuEndings = ["а", "и", "е", "у", "ой", "ей", "ы", "ам", "ами", "ах", "ом", "ем", "ю", "я", "ях", "ов", "ый", "ая", "ое", "ые", "ого", "ых", "о"]

    /// One edit of `words`: a typo, an ending changed, a word added, dropped or replaced.
    mutating func edit(_ words: inout [String], russian: Bool) {
        guard !words.isEmpty else { return }
        let position = below(words.count)
        let word = Array(words[position])
        let letters = russian ? Self.ruLetters : Self.enLetters
        switch below(10) {
        case 0, 1, 2, 3:
            // A typo: a letter dropped, doubled, replaced or two swapped.
            guard word.count >= 3 else { return }
            var w = word
            let at = 1 + below(w.count - 1)
            switch below(4) {
            case 0: w.remove(at: at)
            case 1: w.insert(w[at], at: at)
            case 2: w[at] = pick(letters)
            default: if at + 1 < w.count { w.swapAt(at, at + 1) } else { w[at] = pick(letters) }
            }
            words[position] = String(w)
        case 4, 5:
            // An ending changed (Russian) or an English suffix added or removed.
            if russian {
                guard word.count >= 5, word.allSatisfy({ $0.isLetter }) else { return }
                let cut = word.count - 1 - (word.count > 6 && chance(40) ? 1 : 0)
                words[position] = String(word.prefix(cut)) + pick(Self.allRuEndings)
            } else {
                let text = words[position]
                if text.hasSuffix("s") { words[position] = String(text.dropLast()) } else if text.hasSuffix("ed") { words[position] = String(text.dropLast(2)) + "ing" } else { words[position] = text + pick(["s", "ed", "ing"]) }
            }
        case 6:
            words.insert(russian ? pick(["также", "вновь", "официально", "совместно", "подробно", "новый"]) : pick(["also", "now", "again", "all", "currently", "new"]), at: position)
        case 7 where words.count > 3:
            words.remove(at: position)
        default:
            words[position] = russian ? ruNoun(below(6), plural: chance(30)) : pick(Self.enNouns)
        }
    }
}

extension String {
    var firstUppercased: String { prefix(1).uppercased() + dropFirst() }
}

/// Character similarity of two texts: 1 − Levenshtein / longer length, in characters.
func characterSimilarity(_ a: String, _ b: String) -> Double {
    let x = Array(a), y = Array(b)
    guard !x.isEmpty || !y.isEmpty else { return 1 }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...max(1, x.count) where !x.isEmpty {
        current[0] = i
        for j in 1...max(1, y.count) where !y.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return 1 - Double(x.isEmpty ? y.count : previous[y.count]) / Double(max(x.count, y.count))
}
