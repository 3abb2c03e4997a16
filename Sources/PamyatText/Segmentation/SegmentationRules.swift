/// The rule data of one language for ``SentenceSegmenter``: abbreviation classes and word lists,
/// read from `Rules/<language>.rules` (docs/SEGMENTATION.md has the file format, docs/SEGMENTATION-RULES.md every rule).
///
/// Immutable once loaded, so one value is shared by every segmenter of that language.
struct SegmentationRules: Sendable {
    /// How an abbreviation followed by a full stop behaves; an abbreviation may belong to several.
    struct Behaviour: OptionSet, Hashable, Sendable {
        let rawValue: UInt16

        /// `[never-ends]`: the full stop never ends a sentence (`ул.`, `т.е.`, `Mr.`).
        static let neverEnds = Behaviour(rawValue: 1 << 0)
        /// `[ends-before-capital]`: ends a sentence when the next word starts with a capital (`и т.д.`, `руб.`).
        static let endsBeforeCapital = Behaviour(rawValue: 1 << 1)
        /// `[ends-before-starter]`: ends a sentence only when the next word is a sentence starter (`им.`, `U.S.`).
        static let endsBeforeStarter = Behaviour(rawValue: 1 << 2)
        /// `[before-number]`: never ends a sentence when a number follows (`ст. 5`, `p. 55`); otherwise an ordinary word.
        static let beforeNumber = Behaviour(rawValue: 1 << 3)
        /// `[dates-after-number]`: after a number, the date rule decides (`2021 г.`, `5 окт.`, `5 p.m.`).
        static let dateAfterNumber = Behaviour(rawValue: 1 << 4)
        /// `[units-after-number]`: after a number, ends a sentence before a capital (`30 см.`, `15 ч.`).
        static let unitAfterNumber = Behaviour(rawValue: 1 << 5)
        /// `[initials]`: a name abbreviation that behaves like an initial (`Дж.`, `Вл.`, `Wm.`).
        static let initial = Behaviour(rawValue: 1 << 6)
    }

    /// One abbreviation in normalised form (see ``SegmentationRules/normalizedKey(_:)``).
    struct Abbreviation: Hashable, Sendable {
        /// The normalised UTF-8 bytes, e.g. `и т.д.`, always ending in a full stop.
        var key: [UInt8]
        var behaviour: Behaviour
        /// Whether the rule file writes it in capitals (U.S.): only such an entry overrides the
        /// initials rule for a chain of capitals in the text.
        var capitals = false
    }

    /// The language these rules are for (`ru`).
    var language: String
    /// ICU locale for the base sentence breaks.
    var icuLocale: String
    /// Abbreviations grouped by their last word (lowercase, without the final stop), longest key first.
    var abbreviationsByLastWord: [String: [Abbreviation]] = [:]
    /// Lowercase words that usually begin a sentence (pronouns, conjunctions, prepositions…).
    private(set) var starters: Set<String> = []
    /// ``WordHash`` of every abbreviation's last word and of every starter, to answer "no" fast.
    private(set) var lastWordHashes: Set<UInt64> = []
    private(set) var starterHashes: Set<UInt64> = []
    /// Lowercase words after which a date phrase opens a clause (conjunctions: `и`, `когда`).
    var clauseOpeners: Set<String> = []
    /// Lowercase words that may stand inside a date phrase (prepositions, month names).
    var dateWords: Set<String> = []
    /// Lowercase endings of surnames (`[surname-endings]`): initials after such a word close a name.
    var surnameEndings: [String] = []
    /// Lowercase prepositions (`[prepositions]`), for the date rule.
    var prepositions: Set<String> = []
    /// Capitalised words (lowercased) that go on with the sentence after an abbreviation of
    /// `[ends-before-capital]`: the genitive of a country after a region («Гродненской обл. Беларуси»).
    var continuations: Set<String> = []
    /// `[options]` `semicolon-ends-sentence`: a semicolon before a capitalised word ends a sentence.
    var semicolonEndsSentence = false
    /// `[options]` `chat-lowercase-starts`: in the informal register, a lowercase word after `!`,
    /// `?` or two dots starts a new sentence unless it is inside direct speech.
    var chatLowercaseStarts = false
    /// Lowercase words after which one capital letter names a key, an axis, a cell or a variant
    /// (`[letter-labels]`: «клавишу», «оси», «column»), not an initial.
    private(set) var letterLabels: Set<String> = []
    /// ``WordHash`` of every letter label, to answer "no" fast.
    private(set) var letterLabelHashes: Set<UInt64> = []
    /// Lowercase endings of short passive participles (`[passive-participle-endings]`: «открыт»,
    /// «основана»), for the date rule's sentence that opens with its predicate.
    var passiveParticipleEndings: [String] = []
    /// Lowercase endings of the instrumental case (`[instrumental-endings]`), for the agent of a
    /// passive predicate («… Уэйлсом»).
    var instrumentalEndings: [String] = []
    /// Lowercase words that name a place in an address (`[address-words]`: «район»): a unit
    /// abbreviation after such a word and a comma is an address word («район, с. Ивановка»).
    var addressWords: Set<String> = []
    /// Lowercase endings of finite verbs (`[verb-endings]`: «действует»), for a preposition left
    /// without its object at the end of a label («Действует с.»).
    var verbEndings: [String] = []

    init(language: String, icuLocale: String) {
        self.language = language
        self.icuLocale = icuLocale
    }

    /// Adds an abbreviation as written in a rule file (`т. е.`, `ген.-лейт.`, `млн`).
    mutating func addAbbreviation(_ written: String, _ behaviour: Behaviour) {
        let key = Self.normalizedKey(Array(written.utf8))
        guard let last = Self.lastWord(ofKey: key), !last.isEmpty else { return }
        var list = abbreviationsByLastWord[last, default: []]
        let letters = written.unicodeScalars.filter { $0.properties.isAlphabetic }
        let capitals = letters.count > 1 && letters.allSatisfy { $0.properties.isUppercase }
        if let index = list.firstIndex(where: { $0.key == key }) {
            list[index].behaviour.formUnion(behaviour)
            list[index].capitals = list[index].capitals || capitals
        } else {
            list.append(Abbreviation(key: key, behaviour: behaviour, capitals: capitals))
            list.sort { $0.key.count > $1.key.count }
        }
        abbreviationsByLastWord[last] = list
        if let hash = WordHash.of(last) { lastWordHashes.insert(hash) }
    }

    /// Adds a letter label (any case).
    mutating func addLetterLabel(_ word: String) {
        let lower = UTF8Text.lowercased(Array(word.utf8)[...])
        letterLabels.insert(lower)
        if let hash = WordHash.of(lower) { letterLabelHashes.insert(hash) }
    }

    /// Whether the lowercase form of `range` is a letter label.
    func isLetterLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if let hash = WordHash.lowercased(bytes, range), !letterLabelHashes.contains(hash) { return false }
        return letterLabels.contains(UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: bytes[range]))))
    }

    /// Adds a starter word (any case).
    mutating func addStarter(_ word: String) {
        let lower = UTF8Text.lowercased(Array(word.utf8)[...])
        starters.insert(lower)
        if let hash = WordHash.of(lower) { starterHashes.insert(hash) }
    }

    /// Whether the lowercase form of `range` may be the last word of an abbreviation (false is
    /// certain; true is checked against the lists by the caller).
    func mayEndAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let hash = WordHash.lowercased(bytes, range) else { return true }
        return lastWordHashes.contains(hash)
    }

    /// Whether the lowercase form of `range` may be a starter (false is certain).
    func mayBeStarter(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let hash = WordHash.lowercased(bytes, range) else { return true }
        return starterHashes.contains(hash)
    }

    /// The abbreviation that the text ending at a full stop ends with, longest first.
    ///
    /// `lastWord` is the lowercase word right before the stop; `window` the normalised text before
    /// and including the stop (``normalizedKey(_:)``), starting at a word boundary.
    func abbreviation(lastWord: String, window: [UInt8]) -> Abbreviation? {
        guard let list = abbreviationsByLastWord[lastWord] else { return nil }
        for candidate in list where window.count >= candidate.key.count {
            let start = window.count - candidate.key.count
            guard window[start...].elementsEqual(candidate.key) else { continue }
            // The match must begin a word: at the window start or after a non-letter other than
            // a slash («с.» is not in «м/с.») or a hyphen after a letter («с.» is not in «знаю-с.»,
            // but «лейт.» is in «ген.-лейт.»).
            if start == 0 { return candidate }
            let before = window[start - 1]
            if before == 0x2F { continue }
            if before == 0x2D && start >= 2 && window[start - 2] != 0x2E { continue }
            if !UTF8Text.isWordByte(before: start, in: window) { return candidate }
        }
        return nil
    }

    /// Whether the abbreviations of `lastWord` need the text before it (a multi-part key such as `т.е.`).
    func hasAbbreviations(endingWith lastWord: String) -> Bool { abbreviationsByLastWord[lastWord] != nil }

    /// The normalised form in which abbreviations are compared: lowercase, no space around a full
    /// stop, a hyphen or a slash, single spaces elsewhere, ending in a full stop (`Т. Е.` → `т.е.`,
    /// `т . е .` → `т.е.`, `млн` → `млн.`).
    static func normalizedKey(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var lower: [UInt8] = []
        UTF8Text.appendLowercased(bytes[...], to: &lower)
        out.reserveCapacity(lower.count + 1)
        var pendingSpace = false
        for byte in lower {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !out.isEmpty && out.last != 0x2E && out.last != 0x2D && out.last != 0x2F
                continue
            }
            if pendingSpace && byte != 0x2E && byte != 0x2D && byte != 0x2F { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        if out.last != 0x2E { out.append(0x2E) }
        return out
    }

    /// The last word of a normalised key: the text between the previous stop, space or hyphen and
    /// the final stop (`и т.д.` → `д`, `ген.-лейт.` → `лейт`).
    static func lastWord(ofKey key: [UInt8]) -> String? {
        guard key.last == 0x2E else { return nil }
        var start = key.count - 1
        while start > 0 {
            let byte = key[start - 1]
            if byte == 0x2E || byte == 0x20 || byte == 0x2D || byte == 0x2F { break }
            start -= 1
        }
        return String(decoding: key[start..<(key.count - 1)], as: UTF8.self)
    }
}
