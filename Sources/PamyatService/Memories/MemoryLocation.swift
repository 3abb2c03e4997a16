import Foundation

/// Where a memory is, once the catalogue has resolved a name: a file, or a URL for
/// ``MemoryStoreFactory`` to open.
public enum MemoryLocation: Hashable, Sendable {
    /// A memory file (absolute, standardised).
    case file(URL)
    /// A memory named by a URL (`scheme` lowercased, `text` as given).
    case url(scheme: String, text: String)

    /// The file's path, `nil` for a URL.
    public var path: String? {
        if case .file(let url) = self { return url.path }
        return nil
    }
}
