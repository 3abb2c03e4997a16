import Foundation
import Hummingbird
import PamyatServer
import PamyatService

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
            let raw = Self.encodedText(path: request.uri.path) ?? Substring(context.parameters.getCatchAll().joined(separator: "/"))
            guard let text = PercentDecoding.decode(raw, plusIsSpace: false) else {
                throw APIError(ServerError(.badRequest, "The text is not percent-encoded UTF-8; encode it as tmserver clients do."))
            }
            guard text.count <= Self.maximumText else {
                throw APIError(ServerError(.badRequest, "The text is \(text.count) characters long; the most is \(Self.maximumText)."))
            }
            var options: [String: String] = [:]
            options["min"] = try query["min_similarity"].map { try Self.wholeNumber($0, name: "min_similarity") }
            options["limit"] = try query["max_candidates"].map { try Self.wholeNumber($0, name: "max_candidates") }
            let matches = try await api.lookupMatches(PamyatServer.Request(verb: "LOOKUP", arguments: [source, target, text], options: options))
            return JSON.response(Self.units(matches))
        }
    }

    /// The text of a unit lookup as sent, still percent-encoded: what follows
    /// `/tmserver/{src}/{tgt}/unit/` in `path`; nil for a path of another shape.
    ///
    /// Cut from the path's UTF-8 rather than taken from the router's catch-all parameter, which
    /// splits the text at each `/` by characters (grapheme breaking) to be joined again: 8 % of
    /// the server's CPU per tmserver lookup (perf under tools/http-bench.sh).
    static func encodedText(path: String) -> Substring? {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1].elementsEqual("tmserver".utf8), parts[4].elementsEqual("unit".utf8) else {
            return nil
        }
        return Substring(parts[5])
    }

    /// `[{"quality":…,"rank":…,"source":…,"target":…},…]`: the matches as tmserver answers, best
    /// first. Written by hand, as the protocol's matches are (`JSONFragment.matches`), in the bytes
    /// `JSONEncoder` with sorted keys writes for ``Unit``s (TMServerTests compares the two).
    static func units(_ matches: [LookupMatch]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(matches.reduce(2) { $0 + $1.source.utf8.count + $1.target.utf8.count + 64 })
        for (index, match) in matches.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #"{"quality":"#.utf8)
            bytes.append(contentsOf: String(min(match.score, 100)).utf8)
            bytes.append(contentsOf: #","rank":"#.utf8)
            bytes.append(contentsOf: String(index + 1).utf8)
            bytes.append(contentsOf: #","source":"#.utf8)
            JSON.appendString(match.source, to: &bytes)
            bytes.append(contentsOf: #","target":"#.utf8)
            JSON.appendString(match.target, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    struct Unit: Codable, Equatable {
        var source: String
        var target: String
        var quality: Int
        var rank: Int
    }

    /// pamyat's tag as tmserver writes it: `pt-BR` → `pt_br`.
    static func code(_ tag: String) -> String { String(tag.lowercased().map { $0 == "-" ? "_" : $0 }) }

    /// A tmserver code as a tag for the protocol (which canonicalises case): `pt_br` → `pt-br`.
    static func tag(_ code: String) -> String { String(code.map { $0 == "_" ? "-" : $0 }) }

    /// A float such as amaGama accepts (`75.0`) as a whole number.
    private static func wholeNumber(_ text: String, name: String) throws -> String {
        guard let value = Double(text), value.isFinite else {
            throw APIError(ServerError(.badRequest, "The parameter \(name)=\(text.prefix(40)) is not a number."))
        }
        return String(Int(value.rounded()))
    }
}
