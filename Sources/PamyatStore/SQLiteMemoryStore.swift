import CSQLiteShim
import Foundation
import GRDB
import PamyatCore

/// A translation memory in one SQLite file (WAL mode: one writer, concurrent readers), through GRDB.
///
/// Every ``write(_:)`` is one transaction. A process killed at any moment leaves a file that passes
/// `PRAGMA integrity_check` and holds every transaction that had committed. Two processes writing the
/// same memory wait for each other (a busy timeout) instead of failing.
public final class SQLiteMemoryStore: MemoryStore {
    /// GRDB's writer: a `DatabasePool` for files, a `DatabaseQueue` for in-memory test stores.
    /// `DatabaseWriter` is `Sendable`; GRDB serialises writes and runs reads concurrently.
    let writer: any DatabaseWriter
    public let location: String
    /// The file's canonical path, device and inode (`nil` in memory).
    public let identity: StoreIdentity?
    /// Whether writes are refused.
    public let isReadOnly: Bool
    /// Answers ``dataVersion()`` for a memory file (`nil` in memory: the change log is read).
    let versionProbe: DataVersionProbe?
    /// Reads a lookup's few units for a memory file (`nil` in memory: GRDB reads them).
    let unitReader: UnitReader?

    /// The page size of a new memory file, in bytes.
    static let pageSize = 16_384

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens the memory at `path`.
    ///
    /// - Parameters:
    ///   - create: create the file (and its folder) when it does not exist; otherwise a missing file
    ///     is ``StoreError/Code/notFound``.
    ///   - readOnly: open for reading only (writes throw ``StoreError/Code/readOnly``).
    ///   - maximumPages: a fault hook for tests: SQLite's `PRAGMA max_page_count` on every writing
    ///     connection, so that a write past that many pages fails as on a full disk
    ///     (``StoreError/Code/diskFull``). `nil` (the default): no limit but the disk's.
    public init(path: String, create: Bool = true, readOnly: Bool = false, maximumPages: Int? = nil) throws {
        Self.configureSQLite
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw StoreError(.notAMemory, "is a directory, not a memory file; give a memory name or the path of a .sqlite file.", location: path)
        }
        if exists, readOnly, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            // A file left empty by a create that failed (a full disk): nothing to read, and not
            // a schema to upgrade. A command that writes takes it as a new memory.
            throw StoreError(.notAMemory, "is an empty file (0 bytes), not a memory yet: add documents or import a TMX file to create one here, or delete it.", location: path)
        }
        if !exists {
            guard create, !readOnly else {
                throw StoreError(.notFound, "no memory here; add documents or import a TMX file to create one.", location: path)
            }
            let folder = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.notWritable, "cannot create the memory's folder: \(error.localizedDescription)", location: path)
            }
        } else {
            try Self.checkHeader(path: path)
        }
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "pamyat"
        config.prepareDatabase { db in
            // WAL is durable against a killed process with NORMAL; FULL would fsync on every commit.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // 16 KiB pages for a new file (an existing file keeps its own: SQLite sets the page
                // size before the first write only). A bulk import writes every page to the WAL and
                // then to the file, a syscall each way per page: at 4 KiB that was ~1 µs of the ~8 µs
                // a unit on the writing thread. Lookups and export measured the same (the git history of docs/PERFORMANCE.md).
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                if let maximumPages { try db.execute(sql: "PRAGMA max_page_count = \(maximumPages)") }
            }
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let pool: DatabasePool
        do {
            pool = try Self.openPool(path: path, configuration: config)
            try Self.prepareSchema(pool, path: path, readOnly: readOnly)
        } catch {
            // A create that failed (a full disk, a folder that cannot be written) leaves no file.
            if !exists { Self.removeFiles(at: path) }
            throw error
        }
        writer = pool
        location = path
        identity = Self.identity(ofFileAt: path)
        isReadOnly = readOnly
        versionProbe = DataVersionProbe(path: path)
        unitReader = UnitReader(path: path)
    }

    /// Opens GRDB's pool, which puts a new file in WAL mode. Two processes opening one new file at
    /// the same moment both try that switch, and SQLite answers one of them "database is locked" at
    /// once rather than make it wait (both want the exclusive lock); that one tries again.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var pause = 0.005
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.2)
            } catch let error as DatabaseError {
                throw storeError(error, path: path, opening: true)
            }
        }
    }

    /// A store in memory, for tests.
    public static func inMemory() throws -> SQLiteMemoryStore {
        configureSQLite
        return try SQLiteMemoryStore(queue: DatabaseQueue(), location: ":memory:")
    }

    /// Process-wide SQLite settings, made once before the first store opens a connection: memory
    /// statistics off (a global mutex on every SQLite allocation; see CSQLiteShim.h). A process that
    /// opened SQLite some other way first keeps them on, which costs time and nothing else.
    private static let configureSQLite: Void = {
        _ = pmy_sqlite_disable_memory_statistics()
    }()

    private init(queue: DatabaseQueue, location: String) throws {
        writer = queue
        self.location = location
        identity = nil
        isReadOnly = false
        versionProbe = nil
        unitReader = nil
        try Self.prepareSchema(writer, path: location, readOnly: false)
    }

    /// Refuses files that are clearly not SQLite before SQLite sees them (its own error is cryptic).
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.notWritable, "cannot read this file (permissions?).", location: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }  // an empty file: SQLite treats it as a new database
        guard header.starts(with: Data("SQLite format 3".utf8)) else {
            throw StoreError(.notAMemory, "this is not a pamyat memory (not an SQLite file).", location: path)
        }
    }

    private static func prepareSchema(_ writer: any DatabaseWriter, path: String, readOnly: Bool) throws {
        let migrator = Schema.migrator
        func state() throws -> (superseded: Bool, complete: Bool) {
            try writer.read { db in
                // GRDB creates its grdb_migrations table before the first migration, in a transaction of
                // its own: a memory another process is creating right now may show only that table.
                let tables = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM sqlite_master WHERE name NOT IN ('grdb_migrations') AND name NOT LIKE 'sqlite_%'
                    """) ?? 0
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if tables > 0 && appID != Schema.applicationID {
                    throw StoreError(.notAMemory, "this SQLite file is not a pamyat memory.", location: path)
                }
                return (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
        }
        do {
            let (superseded, complete) = try state()
            if superseded {
                throw StoreError(.newerSchema, "this memory was written by a newer pamyat; upgrade pamyat to open it.", location: path)
            }
            if complete { return }
            if readOnly {
                throw StoreError(.readOnly, "this memory needs a schema upgrade, which a read-only open cannot make; open it once for writing (add to it or import into it).", location: path)
            }
            // Two processes creating or upgrading one memory at once: a migration fails in the one
            // that loses ("table … already exists") because the other's ran first. Each migration
            // is a transaction of its own, so the winner may still be running a later one: try
            // again (applied migrations are skipped) until the schema is complete.
            // The loser is told so by the applied migrations, which grew while its own attempt ran
            // (a migration and its grdb_migrations row commit together), not by SQLite's message.
            let deadline = Date().addingTimeInterval(busyTimeout)
            while true {
                let appliedBefore = try writer.read { db in try migrator.appliedIdentifiers(db) }
                do {
                    try migrator.migrate(writer)
                    return
                } catch let error as DatabaseError {
                    if try state().complete { return }
                    let appliedAfter = try writer.read { db in try migrator.appliedIdentifiers(db) }
                    let raced = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                        || appliedAfter != appliedBefore
                    guard raced, Date() < deadline else { throw error }
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
        } catch let error as DatabaseError {
            throw storeError(error, path: path, opening: true)
        }
    }

    /// Maps SQLite's errors to messages that say what to do.
    static func storeError(_ error: DatabaseError, path: String, opening: Bool = false) -> StoreError {
        switch error.resultCode {
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return StoreError(.notWritable, "cannot open or write the memory (\(error.message ?? "permission denied")); check the path and its permissions.", location: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.notAMemory, "this file is not a pamyat memory or is damaged (\(error.message ?? "not a database")).", location: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, "the memory stayed locked by another process for \(Int(busyTimeout)) s; try again.", location: path)
        case .SQLITE_FULL:
            return StoreError(.diskFull, "the disk is full (SQLite: \(error.message ?? "database or disk is full")); nothing was written. Free some space and try again.", location: path)
        default:
            return StoreError(.database, "SQLite error: \(error.message ?? "\(error.resultCode)").", location: path)
        }
    }

    public func dataVersion() throws -> Int64? {
        versionProbe?.version()
    }

    /// Runs a read, mapping database errors.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: location)
        }
    }

    public func prepare(_ unit: TranslationUnit) -> PreparedUnit {
        Self.prepared(unit)
    }

    /// The unit with its content and its variants' normalised forms (``WriteSession/normalized(_:)``).
    static func prepared(_ unit: TranslationUnit) -> PreparedUnit {
        PreparedUnit(unit, normalizedTexts: unit.variants.map { WriteSession.normalized($0.text) })
    }

    public func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw StoreError(.readOnly, "the memory is open read-only; nothing was written.", location: location)
        }
        do {
            return try writer.write { db in
                let session = WriteSession(db: db)
                let result = try body(session)
                try session.finish()
                FaultHook.aboutToCommit()
                return result
            }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_FULL { releaseSpaceAfterFullDisk() }
            throw Self.storeError(error, path: location)
        }
    }

    /// After a write that failed on a full disk: checkpoints the WAL into the file and truncates it,
    /// so the frames of the transactions before (and the failed one's spill) do not keep the disk
    /// full. Best effort: a checkpoint that cannot run now (readers, no space) leaves it for the next.
    func releaseSpaceAfterFullDisk() {
        guard writer is DatabasePool else { return }
        _ = try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
