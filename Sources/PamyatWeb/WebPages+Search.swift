import Foundation
import Hummingbird
import PamyatHTTP
import PamyatServer

/// `/search` (fuzzy matches with the differences marked) and `/concordance` (units containing a
/// text, the hits marked): GET forms rendered on the server, through LOOKUP and CONCORDANCE.
extension WebPages {
    struct Match: Decodable {
        struct Step: Decodable {
            var op: String
            var query: String?
            var source: String?
        }

        var score: Int
        var source: String
        var target: String
        var storedTarget: String?
        var memory: String
        var document: String?
        var date: String?
        var flags: [String]
        var diff: [Step]?
    }

    func search(_ request: Request, context: APIContext) async throws -> Response {
        var (form, view, asked) = try await searchForm(request, title: "Search", tab: "search", context: context)
        view["min"] = form["min"] ?? "50"
        guard let asked else { return templates.page("search", view) }
        let (query, from, to) = asked
        do {
            let response = try await api.answer(PamyatServer.Request(
                verb: "LOOKUP", arguments: [from, to, query], options: ["min": form["min"] ?? "50", "limit": "10"]))
            let matches = try Self.decode([Match].self, field: "matches", of: response)
            view["matches"] = matches.map { Self.view(of: $0) }
            view["searched"] = true
            view["count"] = matches.count
        } catch {
            view["error"] = message(of: error)
        }
        return templates.page("search", view)
    }

    /// The form of the search and concordance pages: the page's chrome with the language pairs (the
    /// chosen one, else the first, selected) and the text asked; that text and pair once both are given.
    private func searchForm(
        _ request: Request, title: String, tab: String, context: APIContext
    ) async throws -> (form: FormFields, view: [String: Any], asked: (query: String, from: String, to: String)?) {
        let form = FormFields(request.uri.query)
        var view = chrome(title, tab: tab, context: context)
        let pairs = try await languagePairs()
        let chosen = form["pair"] ?? pairs.first.map { "\($0.source)-\($0.target)" }
        view["pairs"] = pairOptions(pairs, selected: chosen)
        view["q"] = form["q"] ?? ""
        view["noPairs"] = pairs.isEmpty
        guard let query = form["q"], let chosen else { return (form, view, nil) }
        let (from, to) = Self.split(pair: chosen)
        view["from"] = from
        view["to"] = to
        return (form, view, (query, from, to))
    }

    /// The protocol response's member `field` (an empty list when absent) decoded as `type`.
    static func decode<T: Decodable>(_ type: T.Type, field: String, of response: PamyatServer.Response) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.field(field)?.bytes ?? Array("[]".utf8)))
    }

    static func split(pair: String) -> (String, String) {
        let parts = pair.split(separator: "-", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }

    /// A match for the template: the stored source as pieces marked kept, deleted (in the stored
    /// source only), inserted (in the query only) or replaced (the stored words, then the query's).
    static func view(of match: Match) -> [String: Any] {
        var pieces: [[String: Any]] = []
        for step in match.diff ?? [] {
            switch step.op {
            case "kept": pieces.append(["text": step.source ?? step.query ?? "", "kept": true])
            case "deleted": pieces.append(["text": step.source ?? "", "deleted": true])
            case "inserted": pieces.append(["text": step.query ?? "", "inserted": true])
            default:
                pieces.append(["text": step.source ?? "", "deleted": true, "replaced": true])
                pieces.append(["text": step.query ?? "", "inserted": true, "replaced": true])
            }
        }
        if pieces.isEmpty { pieces = [["text": match.source, "kept": true]] }
        return [
            "score": match.score, "exact": match.score >= 100, "pieces": pieces, "source": match.source, "target": match.target,
            "storedTarget": match.storedTarget ?? "", "adapted": match.storedTarget != nil, "memory": match.memory,
            "document": match.document ?? "", "date": match.date ?? "", "flags": match.flags.isEmpty ? false : match.flags.joined(separator: ", ") as Any,
        ]
    }

    struct Hit: Decodable {
        struct Translation: Decodable {
            var language: String
            var text: String
        }

        var text: String
        var language: String
        var highlights: [[Int]]
        var translations: [Translation]
        var memory: String
        var document: String?
        var date: String?
    }

    func concordance(_ request: Request, context: APIContext) async throws -> Response {
        var (_, view, asked) = try await searchForm(request, title: "Concordance", tab: "concordance", context: context)
        guard let asked else { return templates.page("concordance", view) }
        let (query, from, to) = asked
        do {
            let response = try await api.answer(PamyatServer.Request(
                verb: "CONCORDANCE", arguments: [from, query], options: ["to": to, "limit": "50"]))
            let hits = try Self.decode([Hit].self, field: "hits", of: response)
            view["hits"] = hits.map { hit -> [String: Any] in
                [
                    "pieces": Self.marked(hit.text, ranges: hit.highlights.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }),
                    "language": hit.language, "memory": hit.memory, "document": hit.document ?? "", "date": hit.date ?? "",
                    "translations": hit.translations.map { translation -> [String: Any] in
                        ["language": translation.language, "pieces": Self.marked(translation.text, ranges: Self.occurrences(of: query, in: translation.text))]
                    },
                ]
            }
            view["searched"] = true
            view["count"] = hits.count
        } catch {
            view["error"] = message(of: error)
        }
        return templates.page("concordance", view)
    }

    /// `text` cut into pieces, those inside `ranges` (`[start, end)` in Unicode scalars) marked.
    static func marked(_ text: String, ranges: [(Int, Int)]) -> [[String: Any]] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [[String: Any]] = []
        var position = 0
        func piece(_ from: Int, _ to: Int, hit: Bool) {
            guard from < to else { return }
            var part = String.UnicodeScalarView()
            part.append(contentsOf: scalars[from..<to])
            pieces.append(["text": String(part), "hit": hit])
        }
        for (start, end) in ranges.sorted(by: { $0.0 < $1.0 }) {
            let start = min(max(start, position), scalars.count)
            let end = min(max(end, start), scalars.count)
            piece(position, start, hit: false)
            piece(start, end, hit: true)
            position = end
        }
        piece(position, scalars.count, hit: false)
        return pieces
    }

    /// Where `query` occurs in `text`, ignoring case (names, numbers, acronyms a translation keeps),
    /// as `[start, end)` in Unicode scalars.
    static func occurrences(of query: String, in text: String) -> [(Int, Int)] {
        let needle = query.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return [] }
        var ranges: [(Int, Int)] = []
        var searchStart = text.startIndex
        while let found = text.range(of: needle, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.lowerBound)
            let end = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.upperBound)
            ranges.append((start, end))
            searchStart = found.upperBound
        }
        return ranges
    }
}
