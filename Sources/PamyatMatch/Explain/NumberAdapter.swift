import PamyatCore
import PamyatText

/// Number placeables: when a query differs from a stored source only in numbers, the stored
/// translation with the same numbers replaced is the right translation of the query
/// (`13 февраля 2023 г.` → `13 February 2023` becomes, for `14 февраля 2023 г.`, `14 February 2023`).
///
/// Owns an ICU tokenizer for the target language: one per task.
public final class NumberAdapter {
    private let tokenizer: WordTokenizer

    public init(targetLanguage: LanguageTag) throws {
        do { tokenizer = try WordTokenizer(language: LanguageTag(canonical: targetLanguage.language)) } catch {
            throw MatchError(.tokenizer, "ICU cannot cut '\(targetLanguage)' text into words: \(error)")
        }
    }

    /// `target` with each changed number replaced, or `nil` when that cannot be done safely: a
    /// source number changed into two different numbers, or a changed number the target does not
    /// hold (neither as written nor with other separators, `3,5` ↔ `3.5`).
    public func adapt(target: String, changes: [NumberChange]) -> String? {
        guard !changes.isEmpty else { return nil }
        var replacements: [String: String] = [:]
        for change in changes {
            if let earlier = replacements[change.source], earlier != change.query { return nil }
            replacements[change.source] = change.query
        }
        let text = tokenizer.tokenize(target)
        var output = [UInt8]()
        output.reserveCapacity(text.bytes.count + 8)
        var found = Set<String>()
        var position = 0
        for token in text.tokens where token.kind == .number {
            let surface = text.surface(of: token)
            var replacement: String? = nil
            if let query = replacements[surface] {
                replacement = query
                found.insert(surface)
            } else {
                for (source, query) in replacements where Self.digitRuns(source) == Self.digitRuns(surface) {
                    if let formatted = Self.reformat(query, like: surface) {
                        replacement = formatted
                        found.insert(source)
                        break
                    }
                }
            }
            guard let replacement else { continue }
            output.append(contentsOf: text.bytes[position..<token.start])
            output.append(contentsOf: replacement.utf8)
            position = token.end
        }
        guard found.count == replacements.count else { return nil }
        output.append(contentsOf: text.bytes[position...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The runs of digits in a number: `3,5` and `3.5` both give `["3", "5"]`.
    static func digitRuns(_ number: String) -> [Substring] {
        number.split(whereSeparator: { !$0.isNumber })
    }

    /// `number`'s digit runs written with `pattern`'s separators (`4,2` like `3.5` → `4.2`), when
    /// both have as many runs.
    static func reformat(_ number: String, like pattern: String) -> String? {
        let runs = digitRuns(number)
        guard runs.count == digitRuns(pattern).count else { return nil }
        var result = ""
        var runIndex = 0
        var inRun = false
        for character in pattern {
            if character.isNumber {
                if !inRun {
                    result += runs[runIndex]
                    runIndex += 1
                    inRun = true
                }
            } else {
                inRun = false
                result.append(character)
            }
        }
        return result
    }
}
