import Foundation
import PamyatCore

/// A deterministic generator of press-release-like Russian sentences with English translations, for
/// the fuzzy-matching benchmark: a few hundred real press-release words and phrases in many
/// templates, plus rare names drawn from a Zipf-like distribution over tens of thousands of
/// syllable-built surnames and place names, so the vocabulary grows with the memory as real text
/// does. A quarter of the units are near-duplicates of earlier ones at about 95, 85 or 75 %
/// similarity, and some sources get a second translation.
struct MatchCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A Zipf-like pick in 0..<n: small indexes are much more frequent.
    mutating func zipf(_ n: Int) -> Int {
        let u = Double(next() % 1_000_000 + 1) / 1_000_001
        return min(n - 1, Int(pow(Double(n), u)) - 1)
    }

    // MARK: Vocabulary (ru, en) pairs

    static let titles: [(String, String)] = [
        ("Президент Республики Беларусь", "President of the Republic of Belarus"), ("Президент России", "President of Russia"),
        ("Генеральный секретарь ОДКБ", "CSTO Secretary General"), ("Министр иностранных дел", "Minister of Foreign Affairs"),
        ("Председатель Правительства", "Chairman of the Government"), ("Посол Казахстана", "Ambassador of Kazakhstan"),
        ("Заместитель министра обороны", "Deputy Minister of Defence"), ("Глава делегации", "Head of the delegation"),
        ("Председатель Совета министров", "Chairman of the Council of Ministers"), ("Министр экономики", "Minister of Economy"),
        ("Губернатор области", "Governor of the region"), ("Мэр города", "Mayor of the city"),
        ("Директор департамента", "Director of the Department"), ("Официальный представитель МИД", "Foreign Ministry spokesperson"),
        ("Начальник Объединённого штаба", "Chief of the Joint Staff"), ("Генеральный прокурор", "Prosecutor General"),
    ]
    static let verbs: [(String, String)] = [
        ("провёл встречу с", "held a meeting with"), ("провёл переговоры с", "held talks with"), ("встретился с", "met with"),
        ("принял", "received"), ("направил поздравление", "sent congratulations to"), ("провёл телефонный разговор с", "had a phone call with"),
        ("обсудил с", "discussed with"), ("подписал соглашение с", "signed an agreement with"), ("посетил", "visited"),
        ("выступил перед", "addressed"), ("наградил", "awarded"), ("поблагодарил", "thanked"),
    ]
    static let partners: [(String, String)] = [
        ("делегацией Китайской Народной Республики", "the delegation of the People's Republic of China"),
        ("представителями государств – членов ОДКБ", "representatives of the CSTO member states"),
        ("руководством Министерства обороны", "the leadership of the Ministry of Defence"),
        ("участниками форума", "participants of the forum"), ("главами дипломатических миссий", "heads of diplomatic missions"),
        ("членами Совета Безопасности", "members of the Security Council"), ("студентами университета", "university students"),
        ("руководителями предприятий", "heads of enterprises"), ("журналистами", "journalists"),
        ("военными наблюдателями", "military observers"), ("экспертами ООН", "UN experts"), ("коллегами из ШОС", "colleagues from the SCO"),
    ]
    static let topics: [(String, String)] = [
        ("вопросы двустороннего сотрудничества", "issues of bilateral cooperation"),
        ("перспективы развития торгово-экономических связей", "prospects for the development of trade and economic ties"),
        ("ход подготовки к саммиту", "preparations for the summit"), ("ситуацию в регионе", "the situation in the region"),
        ("реализацию совместных проектов", "the implementation of joint projects"),
        ("укрепление коллективной безопасности", "strengthening collective security"),
        ("итоги совместных учений", "the results of the joint exercises"), ("проект бюджета на следующий год", "the draft budget for next year"),
        ("меры по борьбе с терроризмом", "measures to combat terrorism"), ("вопросы миграционной политики", "migration policy issues"),
        ("развитие транспортной инфраструктуры", "the development of transport infrastructure"),
        ("сотрудничество в сфере образования", "cooperation in education"), ("энергетическую безопасность", "energy security"),
        ("поставки сельскохозяйственной продукции", "supplies of agricultural products"),
        ("взаимодействие в рамках Союзного государства", "cooperation within the Union State"),
    ]
    static let places: [(String, String)] = [
        ("в Минске", "in Minsk"), ("в Москве", "in Moscow"), ("в Астане", "in Astana"), ("в Ереване", "in Yerevan"),
        ("в Бишкеке", "in Bishkek"), ("в Душанбе", "in Dushanbe"), ("во Дворце Независимости", "at the Palace of Independence"),
        ("в Доме правительства", "at the Government House"), ("в режиме видеоконференции", "via videoconference"),
        ("на полях форума", "on the sidelines of the forum"), ("в штаб-квартире ОДКБ", "at the CSTO headquarters"),
    ]
    static let months: [(String, String)] = [
        ("января", "January"), ("февраля", "February"), ("марта", "March"), ("апреля", "April"), ("мая", "May"), ("июня", "June"),
        ("июля", "July"), ("августа", "August"), ("сентября", "September"), ("октября", "October"), ("ноября", "November"),
        ("декабря", "December"),
    ]
    static let adjuncts: [(String, String)] = [
        ("Стороны подчеркнули важность", "The parties stressed the importance of"), ("Было отмечено значение", "The importance was noted of"),
        ("Особое внимание было уделено", "Particular attention was paid to"), ("Участники обсудили", "The participants discussed"),
        ("В ходе беседы были затронуты", "During the conversation they touched upon"), ("Министр подчеркнул необходимость", "The minister stressed the need for"),
    ]
    static let amounts: [(String, String)] = [
        ("млн долларов", "million dollars"), ("млрд рублей", "billion roubles"), ("тыс. тонн", "thousand tonnes"), ("процентов", "percent"),
        ("человек", "people"), ("единиц техники", "units of equipment"),
    ]
    static let syllables = ["ка", "ло", "ре", "ми", "на", "тов", "бе", "ша", "гам", "ди", "ро", "вар", "зу", "ле", "пи", "сун", "хан", "бо", "ти", "мур"]
    static let latin = ["ka", "lo", "re", "mi", "na", "tov", "be", "sha", "gam", "di", "ro", "var", "zu", "le", "pi", "sun", "khan", "bo", "ti", "mur"]
    static let endings: [(String, String)] = [("ов", "ov"), ("ев", "ev"), ("ин", "in"), ("енко", "enko"), ("бетов", "betov"), ("ович", "ovich")]

    /// Surname number `k` (k < 48,000), in Russian and in transliteration.
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

    // MARK: Sentences

    /// A sentence pair as tokens joined later: ru and en parts.
    mutating func pair() -> (ru: String, en: String) {
        let day = 1 + below(28)
        let month = pick(Self.months)
        let year = 2015 + below(10)
        let name = Self.surname(zipf(48_000))
        switch below(5) {
        case 0, 1:
            let title = pick(Self.titles), verb = pick(Self.verbs), partner = pick(Self.partners), place = pick(Self.places)
            let topic = pick(Self.topics)
            let ru = "\(day) \(month.0) \(year) г. \(title.0) \(name.0) \(verb.0) \(partner.0) \(place.0), обсудив \(topic.0)."
            let en = "On \(day) \(month.1) \(year), \(title.1) \(name.1) \(verb.1) \(partner.1) \(place.1) to discuss \(topic.1)."
            return (ru, en)
        case 2:
            let adjunct = pick(Self.adjuncts), topic = pick(Self.topics), second = pick(Self.topics)
            let ru = "\(adjunct.0) \(topic.0) и \(second.0), а также \(pick(Self.topics).0)."
            let en = "\(adjunct.1) \(topic.1) and \(second.1), as well as further steps."
            return (ru, en)
        case 3:
            let amount = pick(Self.amounts), value = 1 + below(999), title = pick(Self.titles)
            let ru = "По словам \(title.0.lowercased()) \(name.0), объём составил \(value) \(amount.0) за \(year) год."
            let en = "According to the \(title.1) \(name.1), the volume amounted to \(value) \(amount.1) in \(year)."
            return (ru, en)
        default:
            let title = pick(Self.titles), place = pick(Self.places), other = Self.surname(zipf(48_000))
            let topic = pick(Self.topics)
            let ru = "«Мы высоко ценим \(topic.0)», – заявил \(title.0.lowercased()) \(name.0) \(place.0) после встречи с \(other.0)."
            let en = "\"We highly value \(topic.1),\" \(title.1) \(name.1) said \(place.1) after meeting \(other.1)."
            return (ru, en)
        }
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
            default: words[position] = Self.surname(below(48_000)).0
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
