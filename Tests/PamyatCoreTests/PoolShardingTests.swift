import Foundation
import PamyatCore
import Testing

/// ``PerThreadPool``: an object is used by one caller at a time, comes back to the thread that
/// used it, and is made per key.
private final class Item: @unchecked Sendable {
    let key: String
    var users = 0
    init(key: String) { self.key = key }
}

@Suite struct PoolShardingTests {
    @Test func aThreadGetsItsObjectBackAndKeysHaveTheirOwn() throws {
        let pool = PerThreadPool<Item> { Item(key: $0) }
        let first = try pool.with("ru") { $0 }
        let again = try pool.with("ru") { $0 }
        let other = try pool.with("en") { $0 }
        #expect(first === again)
        #expect(other !== first && other.key == "en")
        // Nested use on one thread: the inner caller gets another object.
        try pool.with("ru") { outer in
            let inner = try pool.with("ru") { $0 }
            #expect(inner !== outer)
        }
    }

    @Test func concurrentCallersNeverShareAnObject() async throws {
        let pool = PerThreadPool<Item> { Item(key: $0) }
        let lock = NSLock()
        let shared = Item(key: "shared uses")
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for _ in 0..<500 {
                        try? pool.with(task % 2 == 0 ? "ru" : "en") { item in
                            let users = lock.withLock { item.users += 1; return item.users }
                            if users > 1 { lock.withLock { shared.users += 1 } }
                            lock.withLock { item.users -= 1 }
                        }
                    }
                }
            }
        }
        #expect(shared.users == 0)
    }

    @Test func theThreadOrdinalIsStablePerThread() {
        let here = ThreadOrdinal.current
        #expect(ThreadOrdinal.current == here)
        let there = Item(key: "")
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            there.users = ThreadOrdinal.current
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(there.users != here && there.users >= 0)
    }
}
