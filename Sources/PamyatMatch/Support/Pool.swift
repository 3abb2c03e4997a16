import Foundation

/// A pool of objects that are not safe to share (ICU tokenizers, search scratch space): a task takes
/// one, uses it alone and gives it back. Objects leave and enter the pool only under `lock`, so each
/// is used by one task at a time.
final class Pool<Element: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [String: [Element]] = [:]
    private let make: @Sendable (String) throws -> Element

    init(make: @escaping @Sendable (String) throws -> Element) {
        self.make = make
    }

    /// Runs `body` with an object for `key` (made when none is free).
    func with<T>(_ key: String, _ body: (Element) throws -> T) throws -> T {
        let element = try lock.withLock({ free[key]?.popLast() }) ?? make(key)
        defer { lock.withLock { free[key, default: []].append(element) } }
        return try body(element)
    }
}
