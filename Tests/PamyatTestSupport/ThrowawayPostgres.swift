import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL cluster of the test process's own: `initdb` in a temporary folder, a server on a
/// Unix socket in that folder (no TCP), a fresh database per test, `pg_ctl stop -m fast` when the
/// process exits. No mock: the PostgreSQL tests run against this real server.
///
/// PostgreSQL refuses to run as root; as root (CI) the cluster is made and run as the `postgres`
/// user (`runuser -u postgres`), the folder handed to it; as anyone else, as that user.
///
/// When PostgreSQL's server programs are missing, ``shared()`` throws
/// ``ThrowawayPostgres/Failure`` with how to install them: the tests that need it fail, loudly.
public final class ThrowawayPostgres: @unchecked Sendable {
    /// Why the cluster could not be had; says what to do.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The folder holding the data directory, the socket and the server's log.
    public let folder: URL
    /// PostgreSQL's server programs (`initdb`, `pg_ctl`, `createdb`).
    let binaries: URL
    /// The superuser the cluster was made with (trust authentication on the socket).
    public let user = "pamyat"
    /// The port number in the socket's name (`.s.PGSQL.PORT`); no TCP port is opened.
    public let port = 5432
    /// `runuser -u postgres --` when running as root, else nothing.
    let runAs: [String]

    /// The cluster of this test process, started on first use (the lock orders first uses).
    public static func shared() throws -> ThrowawayPostgres {
        lock.lock()
        defer { lock.unlock() }
        if let started { return try started.get() }
        let result = Result { try ThrowawayPostgres() }
        started = result
        if case .success(let cluster) = result {
            atexit { ThrowawayPostgres.stopShared() }
            _ = cluster
        }
        return try result.get()
    }

    nonisolated(unsafe) private static var started: Result<ThrowawayPostgres, any Error>?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var databaseCounter = 0

    private static func stopShared() {
        if case .success(let cluster) = started { cluster.stop() }
    }

    private init() throws {
        binaries = try Self.findBinaries()
        Self.stopAbandonedClusters()
        var template = Array("/tmp/pamyat-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(description: "cannot create a temporary folder for PostgreSQL: \(String(cString: strerror(errno)))")
        }
        folder = URL(fileURLWithPath: String(cString: made))
        if getuid() == 0 {
            guard let account = getpwnam("postgres") else {
                throw Failure(description: "running as root, and there is no `postgres` user to run PostgreSQL as (initdb refuses root); install PostgreSQL from Debian (apt-get install postgresql), which creates it.")
            }
            _ = chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid)
            runAs = ["/usr/sbin/runuser", "-u", "postgres", "--"]
        } else {
            runAs = []
        }
        try "\(getpid())\n".write(to: folder.appendingPathComponent("owner.pid"), atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("data").path
        try run(binaries.appendingPathComponent("initdb").path, [
            "-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        ])
        try run(binaries.appendingPathComponent("pg_ctl").path, [
            "-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
            "-o", "-k \(folder.path) -c listen_addresses='' -p \(port) -F -c max_connections=200", "start",
        ])
    }

    /// A new, empty database; returns its name.
    public func createDatabase() throws -> String {
        Self.lock.lock()
        Self.databaseCounter += 1
        let name = "test_\(getpid())_\(Self.databaseCounter)"
        Self.lock.unlock()
        try run(binaries.appendingPathComponent("createdb").path, ["-h", folder.path, "-p", "\(port)", "-U", user, name], asServer: false)
        return name
    }

    /// A `postgresql://` URL for a memory in `database` on this cluster's socket (`host=` the folder).
    public func url(database: String, memory: String? = nil) -> String {
        var url = "postgresql://\(user)@/\(database)?host=\(folder.path)&port=\(port)"
        if let memory { url += "&memory=\(memory)" }
        return url
    }

    /// A URL for a memory in a database of its own, made for the caller.
    public func freshMemoryURL(memory: String? = nil) throws -> String {
        url(database: try createDatabase(), memory: memory)
    }

    /// Runs SQL in `database` through `psql` (for what a test does behind a store's back); returns
    /// the unaligned output.
    @discardableResult
    public func execute(_ sql: String, database: String) throws -> String {
        try run(binaries.appendingPathComponent("psql").path, [
            "-h", folder.path, "-p", "\(port)", "-U", user, "-d", database, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql,
        ], asServer: false)
    }

    /// Stops the server (`pg_ctl stop -m fast`) and removes the folder.
    func stop() {
        _ = try? run(binaries.appendingPathComponent("pg_ctl").path, [
            "-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop",
        ])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a PostgreSQL program (as the server's user when `asServer` and root); throws with its
    /// output when it fails.
    ///
    /// Through `posix_spawn` and `waitpid`, with the output in a file: `pg_ctl start` leaves a server
    /// running that inherits the program's output (a pipe would never end), and Foundation's
    /// `Process` was seen to miss the exit of a child whose own child lives on.
    @discardableResult
    func run(_ program: String, _ arguments: [String], asServer: Bool = true) throws -> String {
        let command = (asServer ? runAs : []) + [program] + arguments
        let outputPath = folder.appendingPathComponent("command-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid = pid_t()
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(command[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
            throw Failure(description: "\(command.joined(separator: " ")) failed (status \(status)): \(text) \(log.suffix(2000))")
        }
        return text
    }

    /// PostgreSQL's server programs: `$PAMYAT_PG_BIN`, else the newest `/usr/lib/postgresql/N/bin`
    /// (Debian), else the folder of an `initdb` on the `PATH`.
    static func findBinaries() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["PAMYAT_PG_BIN"], !explicit.isEmpty { candidates.append(explicit) }
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append(String(folder)) }
        for folder in candidates where fileManager.isExecutableFile(atPath: folder + "/initdb")
            && fileManager.isExecutableFile(atPath: folder + "/pg_ctl") {
            return URL(fileURLWithPath: folder)
        }
        throw Failure(description: """
            PostgreSQL's server programs (initdb, pg_ctl) were not found, and the PostgreSQL tests need a real server: \
            install PostgreSQL (Debian/Ubuntu: `make deps`, or `sudo apt-get install postgresql`), or set PAMYAT_PG_BIN \
            to the folder holding initdb.
            """)
    }

    /// Stops and removes clusters left by test processes that died without stopping them.
    static func stopAbandonedClusters() {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for name in folders where name.hasPrefix("pamyat-pg-") {
            let folder = "/tmp/" + name
            guard let text = try? String(contentsOfFile: folder + "/owner.pid", encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                kill(pid, 0) != 0, errno == ESRCH else { continue }
            let postmaster = try? String(contentsOfFile: folder + "/data/postmaster.pid", encoding: .utf8)
            if let line = postmaster?.split(separator: "\n").first, let server = pid_t(line) {
                kill(server, SIGQUIT)  // the server of a dead test process: immediate shutdown
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
