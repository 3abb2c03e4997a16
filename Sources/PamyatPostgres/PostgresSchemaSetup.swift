import PamyatCore
import PostgresNIO

/// Checks, creates and upgrades the schema when a store opens, and finds (or creates) its memory.
struct PostgresSchemaSetup {
    let slot: ConnectionSlot
    let location: String

    /// Brings the database's schema up to date. Without `create`, a database holding no pamyat
    /// schema is ``StoreError/Code/notFound``; a schema from a newer pamyat is
    /// ``StoreError/Code/newerSchema``; an incomplete one opened `readOnly` is ``StoreError/Code/readOnly``.
    func prepare(create: Bool, readOnly: Bool) throws {
        let exists = try slot.run("SELECT to_regclass('pamyat_migrations') IS NOT NULL").first!.decode(Bool.self)
        if !exists && !create {
            throw StoreError(.notFound, "no pamyat memory in this database; add documents or import a TMX file to create one.", location: location)
        }
        if exists {
            let applied = try appliedMigrations()
            let known = Set(PostgresSchema.migrations.map(\.name))
            if !applied.isSubset(of: known) {
                throw StoreError(.newerSchema, "this memory was written by a newer pamyat; upgrade pamyat to open it.", location: location)
            }
            if applied == known { return }
            if readOnly {
                throw StoreError(.readOnly, "this memory needs a schema upgrade; open it once without --read-only.", location: location)
            }
        }
        try migrate()
    }

    private func appliedMigrations() throws -> Set<String> {
        Set(try slot.run("SELECT name FROM pamyat_migrations").map { try $0.decode(String.self) })
    }

    /// Runs the missing migrations in one transaction, under an advisory lock that makes other
    /// processes migrating the same database wait (and then find nothing left to do).
    private func migrate() throws {
        let connection = try slot.connection()
        try slot.run("BEGIN", on: connection)
        do {
            try slot.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", on: connection)
            try slot.run("""
                CREATE TABLE IF NOT EXISTS pamyat_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, on: connection)
            let applied = Set(try slot.run("SELECT name FROM pamyat_migrations", on: connection).map { try $0.decode(String.self) })
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                for statement in Self.statements(migration.sql) {
                    try slot.run(PostgresQuery(unsafeSQL: statement), on: connection)
                }
                try slot.run("INSERT INTO pamyat_migrations(name) VALUES (\(migration.name))", on: connection)
            }
            try slot.run("COMMIT", on: connection)
        } catch {
            _ = try? slot.run("ROLLBACK", on: connection)
            throw error
        }
    }

    /// The SQL statements of a migration (the extended protocol takes one at a time): split at a
    /// `;` that ends a line.
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }
            .filter { !$0.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") || $0.allSatisfy(\.isWhitespace) } }
    }

    /// The id of the memory called `name`, created when missing and `create`; else
    /// ``StoreError/Code/notFound``.
    func memoryID(named name: String, create: Bool) throws -> Int64 {
        if let row = try slot.run("SELECT id FROM pamyat_memories WHERE name = \(name)").first {
            return try row.decode(Int64.self)
        }
        guard create else {
            throw StoreError(.notFound, "no memory '\(name)' in this database; add documents or import a TMX file to create it.", location: location)
        }
        try slot.run("INSERT INTO pamyat_memories(name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING")
        return try slot.run("SELECT id FROM pamyat_memories WHERE name = \(name)").first!.decode(Int64.self)
    }

    /// The cluster's system identifier (made by initdb, so another server at the same address is
    /// another key) and the database's OID (a database dropped and made again is another key).
    func clusterKey() throws -> String {
        let database = try slot.run("SELECT oid::bigint FROM pg_database WHERE datname = current_database()").first!.decode(Int64.self)
        let system = (try? slot.run("SELECT system_identifier FROM pg_control_system()").first?.decode(Int64.self)).flatMap { $0 }
        if let system { return "\(system):\(database)" }
        // Without the right to read the control data: the server's start time stands in (a cache
        // is then rebuilt after a restart, never taken for another cluster's).
        let started = try slot.run("SELECT extract(epoch FROM pg_postmaster_start_time())::bigint").first!.decode(Int64.self)
        return "started\(started):\(database)"
    }
}
