import Foundation
import Hummingbird
import PamyatAlign
import PamyatCore
import PamyatHTTP
import PamyatServer
import PamyatService
import PamyatText

/// `/align`: an original and one or more translations (pasted, or read from files by the page's
/// script) → the beads of each in a table to review; the accepted ones are stored by the script
/// through `POST /api/v1/add`. Aligning stores nothing.
extension WebPages {
    /// The largest form accepted (documents pasted into it).
    static let maximumForm = 16 * 1_048_576

    func alignForm(_ request: Request, context: APIContext) async throws -> Response {
        var view = chrome("Align and review", tab: "align", context: context)
        view["from"] = "ru"
        view["translations"] = [["index": 1, "to": "en", "text": "", "first": true]]
        view["csrf"] = csrfToken(context)
        return templates.page("align", view)
    }

    func csrfToken(_ context: APIContext) -> String {
        if case .session(let token) = context.authentication { return token }
        return ""
    }

    /// The form posted with `request`, read whole; nil when it is over ``maximumForm``.
    static func postedForm(_ request: Request) async -> FormFields? {
        var request = request
        guard let bytes = try? await request.collectBody(upTo: maximumForm) else { return nil }
        return FormFields(String(decoding: bytes.readableBytesView, as: UTF8.self))
    }

    func align(_ request: Request, context: APIContext) async throws -> Response {
        var view = chrome("Align and review", tab: "align", context: context)
        view["csrf"] = csrfToken(context)
        guard let form = await Self.postedForm(request) else {
            view["error"] = "The documents are over \(Self.maximumForm / 1_048_576) MiB together; align smaller ones."
            return templates.page("align", view, status: .contentTooLarge)
        }
        let from = form["from"] ?? "ru"
        let original = form.all("original").first ?? ""
        let texts = form.all("translation")
        let targets = form.all("to")
        let input = form["input"]
        let force = form["force"] != nil
        view["from"] = from
        view["original"] = original
        view["input_" + (input ?? "guess")] = true
        view["force"] = force
        for name in ["document", "title", "date"] { view[name] = form[name] ?? "" }
        var translations: [[String: Any]] = []
        for (index, text) in texts.enumerated() {
            translations.append(["index": index + 1, "to": index < targets.count ? targets[index] : "", "text": text, "first": index == 0])
        }
        if translations.isEmpty { translations = [["index": 1, "to": "en", "text": "", "first": true]] }
        view["translations"] = translations

        var results: [[String: Any]] = []
        do {
            let source = try Self.language(from, what: "the original's language")
            guard !original.allSatisfy(\.isWhitespace) else { throw WebInputError("The original is empty; paste it or choose its file.") }
            let format: DocumentFormat? = switch input { case "text": .text; case "html": .html; default: nil }
            let store = api.memories.memories[0].store
            for (index, text) in texts.enumerated() where !text.allSatisfy(\.isWhitespace) {
                let target = try Self.language(index < targets.count ? targets[index] : "", what: "translation \(index + 1)'s language")
                guard source != target else {
                    throw WebInputError("Translation \(index + 1) is in \(target), the original's language; give its own language.")
                }
                let pair = LanguagePair(source: source, target: target)
                let alignment = try await api.blocking {
                    let loadedOriginal = try ServiceBackend.loaded(original, name: "the original", language: source, format: format)
                    let loadedTranslation = try ServiceBackend.loaded(text, name: "translation \(index + 1)", language: target, format: format)
                    let learned = try LearnedLexicon.learn(from: store, languages: pair)
                    return try DocumentAligner(languages: pair, learned: learned).align(
                        original: loadedOriginal, translation: loadedTranslation, force: force)
                }
                results.append(Self.review(of: alignment, number: index + 1))
            }
            if results.isEmpty { throw WebInputError("Every translation is empty; paste one or choose its file.") }
        } catch let error as WebInputError {
            view["error"] = error.message
        } catch {
            view["error"] = message(of: error)
        }
        view["results"] = results
        view["hasResults"] = !results.isEmpty
        return templates.page("align", view, status: view["error"] == nil ? .ok : .unprocessableContent)
    }

    /// The beads of `alignment` in document order, as the review table shows them: a bead under
    /// the add's minimum confidence is marked low, a sentence without a partner unpaired; both
    /// start rejected, the others accepted.
    static func review(of alignment: Alignment, number: Int) -> [String: Any] {
        let minimum = DocumentAdder.defaultMinimumConfidence
        var rows: [[String: Any]] = []
        var low = 0
        var unpaired = 0
        for bead in alignment.beads {
            let isUnpaired = bead.isOmission
            let isLow = !isUnpaired && bead.confidence < minimum
            if isUnpaired { unpaired += bead.source.count + bead.target.count }
            if isLow { low += 1 }
            rows.append([
                "n": rows.count + 1, "kind": bead.kind, "score": isUnpaired ? "—" : String(format: "%.2f", bead.confidence),
                "source": bead.source.map { alignment.sourceSentences[$0] }, "target": bead.target.map { alignment.targetSentences[$0] },
                "low": isLow, "unpaired": isUnpaired, "keep": !isLow && !isUnpaired,
            ])
        }
        return [
            "number": number, "from": alignment.languages.source.description, "to": alignment.languages.target.description,
            "rows": rows, "beads": rows.count, "low": low, "unpaired": unpaired,
        ]
    }

    static func language(_ text: String, what: String) throws -> LanguageTag {
        do {
            return try LanguageTag.parse(text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw WebInputError("\(what): \(error.message)")
        }
    }
}

/// A form the page cannot use, with the sentence to show.
struct WebInputError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
