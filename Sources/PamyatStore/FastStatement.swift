import GRDB
import GRDBSQLite

/// Binds and steps a GRDB cached statement through SQLite's C API.
///
/// Why by hand: GRDB's `execute(arguments:)` boxes every argument into a `DatabaseValue` existential;
/// on the insert path that ran for every unit and variant it cost more than SQLite itself (profiled:
/// ~40% of a bulk import). These few binds keep the statement cache, transactions and errors in
/// GRDB's hands and only skip the boxing.
struct FastStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies the bytes (SQLITE_TRANSIENT), so Swift strings need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty buffer may have no base address; SQLite wants a non-null pointer for "".
                if let base = chars.baseAddress {
                    _ = sqlite3_bind_text(handle, index, base, Int32(chars.count), Self.transient)
                } else {
                    _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Double?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_double(handle, index, value)
    }

    /// Runs a statement that returns no rows.
    func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw Self.error(db, code: code, sql: statement.sql) }
    }

    /// The first column of every row, as integers.
    func integers(_ db: Database) throws -> [Int64] {
        var result: [Int64] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW { result.append(sqlite3_column_int64(handle, 0)); continue }
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else { throw Self.error(db, code: code, sql: statement.sql) }
            return result
        }
    }

    private static func error(_ db: Database, code: Int32, sql: String) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
