import Foundation

extension SegmentationRules {
    /// The languages that have a rule file (`Rules/<language>.rules`), sorted.
    static var availableLanguages: [String] {
        guard let directory = rulesDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".rules") && !$0.hasPrefix("_") }
            .map { String($0.dropLast(".rules".count)) }
            .sorted()
    }

    /// The rules for a primary language subtag (`ru`), loaded once per process and then shared.
    static func forLanguage(_ language: String) throws(TextError) -> SegmentationRules {
        if let cached = cache.rules(for: language) { return cached }
        guard let url = fileURL(named: language) else {
            let known = availableLanguages.joined(separator: ", ")
            throw TextError(.unknownLanguage, "pamyat has no sentence-segmentation rules for '\(language)'; languages with rules: \(known).")
        }
        var rules = SegmentationRules(language: language, icuLocale: language)
        try rules.load(url: url, file: "\(language).rules", depth: 0)
        cache.store(rules, for: language)
        return rules
    }

    /// Reads a rule file into these rules (entries add up; `[include]` reads other files first).
    mutating func load(url: URL, file: String, depth: Int) throws(TextError) {
        guard depth < 4 else {
            throw TextError(.rules, "rule file \(file): [include] nests too deep (a cycle?).")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TextError(.rules, "rule file \(file) cannot be read: \(error.localizedDescription)")
        }
        try parse(text, file: file, depth: depth)
    }

    /// Parses the text of a rule file (format in docs/SEGMENTATION.md).
    mutating func parse(_ text: String, file: String, depth: Int = 0) throws(TextError) {
        var section: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            line = line.drop(while: \.isWhitespace)
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast())
                guard Self.sections.contains(name) else {
                    throw TextError(.rules, "rule file \(file), line \(index + 1): unknown section [\(name)]; known: \(Self.sections.sorted().joined(separator: ", ")).")
                }
                section = name
                continue
            }
            guard let section else {
                throw TextError(.rules, "rule file \(file), line \(index + 1): an entry before any [section].")
            }
            for part in line.split(separator: ",") {
                let entry = part.trimmingCharacters(in: .whitespaces)
                if entry.isEmpty { continue }
                try add(entry, section: section, file: file, line: index + 1, depth: depth)
            }
        }
    }

    private mutating func add(_ entry: String, section: String, file: String, line: Int, depth: Int) throws(TextError) {
        switch section {
        case "icu-locale": icuLocale = entry
        case "options":
            switch entry {
            case "semicolon-ends-sentence": semicolonEndsSentence = true
            case "chat-lowercase-starts": chatLowercaseStarts = true
            default:
                throw TextError(.rules, "rule file \(file), line \(line): unknown option '\(entry)'; known: semicolon-ends-sentence, chat-lowercase-starts.")
            }
        case "include":
            guard let url = Self.fileURL(named: entry) else {
                throw TextError(.rules, "rule file \(file), line \(line): [include] names '\(entry)', which has no file \(entry).rules.")
            }
            try load(url: url, file: "\(entry).rules", depth: depth + 1)
        case "starters": addStarter(entry)
        case "clause-openers": clauseOpeners.insert(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "date-words": dateWords.insert(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "surname-endings": surnameEndings.append(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "prepositions": prepositions.insert(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "continuations": continuations.insert(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "letter-labels": addLetterLabel(entry)
        case "passive-participle-endings": passiveParticipleEndings.append(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "instrumental-endings": instrumentalEndings.append(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "address-words": addressWords.insert(UTF8Text.lowercased(Array(entry.utf8)[...]))
        case "verb-endings": verbEndings.append(UTF8Text.lowercased(Array(entry.utf8)[...]))
        default:
            guard let behaviour = Self.behaviours[section] else { return }
            addAbbreviation(entry, behaviour)
        }
    }

    /// Section names that list abbreviations, and the behaviour each gives.
    static let behaviours: [String: Behaviour] = [
        "never-ends": .neverEnds,
        "ends-before-capital": .endsBeforeCapital,
        "ends-before-starter": .endsBeforeStarter,
        "before-number": .beforeNumber,
        "dates-after-number": .dateAfterNumber,
        "units-after-number": .unitAfterNumber,
        "initials": .initial,
    ]

    static let sections: Set<String> = Set(behaviours.keys).union([
        "icu-locale", "include", "options", "starters", "clause-openers", "date-words", "prepositions", "continuations", "surname-endings",
        "letter-labels", "passive-participle-endings", "instrumental-endings", "address-words", "verb-endings",
    ])

    private static var rulesDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Rules", isDirectory: true)
    }

    private static func fileURL(named name: String) -> URL? {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
            let url = rulesDirectory?.appendingPathComponent("\(name).rules"),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    private static let cache = RulesCache()
}

/// Parsed rules by language, so that each file is read once per process.
///
/// `@unchecked Sendable`: `rulesByLanguage` is only touched while holding `lock`.
private final class RulesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rulesByLanguage: [String: SegmentationRules] = [:]

    func rules(for language: String) -> SegmentationRules? {
        lock.withLock { rulesByLanguage[language] }
    }

    func store(_ rules: SegmentationRules, for language: String) {
        lock.withLock { rulesByLanguage[language] = rules }
    }
}
