import Foundation
import GRDBSQLite

/// Tells whether anyone committed to a memory file since the last look, for about a microsecond:
/// `PRAGMA data_version` on a connection of its own that never writes.
///
/// SQLite changes a connection's data version whenever another connection (of this process or any
/// other) has committed since that connection last looked. A lookup asks this before reading the
/// change log, which costs a read transaction and two queries (docs/PERFORMANCE.md, "Server").
/// Through SQLite's C API: one prepared statement, reset and stepped under a lock.
final class DataVersionProbe: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    // Guarded by `lock`; opened on first use (a store opened for an import never asks).
    private var connection: OpaquePointer?
    private var statement: OpaquePointer?

    init(path: String) {
        self.path = path
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close_v2(connection)
    }

    /// Opens the connection and prepares the pragma; `false` when SQLite cannot (callers then read
    /// the change log). Call with `lock` held.
    private func open() -> Bool {
        if statement != nil { return true }
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            sqlite3_close_v2(connection)
            return false
        }
        var statement: OpaquePointer?
        guard sqlite3_busy_timeout(connection, 5_000) == SQLITE_OK,
            sqlite3_prepare_v2(connection, "PRAGMA data_version", -1, &statement, nil) == SQLITE_OK
        else {
            sqlite3_finalize(statement)
            sqlite3_close_v2(connection)
            return false
        }
        self.connection = connection
        self.statement = statement
        return true
    }

    /// The current data version, or `nil` if SQLite failed to tell (a busy or damaged file).
    func version() -> Int64? {
        lock.withLock {
            guard open() else { return nil }
            defer { sqlite3_reset(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
            return sqlite3_column_int64(statement, 0)
        }
    }
}
