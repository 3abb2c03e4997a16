import Foundation
import GRDBSQLite
import PamyatCore

/// Reads a few units by id (a lookup's matches) through SQLite's C API on read-only connections of
/// its own, one per thread at a time.
///
/// Why by hand: through GRDB's pool each such read (take a reader, hop onto its dispatch queue,
/// BEGIN, `query_only` on and off, COMMIT, boxed `Row`s) cost the server more than the reads
/// themselves (measured in the git history of docs/PERFORMANCE.md, "Server"). Here a read is two prepared statements stepped per
/// id inside one BEGIN … COMMIT, so that all the units come from one snapshot.
final class UnitReader: @unchecked Sendable {
    /// One read-only connection and its prepared statements; used by one thread at a time.
    private final class Connection {
        let handle: OpaquePointer
        let begin: OpaquePointer
        let commit: OpaquePointer
        let unit: OpaquePointer
        let variants: OpaquePointer

        init?(path: String) {
            var handle: OpaquePointer?
            guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
                sqlite3_close_v2(handle)
                return nil
            }
            sqlite3_busy_timeout(handle, Int32(SQLiteMemoryStore.busyTimeout * 1000))
            // Pages through the memory map rather than read() into each connection's cache, and a
            // 16 MiB cache: SQLite's default 2 MiB holds only 128 of a new memory's 16 KiB pages,
            // and the server's lookups ran 20 % slower with it (measured in the git history of docs/PERFORMANCE.md, "Server").
            sqlite3_exec(handle, "PRAGMA mmap_size = 1073741824", nil, nil, nil)
            sqlite3_exec(handle, "PRAGMA cache_size = -16384", nil, nil, nil)
            func prepare(_ sql: String) -> OpaquePointer? {
                var statement: OpaquePointer?
                guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK else {
                    sqlite3_finalize(statement)
                    return nil
                }
                return statement
            }
            guard let begin = prepare("BEGIN"), let commit = prepare("COMMIT"),
                let unit = prepare("SELECT \(UnitColumn.selectList) FROM units WHERE id = ?"),
                let variants = prepare("SELECT \(VariantColumn.selectList) FROM variants WHERE unit_id = ? ORDER BY ordinal")
            else {
                sqlite3_close_v2(handle)
                return nil
            }
            self.handle = handle
            self.begin = begin
            self.commit = commit
            self.unit = unit
            self.variants = variants
        }

        deinit {
            for statement in [begin, commit, unit, variants] { sqlite3_finalize(statement) }
            sqlite3_close_v2(handle)
        }

        var message: String { String(cString: sqlite3_errmsg(handle)) }
    }

    private let path: String
    /// Connections not in use, kept per thread (see ``PerThreadPool``).
    private let connections: PerThreadPool<Connection>

    /// A reader of the memory file at `path`. Connections are opened when first needed: a store
    /// opened for an import or an export never opens one.
    init(path: String) {
        self.path = path
        connections = PerThreadPool { _ in
            guard let connection = Connection(path: path) else {
                throw StoreError(.database, "cannot open the memory for reading.", location: path)
            }
            return connection
        }
    }

    /// The units with these ids that exist, in the order of `ids`.
    func units(ids: [Int64]) throws(StoreError) -> [TranslationUnit] {
        do {
            return try connections.with("") { connection in try units(ids: ids, connection) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "cannot read the units: \(error)", location: path)
        }
    }

    private func units(ids: [Int64], _ connection: Connection) throws(StoreError) -> [TranslationUnit] {
        try step(connection.begin, connection, expecting: SQLITE_DONE)
        defer {
            sqlite3_reset(connection.commit)
            if sqlite3_step(connection.commit) != SQLITE_DONE { _ = sqlite3_exec(connection.handle, "ROLLBACK", nil, nil, nil) }
            sqlite3_reset(connection.commit)
        }
        var result: [TranslationUnit] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            if let unit = try unit(id, connection) { result.append(unit) }
        }
        return result
    }

    private func unit(_ id: Int64, _ connection: Connection) throws(StoreError) -> TranslationUnit? {
        let row = connection.unit
        sqlite3_reset(row)
        defer { sqlite3_reset(row) }
        sqlite3_bind_int64(row, 1, id)
        switch sqlite3_step(row) {
        case SQLITE_ROW: break
        case SQLITE_DONE: return nil
        default: throw StoreError(.database, "SQLite error: \(connection.message).", location: path)
        }
        let statement = connection.variants
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        sqlite3_bind_int64(statement, 1, id)
        var variants: [Variant] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw StoreError(.database, "SQLite error: \(connection.message).", location: path) }
            variants.append(UnitRowDecoder.variant(from: StatementColumns(statement: statement)))
        }
        return UnitRowDecoder.unit(from: StatementColumns(statement: row), variants: variants)
    }

    private func step(_ statement: OpaquePointer, _ connection: Connection, expecting expected: Int32) throws(StoreError) {
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == expected else {
            throw StoreError(.database, "SQLite error: \(connection.message).", location: path)
        }
    }
}
