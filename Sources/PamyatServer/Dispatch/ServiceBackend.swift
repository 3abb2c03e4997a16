import Logging
import NIOCore
import PamyatCore
import PamyatMatch
import PamyatService
import PamyatTMX
import PamyatText

/// The verbs over the real memories: PamyatService's ``LookupService`` (lookup, concordance, add:
/// the same code as `pamyat lookup`, `pamyat concordance`), the stores (HELLO, STATS) and the
/// sentence segmenter (SEGMENT).
package struct ServiceBackend: Backend {
    package let memories: [ServedMemory]
    package let service: LookupService
    let segmenters: SegmenterPool

    package init(memories: [ServedMemory], threads: Int, onIndexEvent: (@Sendable (IndexCatchUpEvent) -> Void)? = nil) throws {
        self.memories = memories
        service = try LookupService(
            memories: memories.map { LookupService.Memory(name: $0.name, store: $0.store) }, followChanges: true,
            onIndexEvent: onIndexEvent)
        segmenters = SegmenterPool(keep: threads)
    }

    package func hello() throws -> HelloInfo {
        var languages = Set<String>()
        for memory in memories { for language in try memory.store.languages() { languages.insert(language.identifier) } }
        return HelloInfo(memories: memories.map(\.name), languages: languages.sorted())
    }

    /// Lookups with a minimum under 50 score many more entries (up to all of them at 0): those run
    /// on the thread pool, as do lookups whose memory has changes to index first (an import by
    /// another process can bring a million), and lookups with similar words (about 30 times
    /// slower).
    package func isQuick(_ query: LookupQuery) -> Bool {
        !query.similarWords && query.minimumScore >= 50 && service.isCurrent(memory: query.memory)
    }

    package func lookup(_ query: LookupQuery) throws -> JSONFragment {
        .matches(try lookupMatches(query))
    }

    package func lookupMatches(_ query: LookupQuery) throws -> [LookupMatch] {
        let request = LookupRequest(
            text: query.text, from: query.source, to: query.target, minimum: query.minimumScore, limit: query.limit,
            previous: query.previous, memory: query.memory, similarWords: query.similarWords)
        return try translated { try service.lookup(request) }
    }

    package func concordance(_ query: ConcordanceQuery) throws -> JSONFragment {
        let request = ConcordanceRequest(
            text: query.text, language: query.language, to: query.target, limit: query.limit, memory: query.memory)
        return try .encoding(try translated { try service.concordance(request) })
    }

    package func segment(language: LanguageTag, text: String) throws -> [String] {
        try segmenters.sentences(language, text)
    }

    package func add(_ request: AddRequest) throws -> AddOutcome {
        let result = try translated {
            try service.add(
                source: request.sourceText, target: request.targetText, from: request.source, to: request.target,
                document: request.document, memory: request.memory)
        }
        return AddOutcome(unit: result.unit, created: result.created)
    }

    package func stats() throws -> StatsInfo {
        var total = StatsInfo(units: 0, pairs: [:])
        for memory in memories {
            let stats = try memory.store.stats()
            total.units += stats.units
            for (pair, count) in stats.pairs { total.pairs[pair, default: 0] += count }
        }
        for lag in try service.indexLag().values {
            total.indexBehind += lag.behind
            total.indexCatchingUp = total.indexCatchingUp || lag.catchingUp
        }
        return total
    }

    package func analyze(_ request: DocumentRequest, bands: MatchBands) throws -> JSONFragment {
        let document = try loaded(request)
        var analyzer = DocumentAnalyzer(service: service, source: request.source, target: request.target, bands: bands)
        analyzer.memory = request.memory
        return try .encoding(try translated { try analyzer.analyze(documents: [document]) })
    }

    package func pretranslate(_ request: DocumentRequest, minimum: Int) throws -> XLIFFDocument {
        let document = try loaded(request)
        var pretranslator = DocumentPretranslator(service: service, source: request.source, target: request.target)
        pretranslator.minimum = minimum
        pretranslator.memory = request.memory
        return try translated { try pretranslator.pretranslate(document: document) }
    }

    /// The request's document, read and segmented as `pamyat add` reads a file.
    private func loaded(_ request: DocumentRequest) throws -> LoadedDocument {
        try Self.loaded(request.text, name: "request", language: request.source, format: request.format)
    }

    /// A document sent in a request, read and segmented as `pamyat add` reads a file; its errors as
    /// protocol errors (`bad-language`, `bad-request`).
    package static func loaded(_ text: String, name: String, language: LanguageTag, format: DocumentFormat?) throws -> LoadedDocument {
        do {
            return try LoadedDocument.fromText(text, name: name, language: language, format: format)
        } catch let error as TextError {
            throw ServerError(error.code == .unknownLanguage ? .badLanguage : .badRequest, error.message)
        } catch let error as AddingError {
            throw ServerError(.badRequest, error.message)
        }
    }

    /// Runs `body`, turning the lookup service's request errors into protocol errors.
    package func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LookupError {
            switch error.code {
            case .unknownMemory, .unknownPair: throw ServerError(.notFound, error.message)
            case .sameLanguage, .sameTranslationLanguage, .badText, .badOption: throw ServerError(.badRequest, error.message)
            }
        } catch let error as MatchError {
            switch error.code {
            case .emptyQuery, .queryTooLong, .badOption: throw ServerError(.badRequest, error.message)
            case .tokenizer, .cache: throw error
            }
        }
    }
}

extension Server {
    /// A server answering from `memories` (the first is where ADD stores by default). Opens each
    /// memory's fuzzy index (from its cache file when there is one) before it returns.
    public init(
        configuration: ServerConfiguration, memories: [ServedMemory], logger: Logger,
        onServerRunning: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) throws {
        let onEvent = configuration.onEvent
        let onIndexEvent: @Sendable (IndexCatchUpEvent) -> Void = { event in
            Self.log(event, to: logger)
            onEvent?(.index(event))
        }
        self.init(
            configuration: configuration,
            memories: try ServedMemories(memories, workerThreads: configuration.workerThreads, onIndexEvent: onIndexEvent),
            logger: logger, onServerRunning: onServerRunning)
    }

    /// A server answering from memories opened already, which another front end (the HTTP API) may
    /// share.
    public init(
        configuration: ServerConfiguration, memories: ServedMemories, logger: Logger,
        onServerRunning: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) {
        self.init(configuration: configuration, backend: memories.backend, logger: logger, onServerRunning: onServerRunning)
    }
}
