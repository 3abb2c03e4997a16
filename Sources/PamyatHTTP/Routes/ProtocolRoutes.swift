import Foundation
import Hummingbird
import NIOCore
import PamyatServer

/// The routes that answer what a protocol verb answers, through the protocol's dispatcher: the same
/// checks, answers and error codes (docs/PROTOCOL.md), as JSON objects without `ok`.
struct ProtocolRoutes {
    let api: APIHandlers

    func add(to table: RouteTable) {
        table.add(.get, "/api/v1/hello") { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [], route: "/api/v1/hello")
            return try await api.respond(PamyatServer.Request(verb: "HELLO"))
        }
        table.add(.get, "/api/v1/stats") { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [], route: "/api/v1/stats")
            return try await api.respond(PamyatServer.Request(verb: "STATS"))
        }
        table.add(.get, "/api/v1/lookup") { request, _ in
            let route = "/api/v1/lookup"
            let query = try QueryParameters(request.uri.query, allowed: Self.lookupParameters, route: route)
            var options: [String: String] = [:]
            options["min"] = query["min"]
            options["limit"] = query["limit"]
            options["memory"] = query["memory"]
            options["prev"] = query["previous"]
            options["similar"] = query["similar"]
            return try await api.respond(PamyatServer.Request(
                verb: "LOOKUP",
                arguments: [try query.required("from", route: route), try query.required("to", route: route), try query.required("q", route: route)],
                options: options))
        }
        table.add(.post, "/api/v1/lookup") { request, _ in try await batchLookup(request) }
        table.add(.get, "/api/v1/concordance") { request, _ in
            let route = "/api/v1/concordance"
            let query = try QueryParameters(request.uri.query, allowed: ["q", "lang", "to", "limit", "memory"], route: route)
            var options: [String: String] = [:]
            for name in ["to", "limit", "memory"] { options[name] = query[name] }
            return try await api.respond(PamyatServer.Request(
                verb: "CONCORDANCE", arguments: [try query.required("lang", route: route), try query.required("q", route: route)],
                options: options))
        }
        table.add(.post, "/api/v1/segment") { request, _ in
            let body = try await api.decodeBody(SegmentBody.self, of: request)
            return try await api.respond(PamyatServer.Request(verb: "SEGMENT", arguments: [body.lang, body.text]))
        }
        table.add(.post, "/api/v1/analyze") { request, _ in
            let body = try await api.decodeBody(DocumentBody.self, of: request)
            var options: [String: String] = [:]
            options["bands"] = body.bands
            options["input"] = body.input
            options["memory"] = body.memory
            return try await api.respond(PamyatServer.Request(verb: "ANALYZE", arguments: [body.from, body.to, body.document], options: options))
        }
        table.add(.post, "/api/v1/pretranslate") { request, _ in try await pretranslate(request) }
    }

    static let lookupParameters: Set<String> = ["q", "from", "to", "min", "limit", "memory", "previous", "similar"]

    struct SegmentBody: Decodable {
        var lang: String
        var text: String
    }

    /// A document for ANALYZE or PRETRANSLATE, with their options.
    struct DocumentBody: Decodable {
        var from: String
        var to: String
        var document: String
        var bands: String?
        var input: String?
        var memory: String?
        var min: Int?
        var format: String?
    }

    /// PRETRANSLATE's document as the body itself: XLIFF (`application/xliff+xml`) or the draft (`text/plain`).
    private func pretranslate(_ request: Request) async throws -> Response {
        let body = try await api.decodeBody(DocumentBody.self, of: request)
        var options: [String: String] = [:]
        options["min"] = body.min.map(String.init)
        options["format"] = body.format
        options["input"] = body.input
        options["memory"] = body.memory
        let response = try await api.answer(PamyatServer.Request(
            verb: "PRETRANSLATE", arguments: [body.from, body.to, body.document], options: options))
        guard let fragment = response.field("document") else { throw APIError(ServerError(.internal, "PRETRANSLATE answered no document.")) }
        let document = try JSON.decoder.decode(String.self, from: Data(fragment.bytes))
        let type = switch body.format {
        case "text": "text/plain; charset=utf-8"
        case "tmx": "application/x-tmx+xml; charset=utf-8"
        default: "application/xliff+xml; charset=utf-8"
        }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    /// Several lookups in one request, with the languages and options they share; the answers in
    /// the order of the queries. A query the protocol refuses fails the whole request, naming it.
    struct BatchBody: Decodable {
        struct Query: Decodable {
            var q: String
            var previous: String?
        }

        var from: String
        var to: String
        var min: Int?
        var limit: Int?
        var memory: String?
        var similar: Bool?
        var queries: [Query]
    }

    static let maximumBatch = 1_000

    private func batchLookup(_ request: Request) async throws -> Response {
        let body = try await api.decodeBody(BatchBody.self, of: request)
        guard !body.queries.isEmpty, body.queries.count <= Self.maximumBatch else {
            throw APIError(ServerError(.badRequest, "queries has \(body.queries.count) entries; give 1 to \(Self.maximumBatch)."))
        }
        var options: [String: String] = [:]
        options["min"] = body.min.map(String.init)
        options["limit"] = body.limit.map(String.init)
        options["memory"] = body.memory
        if body.similar == true { options["similar"] = "1" }
        var buffer = ByteBufferAllocator().buffer(capacity: 64 * body.queries.count + 16)
        buffer.writeString(#"{"results":["#)
        for (index, query) in body.queries.enumerated() {
            var queryOptions = options
            queryOptions["prev"] = query.previous
            let response: PamyatServer.Response
            do {
                response = try await api.answer(PamyatServer.Request(verb: "LOOKUP", arguments: [body.from, body.to, query.q], options: queryOptions))
            } catch var error as APIError {
                error.message = "queries[\(index)]: \(error.message)"
                throw error
            }
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            JSON.writeObject(response.fields, into: &buffer)
        }
        buffer.writeString("]}")
        return JSON.response(buffer)
    }
}
