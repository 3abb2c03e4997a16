import Foundation
import PamyatCore
import PamyatService
import PamyatStore
import Testing

/// Two adds of one document at once: each must decide inside its own write transaction.
@Suite struct DocumentAdderRaceTests {
    /// Holds every writer at the start of `write` until `parties` writers have come, then lets them
    /// all go (the store still runs their transactions one after the other). No clock: the adds
    /// meet at the gate, whatever the machine's speed.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()  // guards `arrived`
        private var arrived = 0
        let parties: Int
        init(parties: Int) { self.parties = parties }

        func arriveAndWait() {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            while arrived < parties { condition.wait() }
        }
    }

    /// A store whose writes start only once every party has reached its write.
    struct GatedStore: ForwardingStore {
        let base: SQLiteMemoryStore
        let gate: Gate
        func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T {
            gate.arriveAndWait()
            return try base.write(body)
        }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()  // guards `reports`
        private var reports: [Result<AddReport, any Error>] = []
        func append(_ report: Result<AddReport, any Error>) { lock.withLock { reports.append(report) } }
        var all: [Result<AddReport, any Error>] { lock.withLock { reports } }
    }

    @Test func twoConcurrentAddsOfAChangedDocumentLeaveOneVersion() throws {
        let fixture = try AddingFixture()
        defer { fixture.cleanUp() }
        let english = try String(contentsOfFile: fixture.path("press-release.en.txt"), encoding: .utf8)
        let edited = try fixture.write(
            "edited.en.txt", english.replacingOccurrences(of: "It lasted more than two hours.", with: "It lasted over two hours."))
        let base = try SQLiteMemoryStore(path: fixture.path("race.sqlite"))
        let gate = Gate(parties: 2)
        let adder = DocumentAdder(store: GatedStore(base: base, gate: gate), learnsFromMemory: false)
        let results = Results()
        let group = DispatchGroup()
        for translation in [fixture.path("press-release.en.txt"), edited] {
            group.enter()
            let request = AddRequest(original: fixture.path("press-release.ru.txt"), translations: [translation], documentID: "pr-1")
            Thread {
                results.append(Result { try adder.add(request) })
                group.leave()
            }.start()
        }
        group.wait()
        let reports = try results.all.map { try $0.get() }
        #expect(Set(reports.map(\.status)) == [.added, .replaced], "the second saw the first's version: \(reports.map(\.status))")
        var units: [TranslationUnit] = []
        try base.forEachUnit(matching: UnitFilter(), batchSize: 500) { units += $0 }
        let old = units.contains { $0.variants.contains { $0.text.contains("more than two hours") } }
        let new = units.contains { $0.variants.contains { $0.text.contains("It lasted over two hours.") } }
        #expect(units.count == 28 && old != new, "one version's units, not both: \(units.count) units, old \(old), new \(new)")
        let record = try #require(try base.document(id: "pr-1"))
        #expect(record.contentHash.count == 16)
    }
}
