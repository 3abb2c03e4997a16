import Foundation
import Hummingbird
import NIOCore
import PamyatCore
import PamyatServer
import PamyatService

/// `GET /api/v1/export` (the memory as TMX 1.4b, streamed as it is written: `pamyat export`) and
/// `POST /api/v1/import` (a TMX upload, streamed to a temporary file up to the upload limit, then
/// imported in one transaction: `pamyat import`).
struct TMXRoutes {
    let api: APIHandlers

    func add(to table: RouteTable) {
        table.add(.get, "/api/v1/export") { request, _ in try await export(request) }
        table.add(.post, "/api/v1/import") { request, _ in try await importTMX(request) }
    }

    private func export(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["from", "to", "memory", "doc"], route: "/api/v1/export")
        var selection = TMXExportSelection(documentID: query["doc"])
        switch (query["from"], query["to"]) {
        case (nil, nil):
            break
        case (let from?, let to?):
            let pair = LanguagePair(source: try AlignAddRoutes.language(from, what: "from"), target: try AlignAddRoutes.language(to, what: "to"))
            guard pair.source != pair.target else {
                throw APIError(ServerError(.badRequest, "from and to name the same language (\(pair.source)); give two languages."))
            }
            selection.pair = pair
        default:
            throw APIError(ServerError(.badRequest, "Give both from and to (a language pair), or neither (every unit)."))
        }
        let memory = try api.memory(query["memory"])
        let exporter = TMXExporter(toolVersion: api.configuration.version)
        let bridge = ChunkBridge()
        let store = memory.store
        let producer = Thread { [selection] in
            do {
                let pending = PendingChunk()
                _ = try exporter.export(from: store, named: "download", selection: selection) { bytes in
                    pending.buffer.writeBytes(bytes)
                    if pending.buffer.readableBytes >= 65_536 { try bridge.put(pending.take()) }
                }
                if pending.buffer.readableBytes > 0 { try bridge.put(pending.take()) }
                bridge.finish(error: nil)
            } catch {
                bridge.finish(error: error)
            }
        }
        producer.stackSize = 1 << 20
        producer.start()
        // The first chunk (the header and the first units) before the status: an export that
        // fails at once (a storage error) is answered with its error, not a broken download.
        let first: ByteBuffer?
        do {
            first = try await bridge.next()
        } catch {
            throw api.apiError(error)
        }
        let name = memory.name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let body = ResponseBody { writer in
            do {
                if let first { try await writer.write(first) }
                while let chunk = try await bridge.next() { try await writer.write(chunk) }
                try await writer.finish(nil)
            } catch {
                // The client went away, or the export failed half way: the connection is closed
                // without the end of the chunked body, so the client sees an incomplete download.
                bridge.cancel()
                throw error
            }
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/x-tmx+xml; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(name.isEmpty ? "memory" : name).tmx\"",
            ],
            body: body)
    }

    private func importTMX(_ request: Request) async throws -> Response {
        try api.checkWritable("importing")
        let query = try QueryParameters(request.uri.query, allowed: ["memory"], route: "/api/v1/import")
        let memory = try api.memory(query["memory"])
        let limit = api.configuration.maximumUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.tooLarge, "The upload is \(length) bytes; the most is \(limit).")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-upload-\(SessionStore.randomToken().prefix(16)).tmx")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: file)
        else {
            throw APIError(ServerError(.internal, "The server cannot store the upload in its temporary folder; its log says why."))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        var received = 0
        do {
            defer { try? handle.close() }
            for try await chunk in request.body {
                received += chunk.readableBytes
                guard received <= limit else {
                    throw APIError(.tooLarge, "The upload is over the limit of \(limit) bytes; nothing was imported.")
                }
                try handle.write(contentsOf: chunk.readableBytesView)
            }
        }
        guard received > 0 else { throw APIError(ServerError(.badRequest, "The upload is empty; send a TMX file as the body.")) }
        let store = memory.store
        let path = file.path
        let report = try await api.blocking { try TMXImporter().importFile(path, into: store) }
        var languages: [String: Int] = [:]
        for (language, count) in report.languages { languages[language.identifier] = count }
        return try JSON.response(encoding: ImportSummary(
            memory: memory.name, units: report.units, created: report.created, updated: report.updated, unchanged: report.unchanged,
            languages: languages, problems: report.problems.map { "\($0)".replacingOccurrences(of: path, with: "the upload") },
            moreProblems: report.moreProblems))
    }

    struct ImportSummary: Encodable {
        var memory: String
        var units: Int
        var created: Int
        var updated: Int
        var unchanged: Int
        var languages: [String: Int]
        var problems: [String]
        var moreProblems: Int
    }
}

/// The bytes an export has written since the last chunk was handed on (used by its thread only).
private final class PendingChunk: @unchecked Sendable {  // touched by the exporting thread alone
    var buffer = ByteBuffer()

    func take() -> ByteBuffer {
        defer { buffer = ByteBuffer() }
        return buffer
    }
}
