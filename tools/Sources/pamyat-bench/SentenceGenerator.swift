import PamyatCore

/// Deterministic press-release-like ru/en sentence pairs of one fixed shape (xorshift generator), for
/// the store and TMX benchmarks, whose figures depend on text length rather than vocabulary.
/// The matching benchmark needs a realistic vocabulary and uses `MatchCorpus` instead.
struct SentenceGenerator {
    private var random: XorShift
    init(seed: UInt64) { random = XorShift(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let ruSubjects = ["Президент", "Глава государства", "Министр иностранных дел", "Генеральный секретарь ОДКБ", "Правительство", "Делегация"]
    static let ruVerbs = ["подчеркнул", "отметил", "заявил", "сообщил", "напомнил"]
    static let ruObjects = ["важность сотрудничества", "необходимость единства", "значение переговоров", "роль организации", "итоги визита"]
    static let enSubjects = ["The President", "The head of state", "The Foreign Minister", "The CSTO Secretary General", "The government", "The delegation"]
    static let enVerbs = ["stressed", "noted", "said", "reported", "recalled"]
    static let enObjects = ["the importance of cooperation", "the need for unity", "the value of the talks", "the role of the organization", "the results of the visit"]

    mutating func unit() -> TranslationUnit {
        let s = Int(next() % 6), v = Int(next() % 5), o = Int(next() % 5)
        let day = 1 + Int(next() % 28), year = 2000 + Int(next() % 25), n = Int(next() % 100_000)
        let ru = "\(Self.ruSubjects[s]) \(Self.ruVerbs[v]) \(Self.ruObjects[o]) \(day) февраля \(year) г., документ № \(n)."
        let en = "\(Self.enSubjects[s]) \(Self.enVerbs[v]) \(Self.enObjects[o]) on \(day) February \(year), document No. \(n)."
        return TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: ru), Variant(language: LanguageTag(canonical: "en"), text: en)],
            origin: .aligned, provenance: Provenance(documentID: "bench-\(n % 500)", position: "\(n % 40)", confidence: 0.95))
    }
}
