import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pool of objects that are not safe to share (ICU tokenizers, scorers, search scratch space,
/// SQLite connections): a caller takes one, uses it alone and gives it back.
///
/// The pool is split into shards by thread: each thread takes from and returns to its own shard,
/// so the server's event loops never queue on one lock, and an object (and the memory it grows)
/// stays with the thread that uses it. Freeing memory that another thread allocated takes that
/// thread's malloc arena lock: with one shared pool, the event loops queued on each other's arenas
/// as well as on the pool's lock (measured in the git history of docs/PERFORMANCE.md, "Server"). Threads beyond ``shardCount``
/// share shards; each shard has its own lock, so sharing stays correct.
public final class PerThreadPool<Element: AnyObject>: @unchecked Sendable {
    /// How many shards (a power of two).
    public static var shardCount: Int { 16 }

    @usableFromInline
    final class Shard {
        @usableFromInline let lock = NSLock()
        // Guarded by `lock`: free objects by key (few keys: a linear search beats hashing).
        @usableFromInline var free: [(key: String, elements: [Element])] = []

        @usableFromInline init() {}

        @inlinable
        func take(_ key: String) -> Element? {
            lock.withLock {
                for index in free.indices where free[index].key == key { return free[index].elements.popLast() }
                return nil
            }
        }

        @inlinable
        func put(_ key: String, _ element: Element) {
            lock.withLock {
                for index in free.indices where free[index].key == key {
                    free[index].elements.append(element)
                    return
                }
                free.append((key, [element]))
            }
        }
    }

    @usableFromInline let shards: [Shard]
    @usableFromInline let make: @Sendable (String) throws -> Element

    /// A pool that makes an object for a key (a language, or `""`) with `make` when its thread's
    /// shard has none free.
    public init(make: @escaping @Sendable (String) throws -> Element) {
        shards = (0..<Self.shardCount).map { _ in Shard() }
        self.make = make
    }

    /// Runs `body` with an object for `key`, taken from this thread's shard or made. Inlinable, so
    /// that each caller gets a copy specialised for its element type.
    @inlinable
    public func with<T>(_ key: String, _ body: (Element) throws -> T) throws -> T {
        let shard = shards[ThreadOrdinal.current & (Self.shardCount - 1)]
        let element = try shard.take(key) ?? make(key)
        defer { shard.put(key, element) }
        return try body(element)
    }
}

/// A small number for the calling thread, the same for its whole life: 0 for the first thread that
/// asks, 1 for the next, and so on. Kept in a thread-specific slot as the slot's pointer value (no
/// allocation, nothing to free when the thread ends).
public enum ThreadOrdinal {
    @usableFromInline static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
        return key
    }()
    @usableFromInline static let next = Atomic<Int>(1)

    /// The calling thread's number.
    @inlinable
    public static var current: Int {
        if let value = pthread_getspecific(key) { return Int(bitPattern: value) - 1 }
        let ordinal = next.add(1, ordering: .relaxed).oldValue
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: ordinal))
        return ordinal - 1
    }
}
