import PamyatCore
import PamyatText

/// A request's arguments and options checked against its verb, with typed accessors that throw
/// protocol errors naming the argument.
struct VerbArguments {
    let verb: Verb
    let positional: [String]
    let options: [String: String]

    init(_ request: Request, verb: Verb) throws(ServerError) {
        guard request.arguments.count == verb.arguments.count else {
            let got = request.arguments.count
            throw ServerError(
                .badRequest,
                "\(verb.rawValue) takes \(verb.arguments.count) argument\(verb.arguments.count == 1 ? "" : "s"), got \(got); usage: \(verb.usage). Quote text with spaces as a JSON string.")
        }
        for name in request.options.keys.sorted() where !verb.options.contains(name) {
            let known = verb.options.isEmpty ? "it takes no options" : "its options are \(verb.options.sorted().joined(separator: ", "))"
            throw ServerError(.badRequest, "\(verb.rawValue) has no option '\(TextExcerpt.short(name, limit: 40))'; \(known).")
        }
        self.verb = verb
        positional = request.arguments
        options = request.options
    }

    /// The positional argument at `index` as a language tag.
    func language(_ index: Int) throws(ServerError) -> LanguageTag {
        try Self.parseLanguage(positional[index], what: verb.arguments[index])
    }

    /// The option `name` as a language tag, if given.
    func optionalLanguage(_ name: String) throws(ServerError) -> LanguageTag? {
        guard let value = options[name] else { return nil }
        return try Self.parseLanguage(value, what: name)
    }

    /// The positional argument at `index` as text that must not be empty.
    func text(_ index: Int) throws(ServerError) -> String {
        let value = positional[index]
        guard !value.allSatisfy(\.isWhitespace) else {
            throw ServerError(.badRequest, "\(verb.rawValue)'s \(verb.arguments[index]) is empty; give some text.")
        }
        return value
    }

    /// The option `name` as a non-empty word (a memory name, a document id) of at most
    /// `maximumBytes` UTF-8 bytes, if given.
    func name(_ name: String, maximumBytes: Int? = nil) throws(ServerError) -> String? {
        guard let value = options[name] else { return nil }
        guard !value.isEmpty else { throw ServerError(.badRequest, "The option \(name)= is empty; give a value.") }
        if let maximumBytes, value.utf8.count > maximumBytes {
            throw ServerError(
                .badRequest,
                "The option \(name)= is \(value.utf8.count) bytes long ('\(TextExcerpt.short(value, limit: 40))'); the most is \(maximumBytes).")
        }
        return value
    }

    /// The option `name` as an integer in `range`, or `defaultValue`.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(ServerError) -> Int {
        guard let text = options[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw ServerError(
                .badRequest, "The option \(name)=\(TextExcerpt.short(text, limit: 40)) is not a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    private static func parseLanguage(_ text: String, what: String) throws(ServerError) -> LanguageTag {
        do {
            return try LanguageTag.parse(text)
        } catch {
            throw ServerError(.badLanguage, "\(what): \(error.message)")
        }
    }
}
