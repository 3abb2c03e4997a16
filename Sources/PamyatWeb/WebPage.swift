import Foundation
import HTTPTypes
import Hummingbird
import PamyatHTTP
import PamyatServer

/// The web page of `pamyat serve --http` (docs/HTTP.md, "Web page"): search, concordance, align and
/// review, the memory, and the login form — HTML rendered on the server from mustache templates,
/// answered through the same use cases as the API (``APIHandlers``).
///
/// Pass it to ``PamyatHTTP/HTTPServer``'s `routes`. Every page is a GET that works without
/// JavaScript except the review of an alignment, whose script (`/static/web.js`) stores the
/// accepted beads through `POST /api/v1/add` with the session's CSRF token.
public struct WebPage: HTTPRouteProvider {
    let templates: WebTemplates

    /// Loads the templates; fails when the installation lacks them.
    public init() throws(WebError) {
        templates = try WebTemplates.load()
    }

    public func addRoutes(to table: RouteTable, api: APIHandlers) {
        let pages = WebPages(api: api, templates: templates)
        table.add(.get, "/") { _, _ in Response(status: .seeOther, headers: [.location: "/search"]) }
        table.add(.get, "/search") { request, context in try await pages.search(request, context: context) }
        table.add(.get, "/concordance") { request, context in try await pages.concordance(request, context: context) }
        table.add(.get, "/align") { request, context in try await pages.alignForm(request, context: context) }
        table.add(.post, "/align") { request, context in try await pages.align(request, context: context) }
        table.add(.post, "/align/review") { request, context in try await pages.reviewFile(request, context: context) }
        table.add(.get, "/memory") { request, context in try await pages.memory(request, context: context) }
        table.add(.get, "/login") { request, context in try pages.login(request, context: context) }
    }
}

/// The handlers of the pages.
struct WebPages: Sendable {
    let api: APIHandlers
    let templates: WebTemplates

    /// What every page shows: its title, which tab is open, whether to offer logging out.
    func chrome(_ title: String, tab: String, context: APIContext) -> [String: Any] {
        var view: [String: Any] = ["title": title, "tab_" + tab: true]
        if case .session = context.authentication { view["session"] = true }
        return view
    }

    /// The language pairs the memories hold (`ru-en` …), most units first, from STATS.
    func languagePairs() async throws -> [(source: String, target: String, units: Int)] {
        let stats = try await api.answer(PamyatServer.Request(verb: "STATS"))
        guard let fragment = stats.field("pairs"),
            let pairs = try? JSONDecoder().decode([String: Int].self, from: Data(fragment.bytes))
        else { return [] }
        return pairs.compactMap { key, units -> (String, String, Int)? in
            let parts = key.split(separator: "-", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]), units)
        }.sorted { ($0.2, $1.0 + $1.1) > ($1.2, $0.0 + $0.1) }
    }

    /// The pairs as `<option>`s, `selected` the one chosen; each pair both ways.
    func pairOptions(_ pairs: [(source: String, target: String, units: Int)], selected: String?) -> [[String: Any]] {
        var seen = Set<String>()
        var options: [[String: Any]] = []
        for pair in pairs {
            for (from, to) in [(pair.source, pair.target), (pair.target, pair.source)] where seen.insert("\(from)-\(to)").inserted {
                let value = "\(from)-\(to)"
                options.append(["value": value, "label": "\(from) → \(to)", "selected": value == selected])
            }
        }
        return options
    }

    /// The message of a failure, for a page to show (the API's message, never a stack).
    func message(of error: any Error) -> String {
        api.apiError(error).message
    }
}

/// A form's fields or a URL's query (`a=1&b=x+y`), a name possibly given more than once.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append((Self.decode(pieces[0]), pieces.count > 1 ? Self.decode(pieces[1]) : ""))
        }
    }

    /// The first value of `name`, nil when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value, !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
