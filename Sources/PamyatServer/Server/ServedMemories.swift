import PamyatService

/// The memories one `pamyat serve` process answers from, opened once (each with its fuzzy index)
/// and shared by its front ends: the line protocol's ``Server`` and the HTTP API answer from the
/// same indexes, so a unit one of them adds is found by the other at once.
public final class ServedMemories: Sendable {
    /// The verbs over these memories (PamyatService's use cases).
    package let backend: ServiceBackend

    /// Opens the fuzzy index of each of `memories` (from its cache file when there is one); the
    /// first memory is where additions go by default. `workerThreads` sizes the pool of segmenters
    /// kept; `onIndexEvent` hears of background index catch-up (tests wait for it).
    public init(
        _ memories: [ServedMemory], workerThreads: Int = ServerConfiguration.defaultWorkerThreads,
        onIndexEvent: (@Sendable (IndexCatchUpEvent) -> Void)? = nil
    ) throws {
        guard !memories.isEmpty else { throw ServerError(.configuration, "The server needs at least one memory.") }
        backend = try ServiceBackend(memories: memories, threads: workerThreads, onIndexEvent: onIndexEvent)
    }

    /// The memories, in the order given.
    public var memories: [ServedMemory] { backend.memories }
}
