import Foundation
import Hummingbird
import PamyatAlign
import PamyatCore
import PamyatServer
import PamyatService
import PamyatText

/// `/api/v1/align` (two documents in, the beads out, nothing stored: `pamyat align --json`) and
/// `/api/v1/add` (pairs stored in one transaction, e.g. the beads a reviewer kept).
struct AlignAddRoutes {
    let api: APIHandlers

    func add(to table: RouteTable) {
        table.add(.post, "/api/v1/align") { request, _ in try await align(request) }
        table.add(.post, "/api/v1/add") { request, _ in try await addPairs(request) }
    }

    struct AlignBody: Decodable {
        var original: String
        var translation: String
        var from: String
        var to: String
        /// `text` or `html`; guessed from each document when absent.
        var input: String?
        /// Beads under this confidence are marked low (0–1, default 0.9: DocumentAdder.defaultMinimumConfidence).
        var minConfidence: Double?
        /// Align even documents whose lengths do not look like translations of each other.
        var force: Bool?
        /// A served memory whose learned lexicon helps the alignment.
        var memory: String?
    }

    private func align(_ request: Request) async throws -> Response {
        let body = try await api.decodeBody(AlignBody.self, of: request)
        let pair = LanguagePair(source: try Self.language(body.from, what: "from"), target: try Self.language(body.to, what: "to"))
        guard pair.source != pair.target else {
            throw APIError(ServerError(.badRequest, "from and to name the same language (\(pair.source)); give two languages."))
        }
        let format = try Self.format(body.input)
        let minimum = body.minConfidence ?? DocumentAdder.defaultMinimumConfidence
        guard (0...1).contains(minimum) else {
            throw APIError(ServerError(.badRequest, "minConfidence must be between 0 and 1; \(minimum) is not."))
        }
        let store = try body.memory.map { try api.memory($0).store }
        let json = try await api.blocking {
            let original = try ServiceBackend.loaded(body.original, name: "original", language: pair.source, format: format)
            let translation = try ServiceBackend.loaded(body.translation, name: "translation", language: pair.target, format: format)
            let learned = try store.flatMap { try LearnedLexicon.learn(from: $0, languages: pair) }
            let alignment = try DocumentAligner(languages: pair, learned: learned).align(
                original: original, translation: translation, force: body.force ?? false)
            return try AlignmentReport(alignment: alignment, original: "original", translation: "translation", lowConfidence: minimum).json()
        }
        return JSON.response(Array(json.utf8.dropLast()))
    }

    struct AddBody: Decodable {
        struct Pair: Decodable {
            var source: String
            var target: String
            var document: String?
            var title: String?
            var date: String?
            /// The original's sentence numbers, e.g. `12` or `12-13`.
            var position: String?
        }

        var from: String
        var to: String
        var memory: String?
        /// The document, title and date of every pair that does not give its own.
        var document: String?
        var title: String?
        var date: String?
        var pairs: [Pair]
    }

    static let maximumPairs = 100_000

    private func addPairs(_ request: Request) async throws -> Response {
        try api.checkWritable("adding")
        let body = try await api.decodeBody(AddBody.self, of: request)
        let from = try Self.language(body.from, what: "from")
        let to = try Self.language(body.to, what: "to")
        guard body.pairs.count <= Self.maximumPairs else {
            throw APIError(ServerError(.badRequest, "pairs has \(body.pairs.count) entries; the most is \(Self.maximumPairs)."))
        }
        for (index, pair) in body.pairs.enumerated() {
            for value in [pair.document ?? body.document, pair.title ?? body.title, pair.date ?? body.date].compactMap({ $0 })
            where value.utf8.count > 1_000 {
                throw APIError(ServerError(.badRequest, "pairs[\(index)]: a document, title or date is over 1000 bytes."))
            }
        }
        let pairs = body.pairs.map { pair in
            PairToAdd(
                source: pair.source, target: pair.target, from: from, to: to,
                provenance: Provenance(
                    documentID: pair.document ?? body.document, documentTitle: pair.title ?? body.title,
                    documentDate: pair.date ?? body.date, position: pair.position))
        }
        let service = api.memories.backend.service
        let result = try await api.blocking { try service.add(pairs: pairs, memory: body.memory) }
        return try JSON.response(encoding: result)
    }

    /// A language tag of the request; `bad-language` naming `what` when it is not one.
    static func language(_ text: String, what: String) throws -> LanguageTag {
        do {
            return try LanguageTag.parse(text)
        } catch {
            throw APIError(ServerError(.badLanguage, "\(what): \(error.message)"))
        }
    }

    static func format(_ input: String?) throws -> DocumentFormat? {
        switch input {
        case nil: return nil
        case "text": return .text
        case "html": return .html
        case let other?: throw APIError(ServerError(.badRequest, "input=\(other.prefix(40)) is not text or html."))
        }
    }
}
