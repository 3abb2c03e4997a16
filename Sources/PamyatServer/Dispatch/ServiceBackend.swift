import Logging
import NIOCore
import PamyatCore

/// The verbs over the real memories: PamyatService's lookup service, the stores and the segmenter.
struct ServiceBackend: Backend {
    let memories: [ServedMemory]
    let segmenters: SegmenterPool

    init(memories: [ServedMemory], threads: Int) throws {
        precondition(!memories.isEmpty, "a server serves at least one memory")
        self.memories = memories
        segmenters = SegmenterPool(keep: threads)
    }

    func hello() throws -> HelloInfo {
        var languages = Set<String>()
        for memory in memories { for language in try memory.store.languages() { languages.insert(language.identifier) } }
        return HelloInfo(memories: memories.map(\.name), languages: languages.sorted())
    }

    func lookup(_ query: LookupQuery) throws -> JSONFragment {
        throw ServerError(.internal, "LOOKUP is wired to PamyatService's LookupService when it lands.")
    }

    func concordance(_ query: ConcordanceQuery) throws -> JSONFragment {
        throw ServerError(.internal, "CONCORDANCE is wired to PamyatService's LookupService when it lands.")
    }

    func segment(language: LanguageTag, text: String) throws -> [String] {
        try segmenters.sentences(language, text)
    }

    func add(_ request: AddRequest) throws -> AddOutcome {
        throw ServerError(.internal, "ADD is wired to PamyatService's LookupService when it lands.")
    }

    func stats() throws -> StatsInfo {
        var total = StatsInfo(units: 0, pairs: [:])
        for memory in memories {
            let stats = try memory.store.stats()
            total.units += stats.units
            for (pair, count) in stats.pairs { total.pairs[pair, default: 0] += count }
        }
        return total
    }
}

extension Server {
    /// A server answering from `memories` (the first is where ADD stores by default).
    public init(
        configuration: ServerConfiguration, memories: [ServedMemory], logger: Logger,
        onServerRunning: @escaping @Sendable (SocketAddress) async -> Void = { _ in }
    ) throws {
        guard !memories.isEmpty else { throw ServerError(.configuration, "The server needs at least one memory.") }
        self.init(
            configuration: configuration, backend: try ServiceBackend(memories: memories, threads: configuration.workerThreads), logger: logger,
            onServerRunning: onServerRunning)
    }
}
