import Foundation
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells whether anyone committed to a memory file since the last look, in about 20 ns: a
/// fingerprint of the header of the WAL index (the `-shm` file), which SQLite rewrites on every
/// commit, from this process or another. A lookup asks this before reading the change log.
///
/// Why not only `PRAGMA data_version`: that opens a read transaction, which costs two `fcntl`
/// locks and SQLite's shared-memory mutex, and the server's event loops queued on it
/// (measured in the git history of docs/PERFORMANCE.md, "Server"). The header is what SQLite itself reads, without a lock, to learn
/// whether its snapshot is still current; its layout is fixed because processes of different
/// SQLite versions share the file (https://www.sqlite.org/walformat.html, "The WAL-Index Header").
///
/// Safety: the probe keeps a read-only connection of its own open, so the file is in WAL mode and
/// SQLite holds a shared lock for it that keeps any other process from truncating or deleting the
/// `-shm` file while it is mapped here. Whenever the header does not look like one (another format
/// version, not initialised, no `-shm` file), and once every ``crossCheckInterval`` probes, the
/// pragma is asked too; should the pragma ever see a commit the header did not show, the fast path
/// is switched off for good. A header read while a writer rewrites it only looks like a change.
final class DataVersionProbe: @unchecked Sendable {
    /// Every so many probes the pragma checks the header.
    static let crossCheckInterval = 4096
    /// `iVersion` of the WAL-index header SQLite has written since 3.7.0.
    static let walIndexVersion: UInt32 = 3_007_000

    private let path: String
    private let lock = NSLock()
    // Guarded by `lock`; opened on first use (a store opened for an import never asks).
    private var connection: OpaquePointer?
    private var statement: OpaquePointer?
    /// The `-shm` file's first page, mapped read-only (`nil` before the first probe, when there is
    /// no such file, or once the fast path is off).
    private var header: UnsafeRawPointer?
    private var fastPathOff = false
    private var probes = 0
    /// At the last cross-check: the pragma's value and the header's fingerprint.
    private var checkedPragma: Int64?
    private var checkedFingerprint: Int64?

    init(path: String) {
        self.path = path
    }

    deinit {
        if let header { munmap(UnsafeMutableRawPointer(mutating: header), Self.mappedBytes) }
        sqlite3_finalize(statement)
        sqlite3_close_v2(connection)
    }

    private static let mappedBytes = 4096

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

    /// `PRAGMA data_version` on the probe's connection. Call with `lock` held.
    private func pragma() -> Int64? {
        guard open() else { return nil }
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
        return sqlite3_column_int64(statement, 0)
    }

    /// Maps the `-shm` file once the connection has read (so that SQLite holds its lock on it).
    /// Call with `lock` held.
    private func mapHeader() {
        guard header == nil, !fastPathOff else { return }
        let descriptor = openReadOnly(path + "-shm")
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= Self.mappedBytes else { return }
        let mapped = mmap(nil, Self.mappedBytes, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { return }
        header = UnsafeRawPointer(mapped)
    }

    /// A fingerprint of the first copy of the WAL-index header (48 bytes: the change counter, the
    /// last valid frame, page count, salts and checksums), or `nil` when it does not look like an
    /// initialised header of the known version.
    static func fingerprint(_ header: UnsafeRawPointer) -> Int64? {
        guard header.load(fromByteOffset: 0, as: UInt32.self) == walIndexVersion,
            header.load(fromByteOffset: 12, as: UInt8.self) == 1
        else { return nil }
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for offset in stride(from: 0, to: 48, by: 8) {
            value = (value ^ header.load(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            value ^= value >> 29
        }
        return Int64(bitPattern: value)
    }

    /// Whether the last probes read the WAL-index header (for tests and reports).
    var readsHeader: Bool { lock.withLock { header != nil } }

    /// The current data version, or `nil` if SQLite failed to tell (a busy or damaged file).
    /// Values of the two sources (header and pragma) never compare equal to each other by design:
    /// the pragma's are tagged in the top bit.
    func version() -> Int64? {
        lock.withLock {
            probes &+= 1
            if let header, probes % Self.crossCheckInterval != 0, let print = Self.fingerprint(header) {
                return print & Int64.max
            }
            guard let pragma = pragma() else { return nil }
            mapHeader()
            guard let header, let print = Self.fingerprint(header) else { return pragma | Int64.min }
            // The cross-check: a commit the pragma saw must have changed the header too.
            if let checkedPragma, let checkedFingerprint, checkedPragma != pragma, checkedFingerprint == print {
                munmap(UnsafeMutableRawPointer(mutating: header), Self.mappedBytes)
                self.header = nil
                fastPathOff = true
                return pragma | Int64.min
            }
            checkedPragma = pragma
            checkedFingerprint = print
            return print & Int64.max
        }
    }
}

/// `open(2)` for reading (the probe's own `open()` hides the system one inside the class).
private func openReadOnly(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_CLOEXEC)
}
