import Foundation
import PamyatCore

/// A deterministic generator of press-release-like Russian sentences with English translations, for
/// the fuzzy-matching benchmark: clauses of inflected press-release nouns, adjectives and verbs,
/// function words, names, places, dates and amounts, after one of thirty common openers now and
/// then, with a long tail drawn from a Zipf-like distribution (115,200 derived content words, 48,000
/// surnames, 8,000 place names) so that the vocabulary grows with the memory as real text does. A
/// quarter of the units are near-duplicates of earlier ones at about 95, 85 or 75 % similarity, and
/// some sources get a second translation.
struct MatchCorpus {
    private var random: XorShift

    init(seed: UInt64) { random = XorShift(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A Zipf-like pick in 0..<n: small indexes are much more frequent.
    mutating func zipf(_ n: Int) -> Int {
        let u = Double(next() % 1_000_000 + 1) / 1_000_001
        return min(n - 1, Int(pow(Double(n), u)) - 1)
    }

    // MARK: Words

    /// A noun: stem, declension class, English. Classes: 0 consonant (`договор`), 1 `-а`
    /// (`встреча`), 2 `-ие` (`развитие`), 3 `-ство`/`-о` (`сотрудничество`), 4 `-ия` (`делегация`).
    static let nouns: [(String, Int, String)] = [
        ("договор", 0, "treaty"), ("вопрос", 0, "issue"), ("проект", 0, "project"), ("визит", 0, "visit"),
        ("саммит", 0, "summit"), ("форум", 0, "forum"), ("рынок", 0, "market"), ("бюджет", 0, "budget"),
        ("регион", 0, "region"), ("союз", 0, "union"), ("диалог", 0, "dialogue"), ("контакт", 0, "contact"),
        ("транзит", 0, "transit"), ("экспорт", 0, "export"), ("импорт", 0, "import"), ("кредит", 0, "loan"),
        ("завод", 0, "plant"), ("университет", 0, "university"), ("комитет", 0, "committee"), ("совет", 0, "council"),
        ("встреч", 1, "meeting"), ("программ", 1, "programme"), ("систем", 1, "system"), ("стратеги", 1, "strategy"),
        ("границ", 1, "border"), ("безопасност", 1, "security"), ("экономик", 1, "economy"), ("промышленност", 1, "industry"),
        ("политик", 1, "policy"), ("торговл", 1, "trade"), ("продукци", 1, "products"), ("компани", 1, "company"),
        ("развит", 2, "development"), ("соглаш", 2, "agreement"), ("заявл", 2, "statement"), ("реш", 2, "decision"),
        ("совещан", 2, "conference"), ("учен", 2, "exercise"), ("предлож", 2, "proposal"), ("взаимодейств", 2, "interaction"),
        ("сотрудничеств", 3, "cooperation"), ("правительств", 3, "government"), ("государств", 3, "state"),
        ("министерств", 3, "ministry"), ("представительств", 3, "mission"), ("производств", 3, "production"),
        ("строительств", 3, "construction"), ("партнёрств", 3, "partnership"), ("соседств", 3, "neighbourhood"),
        ("делегаци", 4, "delegation"), ("организаци", 4, "organization"), ("комисси", 4, "commission"),
        ("конференци", 4, "conference"), ("операци", 4, "operation"), ("инвестици", 4, "investment"),
        ("энерги", 4, "energy"), ("технологи", 4, "technology"), ("инициатив", 1, "initiative"), ("повестк", 1, "agenda"),
    ]
    static let nounEndings: [[String]] = [
        ["", "а", "у", "ом", "е", "ы", "ов", "ам"], ["а", "и", "е", "у", "ой", "ы", "ам", "ами"],
        ["ие", "ия", "ию", "ием", "ии", "ий", "иям", "иями"], ["о", "а", "у", "ом", "е", "ам", "ами", "ах"],
        ["я", "и", "ю", "ей", "ям", "ями", "ях", "ий"],
    ]
    static let adjectives: [(String, String)] = [
        ("двусторонн", "bilateral"), ("международн", "international"), ("экономическ", "economic"), ("военн", "military"),
        ("совместн", "joint"), ("государственн", "state"), ("стратегическ", "strategic"), ("региональн", "regional"),
        ("торгов", "trade"), ("промышленн", "industrial"), ("национальн", "national"), ("коллективн", "collective"),
        ("гуманитарн", "humanitarian"), ("научн", "scientific"), ("культурн", "cultural"), ("официальн", "official"),
        ("нов", "new"), ("важн", "important"), ("конкретн", "specific"), ("дальнейш", "further"), ("практическ", "practical"),
        ("энергетическ", "energy"), ("транспортн", "transport"), ("информационн", "information"), ("финансов", "financial"),
    ]
    static let adjectiveEndings = ["ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми"]
    static let verbs: [(String, String)] = [
        ("обсудил", "discussed"), ("подписал", "signed"), ("отметил", "noted"), ("подчеркнул", "stressed"),
        ("провёл", "held"), ("принял", "received"), ("поддержал", "supported"), ("одобрил", "approved"),
        ("утвердил", "approved"), ("рассмотрел", "considered"), ("представил", "presented"), ("посетил", "visited"),
        ("направил", "sent"), ("заявил", "said"), ("сообщил", "reported"), ("предложил", "proposed"), ("выразил", "expressed"),
        ("оценил", "assessed"), ("обсуждал", "was discussing"), ("поблагодарил", "thanked"),
    ]
    static let verbEndings = ["", "а", "о", "и"]
    static let function: [(String, String)] = [
        ("в", "in"), ("и", "and"), ("на", "on"), ("с", "with"), ("по", "on"), ("о", "about"), ("для", "for"),
        ("что", "that"), ("а также", "as well as"), ("не", "not"), ("из", "from"), ("к", "to"), ("от", "from"),
        ("до", "until"), ("за", "for"), ("при", "with"), ("между", "between"), ("как", "as"), ("это", "this"),
        ("в рамках", "within"), ("в ходе", "during"), ("в том числе", "including"), ("по итогам", "following"),
    ]
    static let firstNames = ["Александр", "Сергей", "Владимир", "Николай", "Михаил", "Андрей", "Дмитрий", "Алексей", "Игорь", "Олег",
                             "Мария", "Елена", "Наталья", "Ольга", "Татьяна", "Ирина", "Кайрат", "Нурлан", "Арман", "Бахыт"]
    static let months: [(String, String)] = [
        ("января", "January"), ("февраля", "February"), ("марта", "March"), ("апреля", "April"), ("мая", "May"), ("июня", "June"),
        ("июля", "July"), ("августа", "August"), ("сентября", "September"), ("октября", "October"), ("ноября", "November"),
        ("декабря", "December"),
    ]
    static let syllables = ["ка", "ло", "ре", "ми", "на", "тов", "бе", "ша", "гам", "ди", "ро", "вар", "зу", "ле", "пи", "сун", "хан", "бо", "ти", "мур"]
    static let latin = ["ka", "lo", "re", "mi", "na", "tov", "be", "sha", "gam", "di", "ro", "var", "zu", "le", "pi", "sun", "khan", "bo", "ti", "mur"]
    static let endings: [(String, String)] = [("ов", "ov"), ("ев", "ev"), ("ин", "in"), ("енко", "enko"), ("бетов", "betov"), ("ович", "ovich")]
    static let prefixes = ["", "пере", "про", "вы", "за", "со", "под", "при", "раз", "меж", "пред", "воз"]
    static let roots = ["работ", "строй", "вод", "нос", "став", "мест", "дел", "лож", "вер", "креп", "мир", "прав", "клад", "вест",
                        "дав", "ход", "пуск", "гран", "служ", "тяг", "каз", "лад", "бор", "вид", "глас", "мен", "нов", "ряд", "стан", "цен",
                        "воз", "род", "лет", "сил", "пис", "чит", "вяз", "рез", "кон", "сел", "вор", "тор", "мер", "лиц", "ключ", "друг",
                        "плат", "рыб", "лес", "зем", "газ", "нефт", "хлеб", "молок", "мяс", "угл", "стал", "желез", "медь", "хим"]
    static let suffixes = ["к", "ени", "ност", "тель", "ств", "изаци", "ник", "ов", "ир", "аци", "чик", "ищ", "ость", "ани", "уш", "ан"]
    static let tailEndings = ["а", "и", "е", "у", "ой", "ам", "ах", "ы", "ом", "ов"]

    /// Name number `k` built from syllables (k < 48,000): a surname, in Russian and in Latin letters.
    static func surname(_ k: Int) -> (String, String) {
        var k = k
        var ru = ""
        var en = ""
        for position in 0..<3 {
            let s = k % syllables.count
            k /= syllables.count
            ru += position == 0 ? syllables[s].capitalized : syllables[s]
            en += position == 0 ? latin[s].capitalized : latin[s]
        }
        let ending = endings[k % endings.count]
        return (ru + ending.0, en + ending.1)
    }

    /// Tail word number `k` (k < 115,200) of a real vocabulary's long tail: prefix + root + suffix + ending.
    static func tailWord(_ k: Int) -> (String, String) {
        let ru = prefixes[k % 12] + roots[(k / 12) % 60] + suffixes[(k / 720) % 16] + tailEndings[(k / 11_520) % 10]
        return (ru, "term\(k)")
    }

    /// A noun: one Zipf draw over the common press-release forms (59 stems × 8 endings) followed by
    /// the long tail of derived words, so that about half the nouns are common and half rare.
    mutating func noun() -> (String, String) {
        let common = Self.nouns.count * 8
        let k = zipf(common + 115_200)
        if k < common {
            let n = Self.nouns[k % Self.nouns.count]
            return (n.0 + Self.nounEndings[n.1][k / Self.nouns.count], n.2)
        }
        return Self.tailWord(k - common)
    }

    /// An adjective: common ones first, then derived ones (`…ическ…`, `…н…`, `…ов…`) in the tail.
    mutating func adjective() -> (String, String) {
        let common = Self.adjectives.count * 12
        let k = zipf(common + 25_920)
        if k < common {
            let a = Self.adjectives[k % Self.adjectives.count]
            return (a.0 + Self.adjectiveEndings[k / Self.adjectives.count], a.1)
        }
        let t = k - common
        let ru = Self.prefixes[t % 12] + Self.roots[(t / 12) % 60] + ["ическ", "н", "ов"][(t / 720) % 3]
            + Self.adjectiveEndings[(t / 2160) % 12]
        return (ru, "adj\(t)")
    }

    /// A noun phrase of one to four words.
    mutating func phrase() -> (String, String) {
        var ru: [String] = []
        var en: [String] = []
        if chance(60) { let a = adjective(); ru.append(a.0); en.append(a.1) }
        let head = noun()
        ru.append(head.0)
        en.append(head.1)
        if chance(50) {
            let n = noun()
            ru.append(n.0)
            en.append("of " + n.1)
            if chance(30) { let a = adjective(); ru.insert(a.0, at: ru.count - 1); en.insert(a.1, at: en.count - 1) }
        }
        return (ru.joined(separator: " "), en.joined(separator: " "))
    }

    mutating func person() -> (String, String) {
        let name = Self.surname(zipf(48_000))
        if chance(50) { return (name.0, name.1) }
        let first = pick(Self.firstNames)
        return ("\(first) \(name.0)", "\(first) \(name.1)")
    }

    mutating func place() -> (String, String) {
        let k = zipf(8000)
        let city = Self.syllables[k % 20].capitalized + Self.syllables[(k / 20) % 20] + pick(["ске", "ове", "ани", "е"])
        let cityEn = Self.latin[k % 20].capitalized + Self.latin[(k / 20) % 20] + "sk"
        return ("в " + city, "in " + cityEn)
    }

    mutating func verb() -> (String, String) {
        let v = Self.verbs[zipf(Self.verbs.count)]
        return (v.0 + Self.verbEndings[zipf(4)], v.1)
    }

    mutating func function() -> (String, String) { Self.function[zipf(Self.function.count)] }

    // MARK: Sentences

    /// `text` with its first letter in upper case.
    static func sentenceCase(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static let openers: [(String, String)] = [
        ("Как сообщает пресс-служба,", "As the press service reports,"), ("Напомним, что", "Recall that"), ("Кроме того,", "In addition,"),
        ("В ходе визита", "During the visit"), ("По итогам переговоров", "Following the talks"), ("В этой связи", "In this regard"),
        ("Вместе с тем", "At the same time"), ("По информации министерства,", "According to the ministry,"),
        ("В настоящее время", "At present"), ("Как отмечается в документе,", "As the document notes,"),
        ("В заявлении говорится, что", "The statement says that"), ("Ранее сообщалось, что", "It was reported earlier that"),
        ("По данным статистики,", "According to statistics,"), ("В рамках форума", "Within the forum"), ("На заседании", "At the meeting"),
        ("В частности,", "In particular,"), ("При этом", "At the same time"), ("Отмечается, что", "It is noted that"),
        ("По мнению экспертов,", "According to experts,"), ("В прошлом году", "Last year"), ("В текущем году", "This year"),
        ("На пресс-конференции", "At the press conference"), ("В ходе встречи", "During the meeting"), ("В результате", "As a result"),
        ("Со своей стороны", "For its part"), ("В свою очередь,", "In turn,"), ("Как подчеркнул министр,", "As the minister stressed,"),
        ("Согласно договорённостям,", "Under the agreements,"), ("В целом", "Overall"), ("Также", "Also"),
    ]
    static let said: [(String, String)] = [
        ("заявил", "said"), ("подчеркнул", "stressed"), ("отметил", "noted"), ("сообщила", "reported"), ("добавил", "added"),
        ("пояснил", "explained"), ("уточнила", "specified"),
    ]
    static let units: [(String, String)] = [
        ("млн долларов", "million dollars"), ("млрд рублей", "billion roubles"), ("тыс. тонн", "thousand tonnes"), ("%", "%"),
        ("человек", "people"), ("единиц техники", "units of equipment"), ("км", "km"), ("проектов", "projects"),
    ]

    /// A prepositional or adverbial phrase.
    mutating func adjunct() -> (String, String) {
        switch below(6) {
        case 0: return place()
        case 1:
            let value = 1 + zipf(2000), unit = pick(Self.units)
            return ("на сумму \(value) \(unit.0)", "worth \(value) \(unit.1)")
        case 2:
            let day = 1 + below(28), month = pick(Self.months)
            return ("\(day) \(month.0)", "on \(day) \(month.1)")
        default:
            let f = function(), p = phrase()
            return ("\(f.0) \(p.0)", "\(f.1) \(p.1)")
        }
    }

    /// A clause: subject, verb, object and up to two adjuncts.
    mutating func clause() -> (String, String) {
        let subject = chance(40) ? person() : phrase()
        let v = verb(), object = phrase()
        var ru = "\(subject.0) \(v.0) \(object.0)"
        var en = "\(subject.1) \(v.1) \(object.1)"
        for _ in 0..<below(4) {
            let a = adjunct()
            ru += " " + a.0
            en += " " + a.1
        }
        return (ru, en)
    }

    /// A sentence pair: an opener or a date now and then, one or two clauses, or a quotation.
    mutating func pair() -> (ru: String, en: String) {
        if chance(10) {
            let c = clause(), s = pick(Self.said), p = person()
            return ("«\(Self.sentenceCase(c.0))», – \(s.0) \(p.0).", "\"\(Self.sentenceCase(c.1)),\" \(p.1) \(s.1).")
        }
        var ru = ""
        var en = ""
        switch below(10) {
        case 0, 1, 2:
            let o = pick(Self.openers)
            ru = o.0 + " "
            en = o.1 + " "
        case 3:
            let day = 1 + below(28), month = pick(Self.months), year = 2010 + below(15)
            ru = "\(day) \(month.0) \(year) г. "
            en = "On \(day) \(month.1) \(year), "
        case 4:
            let year = 2010 + below(15)
            ru = "В \(year) году "
            en = "In \(year), "
        default: break
        }
        let first = clause()
        ru += first.0
        en += first.1
        if chance(50) {
            let conjunction = pick([(", а также", ", and also"), (", и", ", and"), (", однако", ", but"), (", при этом", ", while"), (", что", ", which")])
            let second = clause()
            ru += conjunction.0 + " " + second.0
            en += conjunction.1 + " " + second.1
        }
        return (Self.sentenceCase(ru) + ".", Self.sentenceCase(en) + ".")
    }

    /// `text` with about `(100 − similarity) %` of its words replaced, dropped or added.
    mutating func perturb(_ text: String, similarity: Int) -> String {
        var words = text.split(separator: " ").map(String.init)
        let edits = max(1, Int((Double(words.count) * Double(100 - similarity) / 100).rounded()))
        for _ in 0..<edits {
            let position = below(max(1, words.count))
            switch below(4) {
            case 0 where words.count > 3: words.remove(at: position)
            case 1: words.insert(pick(["также", "вновь", "официально", "совместно", "дополнительно", "подробно"]), at: position)
            case 2: words[position] = String(1 + below(2000))
            default: words[position] = chance(50) ? noun().0 : Self.surname(below(48_000)).0
            }
        }
        return words.joined(separator: " ")
    }

    /// The memory's units: `count` units, ids in order; near-duplicates and second translations among them.
    mutating func units(count: Int, _ body: (TranslationUnit) throws -> Void) rethrows {
        let ru = LanguageTag(canonical: "ru"), en = LanguageTag(canonical: "en")
        var recent: [(String, String)] = []
        let date = Date(timeIntervalSince1970: 1_600_000_000)
        for index in 0..<count {
            var (source, target) = pair()
            if !recent.isEmpty && chance(25) {
                let base = recent[below(recent.count)]
                let similarity = pick([95, 85, 75])
                source = perturb(base.0, similarity: similarity)
                target = base.1
            } else if !recent.isEmpty && chance(2) {
                let base = recent[below(recent.count)]
                source = base.0
                target = base.1 + " (rev.)"
            }
            if recent.count < 4096 { recent.append((source, target)) } else { recent[below(recent.count)] = (source, target) }
            try body(TranslationUnit(
                sourceLanguage: ru, variants: [Variant(language: ru, text: source), Variant(language: en, text: target)],
                origin: .aligned,
                provenance: Provenance(documentID: "press-\(index / 30)", documentDate: "2023-02-13", position: "\(index % 30 + 1)"),
                createdAt: date.addingTimeInterval(Double(index))))
        }
    }

    /// Queries: a third exact stored sources, a third stored sources changed to about 90/80/70 %
    /// similarity, a third unrelated sentences (from another seed, so almost never stored).
    static func queries(count: Int, memorySize: Int) -> [String] {
        var sources: [String] = []
        var wanted = Set<Int>()
        var picker = MatchCorpus(seed: 7)
        while wanted.count < min(count, memorySize) { wanted.insert(picker.below(memorySize)) }
        var corpus = MatchCorpus(seed: 42)
        var position = 0
        corpus.units(count: min(memorySize, (wanted.max() ?? 0) + 1)) { unit in
            if wanted.contains(position) { sources.append(unit.variants[0].text) }
            position += 1
        }
        var fresh = MatchCorpus(seed: 4242)
        var result: [String] = []
        for (index, source) in sources.enumerated() {
            switch index % 3 {
            case 0: result.append(source)
            case 1: result.append(fresh.perturb(source, similarity: fresh.pick([90, 80, 70])))
            default: result.append(fresh.pair().ru)
            }
        }
        return result
    }
}
