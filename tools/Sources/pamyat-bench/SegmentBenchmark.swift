// `pamyat-bench segment [MEGABYTES]`: sentence segmentation speed on generated Russian and English
// text (deterministic: a seeded generator), one core, reported in MB/s and sentences/s.
import Foundation
import PamyatCore
import PamyatText

/// The `segment` entry of `benchmarks` (computed: `Benchmark` is not `Sendable`).
var segmentBenchmark: Benchmark {
    Benchmark(
        name: "segment",
        summary: "SentenceSegmenter on generated Russian + English news/fiction text (MB/s, sentences/s)",
        run: runSegmentBenchmark
    )
}

private func runSegmentBenchmark(_ arguments: [String]) throws {
    let megabytes = arguments.first.flatMap(Int.init) ?? 24
    var generator = SegmentTextGenerator(seed: 0x5EED_2023)
    // Two thirds Russian, one third English, as in a Russian original with its translation.
    let russian = generator.document(language: .russian, bytes: megabytes * 1_000_000 * 2 / 3)
    let english = generator.document(language: .english, bytes: megabytes * 1_000_000 / 3)
    let ru = try SentenceSegmenter(language: LanguageTag.parse("ru"))
    let en = try SentenceSegmenter(language: LanguageTag.parse("en"))
    let totalBytes = russian.utf8.count + english.utf8.count
    print("input: \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB (ru \(russian.utf8.count) B, en \(english.utf8.count) B), seed 0x5EED2023")

    // Warm up (page in ICU's data and the rule files), then the best of three runs.
    _ = ru.paragraphs(in: String(russian.prefix(100_000)))
    _ = en.paragraphs(in: String(english.prefix(100_000)))
    // Wall-clock time and this thread's CPU time: on a shared machine the CPU time is the figure
    // for "one core"; the wall time shows what waiting for the core added.
    var bestWall = Double.infinity
    var bestCPU = Double.infinity
    var sentences = 0
    for run in 1...3 {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        let ruParagraphs = ru.paragraphs(in: russian)
        let enParagraphs = en.paragraphs(in: english)
        let cpu = threadCPUSeconds() - cpuStart
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
        sentences = ruParagraphs.reduce(0) { $0 + $1.count } + enParagraphs.reduce(0) { $0 + $1.count }
        print(String(format: "run %d: %.3f s wall, %.3f s CPU", run, wall, cpu))
        bestWall = min(bestWall, wall)
        bestCPU = min(bestCPU, cpu)
    }
    let inputMegabytes = Double(totalBytes) / 1e6
    print(String(format: "segment: %.1f MB/s, %.0f sentences/s on one core (CPU time, best of 3: %.3f s; %d sentences)",
                 inputMegabytes / bestCPU, Double(sentences) / bestCPU, bestCPU, sentences))
    var load = [Double](repeating: 0, count: 1)
    _ = getloadavg(&load, 1)
    print(String(format: "segment: %.1f MB/s, %.0f sentences/s by the wall clock (best of 3: %.3f s; load %.1f on %d cores)",
                 inputMegabytes / bestWall, Double(sentences) / bestWall, bestWall, load[0],
                 ProcessInfo.processInfo.activeProcessorCount))
}

/// CPU time used by the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A deterministic generator of realistic text: news, press-release and fiction sentences with
/// the things segmentation must get right (initials, abbreviations, dates, numbers, quotes,
/// dialogue, ellipses, URLs).
struct SegmentTextGenerator {
    enum Language { case russian, english }

    /// SplitMix64: small, fast and reproducible on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private mutating func pick(_ words: [String]) -> String { words[int(0...(words.count - 1))] }

    /// A document of about `bytes` UTF-8 bytes: paragraphs of 2–8 sentences, one per line.
    mutating func document(language: Language, bytes: Int) -> String {
        var text = ""
        text.reserveCapacity(bytes + 1000)
        while text.utf8.count < bytes {
            let count = int(2...8)
            for index in 0..<count {
                if index > 0 { text += " " }
                text += language == .russian ? russianSentence() : englishSentence()
            }
            text += "\n"
        }
        return text
    }

    private static let ruSurnames = ["Лукашенко", "Головченко", "Петров", "Иванова", "Смирнов", "Кочанова", "Волков", "Гусаков"]
    private static let ruTitles = ["Президент", "министр", "проф.", "акад.", "ген.-лейт.", "депутат", "зам. министра"]
    private static let ruVerbs = ["заявил", "отметил", "подчеркнул", "сообщил", "напомнил"]
    private static let ruNouns = ["экспорт", "бюджет", "урожай", "выпуск продукции", "объём инвестиций", "товарооборот"]
    private static let ruOrgs = ["Правительство", "Совет Министров", "Нацбанк", "Минэкономики", "ОАО «Беларуськалий»"]
    private static let ruCities = ["Минске", "Гродно", "Бресте", "Могилёве", "Витебске", "Гомеле"]
    private static let ruMonths = ["янв.", "февр.", "марта", "апр.", "мая", "июня", "окт.", "нояб.", "дек."]
    private static let ruQuotes = ["Вызовов много, но мы справимся", "Мы должны действовать вместе", "Другого пути у нас нет", "Работа будет продолжена"]
    private static let ruFiction = ["Ночь была тёмная и тихая.", "Он долго молчал.", "За окном шумел ветер.", "Никто не знал, что делать.", "Она улыбнулась и вышла."]

    private mutating func initials() -> String {
        let letters = ["А", "В", "Г", "Д", "Е", "И", "Н", "П", "С", "Ю"]
        return int(0...1) == 0 ? "\(pick(letters)).\(pick(letters))." : "\(pick(letters)). \(pick(letters))."
    }

    private mutating func russianSentence() -> String {
        switch int(0...13) {
        case 0: return "\(pick(Self.ruTitles).capitalizedFirst) \(initials()) \(pick(Self.ruSurnames)) \(pick(Self.ruVerbs)), что \(pick(Self.ruNouns)) вырос на \(int(1...20)),\(int(0...9))%."
        case 1: return "В \(int(1990...2024)) г. \(pick(Self.ruOrgs)) утвердило программу развития регионов."
        case 2: return "Договор подписан в \(int(1990...2024)) г. Затем его ратифицировали обе стороны."
        case 3: return "Цена составила \(int(2...900)) тыс. руб. Далее было предложено снизить её."
        case 4: return "«\(pick(Self.ruQuotes))», — \(pick(Self.ruVerbs)) \(pick(Self.ruTitles)) \(pick(Self.ruSurnames))."
        case 5: return "— \(pick(Self.ruQuotes)), — сказал министр. — Начинаем работу."
        case 6: return "Выставка откроется \(int(1...28)) \(pick(Self.ruMonths)) в \(pick(Self.ruCities)). В ней участвуют \(int(10...400)) компаний из \(int(3...40)) стран."
        case 7: return "По данным на \(int(10...28)).0\(int(1...9)).\(int(2015...2024)), \(pick(Self.ruNouns)) составил \(int(1...90)) млн долл., т.е. на \(int(1...9)).\(int(1...9))% больше."
        case 8: return "Подробности опубликованы на сайте www.\(pick(["nbrb", "belta", "president", "minfin"])).by и по адресу info@\(pick(["nbrb", "belta"])).by."
        case 9: return "Времена сложные… Но мы справимся, и т.д. и т. п."
        case 10: return pick(Self.ruFiction)
        case 11: return "Согласно ст. \(int(1...120)) Закона «О местном самоуправлении», органы власти обязаны публиковать отчёты, см. п. \(int(1...9)) ч. \(int(1...4))."
        case 12: return "Он сказал: «Нет». Потом ушёл в д. Ивановка \(pick(["Минского", "Пинского"])) р-на."
        default: return "Встреча прошла на ул. \(pick(["Немиги", "Ленина", "Кирова"])), д. \(int(1...99)), в \(pick(Self.ruCities)); в ней участвовали представители \(pick(Self.ruOrgs)) и др."
        }
    }

    private static let enNames = ["Smith", "Brown", "Novak", "Hale", "Ortiz", "Lee", "Walsh"]
    private static let enTitles = ["Mr.", "Mrs.", "Dr.", "Prof.", "Gen.", "Sen."]
    private static let enNouns = ["exports", "the budget", "the harvest", "investment", "trade"]

    private mutating func englishSentence() -> String {
        switch int(0...11) {
        case 0: return "\(pick(Self.enTitles)) \(pick(["A.", "J. R.", "E.", "M."])) \(pick(Self.enNames)) said that \(pick(Self.enNouns)) grew by \(int(1...20)).\(int(0...9))%."
        case 1: return "In \(int(1990...2024)) the Government approved a regional development programme."
        case 2: return "The treaty was signed in \(int(1990...2024)). It was then ratified by both parties."
        case 3: return "The price was \(int(2...900)),000 roubles. It was later cut by half."
        case 4: return "“We must act together,” the \(pick(["President", "minister", "ambassador"])) said."
        case 5: return "The U.S. delegation arrived at \(int(1...11)) a.m. on \(pick(["Monday", "Friday"])). \(pick(Self.enTitles)) \(pick(Self.enNames)) met them at the airport."
        case 6: return "See p. \(int(1...300)) and Fig. \(int(1...9)) of the report, i.e. the annex."
        case 7: return "Details are on www.\(pick(["belta", "gov", "example"])).by and at info@example.org."
        case 8: return "Times are hard... But we will manage."
        case 9: return "Is it over? Nobody knew!"
        case 10: return "They closed the deal with Hart, Lowe & Co. on Friday."
        default: return "The meeting was held on \(pick(["Main St.", "Pine Ave.", "Oak Rd."])) near the park, with \(int(10...400)) companies from \(int(3...40)) countries."
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
