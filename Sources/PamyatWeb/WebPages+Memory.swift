import Foundation
import Hummingbird
import PamyatCore
import PamyatHTTP
import PamyatServer

/// `/memory`: each served memory's units per language pair (with a TMX download of each pair) and
/// its documents with their units (and a TMX download of each); `/login`: the form of `POST /login`.
extension WebPages {
    func memory(_ request: Request, context: APIContext) async throws -> Response {
        var view = chrome("Memory", tab: "memory", context: context)
        let memories = api.memories.memories
        let read = try await api.blocking {
            try memories.map { memory -> (String, MemoryStats, [DocumentRecord], [String: Int]) in
                var documents: [DocumentRecord] = []
                try memory.store.forEachDocument { documents.append($0) }
                documents.sort { ($0.date ?? "", $0.id) > ($1.date ?? "", $1.id) }
                return (memory.name, try memory.store.stats(), documents, try memory.store.unitCountsByDocument())
            }
        }
        view["memories"] = read.map { name, stats, documents, unitCounts -> [String: Any] in
                return [
                    "name": name, "units": stats.units, "documentCount": stats.documents,
                    "pairs": stats.pairs.sorted { $0.key < $1.key }.map { key, units -> [String: Any] in
                        let (from, to) = Self.split(pair: key)
                        return ["pair": key, "units": units, "export": Self.exportLink(memory: name, from: from, to: to)]
                    },
                    "hasDocuments": !documents.isEmpty,
                    "exportAll": Self.exportLink(memory: name, from: nil, to: nil),
                    "documents": documents.map { document -> [String: Any] in
                        [
                            "id": document.id, "sourceLanguage": document.sourceLanguage.description, "title": document.title ?? "", "date": document.date ?? "",
                            "languages": document.languages.map(\.description).joined(separator: ", "),
                            "units": unitCounts[document.id] ?? 0,
                            "export": Self.exportLink(memory: name, from: nil, to: nil, document: document.id),
                        ]
                    },
                ]
        }
        return templates.page("memory", view)
    }

    static func exportLink(memory: String, from: String?, to: String?, document: String? = nil) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        var query = ["memory=" + (memory.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")]
        if let from, let to { query += ["from=\(from)", "to=\(to)"] }
        if let document { query.append("doc=" + (document.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")) }
        return "/api/v1/export?" + query.joined(separator: "&")
    }

    func login(_ request: Request, context: APIContext) throws -> Response {
        let form = FormFields(request.uri.query)
        var view = chrome("Log in", tab: "login", context: context)
        let next = form["next"] ?? "/search"
        view["next"] = next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/search"
        view["authRequired"] = api.configuration.token != nil
        return templates.page("login", view)
    }
}
