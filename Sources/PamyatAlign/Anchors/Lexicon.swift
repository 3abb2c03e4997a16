import Foundation
import PamyatCore

/// A bilingual word list: each entry is a concept with its word forms in two languages. A word of
/// a sentence that is a form of a concept yields that concept as an anchor on its side; the same
/// concept on both sides of a bead is evidence that the bead is a translation.
///
/// Forms are lowercase; a form ending in `*` is a stem that matches every word starting with it
/// (`феврал*` matches `февраля`, `февраль`). A concept named `#N` is the number N, so that a
/// number word (`two`, `двух`) matches the digit.
public struct Lexicon: Sendable {
    /// One concept's anchor as a word yields it.
    struct Entry: Hashable, Sendable {
        /// The concept's key (`L12`, `#2`, or a learned key).
        var concept: String
        /// Evidence a match brings (a log-likelihood ratio, roughly).
        var weight: Float
        /// What an unmatched occurrence costs.
        var penalty: Float
    }

    /// Forms of one language: exact words and stems.
    struct Side: Sendable {
        var exact: [String: [Entry]] = [:]
        var stems: [String: [Entry]] = [:]
        var longestStem = 0

        mutating func add(_ form: String, _ entry: Entry) {
            if form.hasSuffix("*") {
                let stem = String(form.dropLast())
                stems[stem, default: []].append(entry)
                longestStem = max(longestStem, stem.count)
            } else {
                exact[form, default: []].append(entry)
            }
        }

        /// The entries of a lowercase word: its exact entries and those of its longest matching stem.
        func entries(of word: String) -> [Entry] {
            var found = exact[word] ?? []
            if !stems.isEmpty {
                var prefix = Substring(word.prefix(longestStem))
                while prefix.count >= 2 {
                    if let hit = stems[String(prefix)] {
                        found.append(contentsOf: hit)
                        break
                    }
                    prefix = prefix.dropLast()
                }
            }
            return found
        }

        var isEmpty: Bool { exact.isEmpty && stems.isEmpty }
    }

    /// The language pair this lexicon is for (source = the first column).
    public let languages: LanguagePair
    var source = Side()
    var target = Side()

    /// The number of concepts.
    public private(set) var count = 0

    /// An empty lexicon for `languages`.
    public init(languages: LanguagePair) {
        self.languages = languages
    }

    /// Reads a lexicon in the TSV format of `Lexicon/ru-en.tsv`: `source forms \t target forms \t
    /// weight [\t penalty]`, forms separated by `|`, `#` comment lines and blank lines ignored.
    public init(tsv: String, languages: LanguagePair, name: String) throws(AlignError) {
        self.languages = languages
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3, let weight = Float(fields[2]), !fields[0].isEmpty, !fields[1].isEmpty else {
                throw AlignError(.lexicon, "a lexicon line needs 'source forms<TAB>target forms<TAB>weight[<TAB>penalty]'.", location: "\(name):\(offset + 1)")
            }
            let penalty = fields.count >= 4 ? Float(fields[3]) ?? 0 : 0
            let targetForms = fields[1].split(separator: "|").map { String($0).lowercased() }
            let concept: String
            if let numeric = targetForms.first(where: { $0.hasPrefix("#") }) {
                concept = numeric
            } else {
                concept = "L\(offset + 1)"
            }
            let entry = Entry(concept: concept, weight: weight, penalty: penalty)
            for form in fields[0].split(separator: "|") { source.add(String(form).lowercased(), entry) }
            for form in targetForms where !form.hasPrefix("#") { target.add(form, entry) }
            count += 1
        }
    }

    /// The lexicon shipped with pamyat for `languages` (`ru-en` today, in either direction), or
    /// `nil` when none is shipped for that pair.
    public static func builtIn(for languages: LanguagePair) throws(AlignError) -> Lexicon? {
        let forward = "\(languages.source.language)-\(languages.target.language)"
        let backward = "\(languages.target.language)-\(languages.source.language)"
        for (name, reversed) in [(forward, false), (backward, true)] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicon") else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw AlignError(.lexicon, "the built-in lexicon cannot be read; reinstall pamyat.", location: url.path)
            }
            let stored = reversed ? LanguagePair(source: languages.target, target: languages.source) : languages
            var lexicon = try Lexicon(tsv: text, languages: stored, name: "\(name).tsv")
            if reversed { lexicon = lexicon.reversed() }
            return lexicon
        }
        return nil
    }

    /// The same lexicon with its two languages swapped.
    public func reversed() -> Lexicon {
        var copy = Lexicon(languages: LanguagePair(source: languages.target, target: languages.source))
        copy.source = target
        copy.target = source
        copy.count = count
        return copy
    }

    /// Entries a lowercase word of the source (`isSource`) or target side yields.
    func entries(of word: String, isSource: Bool) -> [Entry] {
        isSource ? source.entries(of: word) : target.entries(of: word)
    }
}
