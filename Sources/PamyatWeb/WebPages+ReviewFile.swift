import Foundation
import Hummingbird
import PamyatCore
import PamyatHTTP
import PamyatService

/// `POST /align/review`: the review file `pamyat add --review FILE` writes (TSV, ``ReviewFile``),
/// uploaded through the align page, shown in the align review's table (a section per document and
/// language pair) and stored by the same script, the rows accepted through `POST /api/v1/add`.
extension WebPages {
    func reviewFile(_ request: Request, context: APIContext) async throws -> Response {
        var view = chrome("Align and review", tab: "align", context: context)
        view["from"] = "ru"
        view["translations"] = [["index": 1, "to": "en", "text": "", "first": true]]
        view["csrf"] = csrfToken(context)
        guard let form = await Self.postedForm(request) else {
            view["error"] = "The review file is over \(Self.maximumForm / 1_048_576) MiB; review a smaller one."
            return templates.page("align", view, status: .contentTooLarge)
        }
        let text = form["review"] ?? ""
        view["review"] = text
        do {
            guard !text.allSatisfy(\.isWhitespace) else { throw WebInputError("The review file is empty; choose it or paste it.") }
            let items = try ReviewFile.parse(text, source: "the review file")
            guard !items.isEmpty else { throw WebInputError("The review file has no rows to review.") }
            let results = Self.review(of: items)
            view["results"] = results
            view["hasResults"] = true
        } catch let error as WebInputError {
            view["error"] = error.message
        } catch let error as ReviewFileError {
            view["error"] = error.description
        }
        return templates.page("align", view, status: view["error"] == nil ? .ok : .unprocessableContent)
    }

    /// The items of a review file as the review table shows them: a section per document and
    /// language pair, in the file's order; a row per item, accepted when its decision is keep and
    /// it has both texts (a sentence still without a partner cannot be stored).
    static func review(of items: [ReviewItem]) -> [[String: Any]] {
        struct Group: Hashable {
            var document: String
            var from: LanguageTag
            var to: LanguageTag
        }
        var order: [Group] = []
        var grouped: [Group: [ReviewItem]] = [:]
        for item in items {
            let group = Group(document: item.documentID, from: item.sourceLanguage, to: item.targetLanguage)
            if grouped[group] == nil { order.append(group) }
            grouped[group, default: []].append(item)
        }
        return order.enumerated().map { index, group in
            let items = grouped[group] ?? []
            var low = 0
            var unpaired = 0
            let rows = items.enumerated().map { number, item -> [String: Any] in
                let isUnpaired = item.source.isEmpty || item.target.isEmpty
                let isLow = !isUnpaired && item.reason == .lowConfidence
                if isUnpaired { unpaired += 1 }
                if isLow { low += 1 }
                return [
                    "n": number + 1, "kind": item.reason.rawValue, "score": isUnpaired ? "—" : String(format: "%.2f", item.score),
                    "source": item.source.isEmpty ? [] : [item.source], "target": item.target.isEmpty ? [] : [item.target],
                    "low": isLow, "unpaired": isUnpaired, "keep": item.keep && !isUnpaired,
                ]
            }
            return [
                "number": index + 1, "from": group.from.description, "to": group.to.description, "rows": rows, "beads": rows.count,
                "low": low, "unpaired": unpaired, "document": group.document, "title": items.first?.title ?? "",
                "date": items.first?.date ?? "",
            ]
        }
    }
}
