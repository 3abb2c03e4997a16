import Foundation
import PamyatCore
import PamyatPostgres
import PamyatTestSupport
import Testing

/// A store that follows its memory's commits (LISTEN/NOTIFY, the change log as the truth).
@Suite struct PostgresChangeFeedTests {
    func unit(_ source: String, _ target: String) -> TranslationUnit {
        TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "ru"),
            variants: [Variant(language: LanguageTag(canonical: "ru"), text: source), Variant(language: LanguageTag(canonical: "en"), text: target)],
            origin: .added, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// A memory in a database of its own, opened twice (two nodes).
    func twoStores() throws -> (cluster: ThrowawayPostgres, database: String, follower: PostgresMemoryStore, writer: PostgresMemoryStore) {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.createDatabase()
        let follower = try PostgresMemoryStore(url: cluster.url(database: database))
        let writer = try PostgresMemoryStore(url: cluster.url(database: database))
        return (cluster, database, follower, writer)
    }

    @Test(.timeLimit(.minutes(2))) func aFollowedStoreHearsAnotherStoresCommitsWithoutAskingTheDatabase() async throws {
        let (_, _, follower, writer) = try twoStores()
        #expect(try follower.dataVersion() == nil, "before anyone follows, callers read the change log")
        let events = EventRecorder<ChangeFeedEvent>()
        follower.followChanges(events.hook)
        await events.wait { if case .listening(false, 0) = $0 { true } else { false } }
        let before = try #require(try follower.dataVersion(), "listening: the version comes from the feed")
        #expect(try follower.dataVersion() == before, "no commit, no change")

        let created = try writer.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }
        let latest = try writer.changes(after: .max).latest
        await events.wait { if case .committed(let heard) = $0 { heard >= latest } else { false } }
        #expect(try follower.dataVersion() != before, "the commit changed the version")
        #expect(try follower.changes(after: 0).changes.map(\.unitID) == [created.unitID])

        let count = events.count
        let unchanged = try writer.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }
        #expect(unchanged == .unchanged(created.unitID))
        _ = try writer.write { try $0.store(unit("Два.", "Two."), onDuplicate: .keepExisting) }
        let second = try writer.changes(after: .max).latest
        let next = await events.wait(after: count) { if case .committed = $0 { true } else { false } }
        #expect(next == .committed(latest: second), "a transaction that logged nothing sends nothing")
    }

    @Test(.timeLimit(.minutes(2))) func aCommitThatWasNotAnnouncedIsFoundInTheLog() async throws {
        let (cluster, database, follower, writer) = try twoStores()
        let events = EventRecorder<ChangeFeedEvent>()
        follower.followChanges(events.hook)
        await events.wait { if case .listening = $0 { true } else { false } }
        _ = try writer.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }
        // A writer that does not notify (an older pamyat, a change by hand): the feed's look at the
        // log is the truth.
        let row = try cluster.execute(
            "INSERT INTO pamyat_changes (memory_id, unit_id, kind) SELECT memory_id, id, 'updated' FROM pamyat_units RETURNING seq",
            database: database)
        let firstLine = row.split(separator: "\n").first.map(String.init) ?? ""
        let sequence = try #require(Int64(firstLine.trimmingCharacters(in: .whitespaces)), "psql said: \(row)")
        await events.wait { if case .committed(let heard) = $0 { heard == sequence } else { false } }
        #expect(try follower.changes(after: sequence - 1).changes.map(\.kind) == [.updated])
    }

    @Test(.timeLimit(.minutes(2))) func aFeedThatLosesItsConnectionSaysSoAndCatchesUpWhenBack() async throws {
        let (cluster, database, follower, writer) = try twoStores()
        _ = try writer.write { try $0.store(unit("Один.", "One."), onDuplicate: .keepExisting) }  // opens the writer's connection
        let events = EventRecorder<ChangeFeedEvent>()
        follower.followChanges(events.hook)
        await events.wait { if case .listening(false, _) = $0 { true } else { false } }

        // No new connections to the database (the writer's stays), then the feed's connection ends:
        // the commit below is announced to nobody.
        try cluster.execute("ALTER DATABASE \(database) ALLOW_CONNECTIONS false", database: "postgres")
        try cluster.execute("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'pamyat-change-feed'
            """, database: "postgres")
        await events.wait { if case .lost = $0 { true } else { false } }
        #expect(try follower.dataVersion() == nil, "without the feed, callers read the change log")
        _ = try writer.write { try $0.store(unit("Два.", "Two."), onDuplicate: .keepExisting) }
        let missed = try writer.changes(after: .max).latest

        try cluster.execute("ALTER DATABASE \(database) ALLOW_CONNECTIONS true", database: "postgres")
        let back = await events.wait { if case .listening(true, _) = $0 { true } else { false } }
        #expect(back == .listening(reconnected: true, latest: missed), "back, the feed says where the log is")
        #expect(try follower.dataVersion() != nil)
        #expect(events.recorded.filter { if case .lost = $0 { true } else { false } }.count == 1, "one outage, said once")
    }
}
