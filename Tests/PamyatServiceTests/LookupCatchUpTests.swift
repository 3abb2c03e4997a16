import Foundation
import PamyatCore
import PamyatService
import PamyatStore
import Testing

/// Issue 13 (12): the first lookup after another process imported many units used to wait while
/// the index applied them all (7.6 s for 200,000). Now a large backlog is applied in the background
/// while lookups answer from the index as it is; the tests hold the background catch-up at its
/// `started` event, so nothing depends on timing.
@Suite struct LookupCatchUpTests {
    /// The events reported, and a gate that holds the background catch-up until opened.
    final class Recorder: @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var recorded: [IndexCatchUpEvent] = []
        let started = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)

        var events: [IndexCatchUpEvent] { lock.withLock { recorded } }

        var hook: @Sendable (IndexCatchUpEvent) -> Void {
            { [self] event in
                lock.withLock { recorded.append(event) }
                switch event {
                case .started:
                    started.signal()
                    gate.wait()  // held until the test opens the gate
                case .finished, .failed: finished.signal()
                case .following, .followingLost, .caughtUp: break  // only stores with a change feed (none here)
                }
            }
        }

        /// Waits until a background catch-up has reported its start (and is held there).
        func waitForStart() -> Bool {
            started.wait(timeout: .now() + 120) == .success
        }

        /// Opens the gate and waits for the catch-up to end.
        func release() -> Bool {
            gate.signal()
            return finished.wait(timeout: .now() + 120) == .success
        }
    }

    static let imported = 3_000
    static let query = "Импортированное предложение номер 2999 о сотрудничестве."

    /// A memory with one unit, a lookup service over it (the index built), and a second connection
    /// that writes as another process would.
    func makeMemory(_ folder: TemporaryFolder, recorder: Recorder) throws -> (LookupService, SQLiteMemoryStore) {
        let path = folder.path("tm.sqlite")
        let writer = try SQLiteMemoryStore(path: path)
        try writer.write { _ = try $0.store(unit([(Tags.ru, "Первое предложение."), (Tags.en, "The first sentence.")]), onDuplicate: .keepExisting) }
        let reader = try SQLiteMemoryStore(path: path, create: false)
        let service = try LookupService(
            memories: [LookupService.Memory(name: "tm", store: reader)], cacheUnits: 0, onIndexEvent: recorder.hook)
        return (service, writer)
    }

    /// An import of `count` units in one transaction, as `pamyat import` writes.
    func importUnits(_ count: Int, into writer: SQLiteMemoryStore) throws {
        try writer.write { session in
            for i in 0..<count {
                _ = try session.store(
                    unit([(Tags.ru, "Импортированное предложение номер \(i) о сотрудничестве."), (Tags.en, "Imported sentence number \(i) on cooperation.")]),
                    onDuplicate: .keepExisting)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aLargeBacklogIsIndexedInTheBackgroundWhileLookupsAnswerAtOnce() throws {
        let folder = try TemporaryFolder()
        let recorder = Recorder()
        let (service, writer) = try makeMemory(folder, recorder: recorder)
        try importUnits(Self.imported, into: writer)

        // Answered while the catch-up is held at its start: from the index as it was.
        let early = try service.lookup(LookupRequest(text: Self.query, from: Tags.ru, to: Tags.en))
        #expect(early.isEmpty, "answered from the index before the import: \(early.map(\.source))")
        #expect(recorder.waitForStart())
        #expect(recorder.events == [.started(memory: "tm", behind: Self.imported)])
        #expect(try service.indexLag() == ["tm": IndexLag(behind: Self.imported, catchingUp: true)])
        #expect(service.isCurrent(memory: nil), "a lookup now would not wait: the server may answer it on its network threads")
        // Another lookup meanwhile starts no second catch-up.
        #expect(try service.lookup(LookupRequest(text: Self.query, from: Tags.ru, to: Tags.en)).isEmpty)

        #expect(recorder.release(), "the background catch-up finishes")
        #expect(recorder.events == [.started(memory: "tm", behind: Self.imported), .finished(memory: "tm", applied: Self.imported)])
        #expect(try service.indexLag() == ["tm": IndexLag(behind: 0, catchingUp: false)])
        let late = try service.lookup(LookupRequest(text: Self.query, from: Tags.ru, to: Tags.en))
        #expect(late.first?.score == 100 && late.first?.target == "Imported sentence number 2999 on cooperation.", "\(late)")
    }

    @Test func aSmallBacklogIsIndexedByTheLookupThatFindsIt() throws {
        let folder = try TemporaryFolder()
        let recorder = Recorder()
        let (service, writer) = try makeMemory(folder, recorder: recorder)
        try importUnits(LookupService.defaultInlineCatchUpLimit, into: writer)
        #expect(try service.indexLag() == ["tm": IndexLag(behind: LookupService.defaultInlineCatchUpLimit, catchingUp: false)])
        let matches = try service.lookup(LookupRequest(text: "Импортированное предложение номер 1999 о сотрудничестве.", from: Tags.ru, to: Tags.en))
        #expect(matches.first?.score == 100, "found by the lookup that applied the backlog")
        #expect(recorder.events.isEmpty, "no background catch-up")
        #expect(try service.indexLag() == ["tm": IndexLag(behind: 0, catchingUp: false)])
    }

    @Test(.timeLimit(.minutes(2))) func anAddIsFoundAtOnceWhileALargeBacklogIsIndexedInTheBackground() throws {
        let folder = try TemporaryFolder()
        let recorder = Recorder()
        let (service, writer) = try makeMemory(folder, recorder: recorder)
        try importUnits(Self.imported, into: writer)
        // The ADD starts the background catch-up (held at its start) and indexes its own unit.
        let added = try service.add(source: "Добавленное через сервер предложение.", target: "A sentence added through the server.", from: Tags.ru, to: Tags.en)
        #expect(recorder.waitForStart())
        #expect(recorder.events == [.started(memory: "tm", behind: Self.imported + 1)], "the import and the ADD's own change")
        let found = try service.lookup(LookupRequest(text: "Добавленное через сервер предложение.", from: Tags.ru, to: Tags.en))
        #expect(found.first?.unit == added.unit && found.first?.score == 100, "the added unit is found at once: \(found)")
        #expect(recorder.release())
        let both = try service.lookup(LookupRequest(text: Self.query, from: Tags.ru, to: Tags.en))
        #expect(both.first?.score == 100, "and the import once the catch-up is done")
        #expect(try service.lookup(LookupRequest(text: "Добавленное через сервер предложение.", from: Tags.ru, to: Tags.en)).first?.unit == added.unit)
    }
}
