import Foundation
import Hummingbird
import PamyatServer

/// The API of translate-toolkit's tmserver and amaGama, which Weblate's "tmserver" machinery and
/// Virtaal speak: `GET /tmserver/languages/` and `GET /tmserver/{src}/{tgt}/unit/{text}`.
///
/// Language codes are lower-case with `_` (`pt_br` is pamyat's `pt-BR`). A unit lookup is the
/// protocol's LOOKUP (`min_similarity` its `min`, default 70; `max_candidates` its `limit`, default
/// 5), answered as `[{"source","target","quality","rank"}]`, best first: `quality` the score as a
/// whole number 0–100 (a context match's 101 counts as 100), `rank` the position from 1.
struct TMServerRoutes {
    let api: APIHandlers

    /// The longest text a unit lookup takes, in characters (as tmserver clients cut it).
    static let maximumText = 500

    func add(to table: RouteTable) {
        table.add(.get, "/tmserver/languages/") { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [], route: "/tmserver/languages/")
            let hello = try await api.answer(PamyatServer.Request(verb: "HELLO"))
            let languages = try JSON.decoder.decode([String].self, from: Data(hello.field("languages")?.bytes ?? Array("[]".utf8)))
            let codes = languages.map(Self.code)
            return try JSON.response(encoding: ["sourceLanguages": codes, "targetLanguages": codes])
        }
        table.add(.get, "/tmserver/:source/:target/unit/**") { request, context in
            let query = try QueryParameters(request.uri.query, allowed: ["min_similarity", "max_candidates"], route: "/tmserver/…/unit/")
            let source = Self.tag(context.parameters.get("source") ?? "")
            let target = Self.tag(context.parameters.get("target") ?? "")
            let raw = context.parameters.getCatchAll().joined(separator: "/")
            guard let text = raw.removingPercentEncoding else {
                throw APIError(ServerError(.badRequest, "The text is not percent-encoded UTF-8; encode it as tmserver clients do."))
            }
            guard text.count <= Self.maximumText else {
                throw APIError(ServerError(.badRequest, "The text is \(text.count) characters long; the most is \(Self.maximumText)."))
            }
            var options: [String: String] = [:]
            options["min"] = try query["min_similarity"].map { try Self.wholeNumber($0, name: "min_similarity") }
            options["limit"] = try query["max_candidates"].map { try Self.wholeNumber($0, name: "max_candidates") }
            let response = try await api.answer(PamyatServer.Request(verb: "LOOKUP", arguments: [source, target, text], options: options))
            let matches = try JSON.decoder.decode([Match].self, from: Data(response.field("matches")?.bytes ?? Array("[]".utf8)))
            let units = matches.enumerated().map { index, match in
                Unit(source: match.source, target: match.target, quality: min(match.score, 100), rank: index + 1)
            }
            return try JSON.response(encoding: units)
        }
    }

    private struct Match: Decodable {
        var source: String
        var target: String
        var score: Int
    }

    struct Unit: Codable, Equatable {
        var source: String
        var target: String
        var quality: Int
        var rank: Int
    }

    /// pamyat's tag as tmserver writes it: `pt-BR` → `pt_br`.
    static func code(_ tag: String) -> String { tag.replacingOccurrences(of: "-", with: "_").lowercased() }

    /// A tmserver code as a tag for the protocol (which canonicalises case): `pt_br` → `pt-br`.
    static func tag(_ code: String) -> String { code.replacingOccurrences(of: "_", with: "-") }

    /// A float such as amaGama accepts (`75.0`) as a whole number.
    private static func wholeNumber(_ text: String, name: String) throws -> String {
        guard let value = Double(text), value.isFinite else {
            throw APIError(ServerError(.badRequest, "The parameter \(name)=\(text.prefix(40)) is not a number."))
        }
        return String(Int(value.rounded()))
    }
}
