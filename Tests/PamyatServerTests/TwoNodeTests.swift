import Foundation
import PamyatCore
import PamyatPostgres
import PamyatService
import PamyatTestSupport
import Testing
@testable import PamyatServer

/// Two servers (nodes) on one PostgreSQL memory: what is added through one is found through the
/// other, announced by NOTIFY, with the change log as the truth when an announcement is lost.
@Suite struct TwoNodeTests {
    /// Two nodes on one fresh memory, each with a store and a cache folder of its own; their
    /// events are recorded.
    struct Nodes {
        var a: TestServer
        var b: TestServer
        var storeA: PostgresMemoryStore
        var eventsA: ServerEventLog
        var eventsB: ServerEventLog
        var cluster: ThrowawayPostgres
        var database: String

        func stop() async throws {
            try await a.stop()
            try await b.stop()
        }
    }

    static func start(seed: [(String, String)] = []) async throws -> Nodes {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-two-nodes-\(UUID().uuidString)")
        let storeA = try PostgresMemoryStore(url: cluster.url(database: database), cacheFolder: cache.appendingPathComponent("a"))
        if !seed.isEmpty {
            try storeA.write { session in
                for (ru, en) in seed { _ = try session.store(unit(ru, en), onDuplicate: .keepExisting) }
            }
        }
        let storeB = try PostgresMemoryStore(url: cluster.url(database: database), cacheFolder: cache.appendingPathComponent("b"))
        let eventsA = ServerEventLog(), eventsB = ServerEventLog()
        let a = try await TestServer.start(memories: [ServedMemory(name: "press", store: storeA)]) { $0.onEvent = eventsA.hook }
        let b = try await TestServer.start(memories: [ServedMemory(name: "press", store: storeB)]) { $0.onEvent = eventsB.hook }
        for events in [eventsA, eventsB] {
            await events.wait { if case .index(.following(_, false, _, _)) = $0 { true } else { false } }
        }
        return Nodes(a: a, b: b, storeA: storeA, eventsA: eventsA, eventsB: eventsB, cluster: cluster, database: database)
    }

    static func unit(_ source: String, _ target: String) -> TranslationUnit {
        TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: source), Variant(language: LanguageTag(canonical: "en"), text: target)],
            origin: .added)
    }

    /// Waits until a node's index reflects the change log up to `sequence`.
    static func caughtUp(_ events: ServerEventLog, to sequence: Int64) async {
        await events.wait { event in
            switch event {
            case .index(.caughtUp(_, _, let at)), .index(.following(_, _, _, let at)): at >= sequence
            default: false
            }
        }
    }

    /// The best match's target of a LOOKUP, or `nil`.
    static func bestTarget(_ client: TestClient, _ text: String) async throws -> String? {
        let found = try await client.requestJSON(#"LOOKUP ru en "\#(text)""#)
        return (found["matches"] as? [[String: Any]])?.first?["target"] as? String
    }

    @Test(.timeLimit(.minutes(2))) func aUnitAddedThroughOneNodeIsFoundThroughTheOther() async throws {
        let nodes = try await Self.start(seed: [("Вызовов много.", "There are many challenges.")])
        let clientA = try await nodes.a.connect()
        let clientB = try await nodes.b.connect()
        #expect(try await Self.bestTarget(clientB, "Вызовов много.") == "There are many challenges.")
        for index in 1...3 {
            let added = try await clientA.requestJSON(#"ADD ru en "Совещание номер \#(index) перенесли." "Meeting \#(index) was moved.""#)
            #expect(added["ok"] as? Bool == true, "\(added)")
            await Self.caughtUp(nodes.eventsB, to: try nodes.storeA.changes(after: .max).latest)
            #expect(try await Self.bestTarget(clientB, "Совещание номер \(index) перенесли.") == "Meeting \(index) was moved.")
        }
        // And the other way round: B's ADD is found through A's index (A follows too), and through
        // B's own at once (read your writes: B indexed it before answering).
        let added = try await clientB.requestJSON(#"ADD ru en "Договор подписан." "The treaty is signed.""#)
        #expect(added["ok"] as? Bool == true, "\(added)")
        #expect(try await Self.bestTarget(clientB, "Договор подписан.") == "The treaty is signed.")
        await Self.caughtUp(nodes.eventsA, to: try nodes.storeA.changes(after: .max).latest)
        #expect(try await Self.bestTarget(clientA, "Договор подписан.") == "The treaty is signed.")
        try await nodes.stop()
    }

    @Test(.timeLimit(.minutes(2))) func aNodeThatLostTheDatabaseCatchesUpWithWhatItMissed() async throws {
        let nodes = try await Self.start(seed: [("Вызовов много.", "There are many challenges.")])
        let clientA = try await nodes.a.connect()
        let clientB = try await nodes.b.connect()
        let warm = try await clientA.requestJSON(#"ADD ru en "Первое." "The first.""#)  // A's write connection is open
        #expect(warm["ok"] as? Bool == true, "\(warm)")
        await Self.caughtUp(nodes.eventsB, to: try nodes.storeA.changes(after: .max).latest)

        // B's feed loses its connection and cannot come back until the database allows it: an ADD
        // through A meanwhile is announced to nobody.
        try nodes.cluster.execute("ALTER DATABASE \(nodes.database) ALLOW_CONNECTIONS false", database: "postgres")
        try nodes.cluster.execute("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = '\(nodes.database)' AND application_name = 'pamyat-change-feed'
            """, database: "postgres")
        await nodes.eventsB.wait { if case .index(.followingLost) = $0 { true } else { false } }
        let added = try await clientA.requestJSON(#"ADD ru en "Пропущенное предложение." "The missed sentence.""#)
        #expect(added["ok"] as? Bool == true, "\(added)")
        let missed = try nodes.storeA.changes(after: .max).latest

        try nodes.cluster.execute("ALTER DATABASE \(nodes.database) ALLOW_CONNECTIONS true", database: "postgres")
        await nodes.eventsB.wait { if case .index(.following(_, true, _, let at)) = $0 { at >= missed } else { false } }
        #expect(try await Self.bestTarget(clientB, "Пропущенное предложение.") == "The missed sentence.")
        try await nodes.stop()
    }
}
