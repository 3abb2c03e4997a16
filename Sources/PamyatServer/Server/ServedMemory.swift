import PamyatCore

/// A memory the server answers from, with the name clients use for it (`memory=NAME`, HELLO).
public struct ServedMemory: Sendable {
    public var name: String
    public var store: any MemoryStore

    public init(name: String, store: any MemoryStore) {
        self.name = name
        self.store = store
    }
}
