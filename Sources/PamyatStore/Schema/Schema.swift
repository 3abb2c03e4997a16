import GRDB

/// The memory schema, created and upgraded by named migrations that are never edited once shipped.
enum Schema {
    /// `PRAGMA application_id` of every pamyat memory ("PMYT"), to tell our files from other SQLite files.
    static let applicationID: Int32 = 0x504D_5954

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units-variants-documents") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    external_id TEXT NOT NULL UNIQUE,
                    title TEXT,
                    date TEXT,
                    source_lang TEXT NOT NULL,
                    languages TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    added_at INTEGER NOT NULL
                );
                CREATE TABLE units (
                    id INTEGER PRIMARY KEY,
                    content_hash INTEGER NOT NULL,
                    source_lang TEXT NOT NULL,
                    origin TEXT NOT NULL CHECK (origin IN ('aligned', 'imported', 'added')),
                    external_id TEXT,
                    doc_id TEXT,
                    doc_title TEXT,
                    doc_date TEXT,
                    position TEXT,
                    confidence REAL,
                    context_prev TEXT,
                    context_next TEXT,
                    created_at INTEGER NOT NULL,
                    changed_at INTEGER NOT NULL,
                    created_by TEXT,
                    changed_by TEXT,
                    extra TEXT
                );
                CREATE INDEX units_content_hash ON units(content_hash);
                CREATE INDEX units_doc_id ON units(doc_id) WHERE doc_id IS NOT NULL;
                CREATE TABLE variants (
                    id INTEGER PRIMARY KEY,
                    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    lang TEXT NOT NULL,
                    text TEXT NOT NULL,
                    markup TEXT,
                    normalized TEXT,
                    extra TEXT
                );
                CREATE INDEX variants_unit ON variants(unit_id, ordinal);
                CREATE TABLE changes (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_id INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('inserted', 'updated', 'deleted'))
                );
                CREATE TRIGGER units_log_update AFTER UPDATE ON units BEGIN
                    INSERT INTO changes(unit_id, kind) VALUES (new.id, 'updated');
                END;
                CREATE TRIGGER units_log_delete AFTER DELETE ON units BEGIN
                    INSERT INTO changes(unit_id, kind) VALUES (old.id, 'deleted');
                END;
                -- Concordance: substring search through SQLite's trigram tokenizer (case-insensitive).
                -- detail=none keeps the index small; a match is a superset (all trigrams present),
                -- confirmed by the caller against the text. The index is filled lazily: variants up
                -- to meta.fts_indexed_through are indexed, later ones are indexed by the next
                -- concordance query (trigram indexing costs ~40 µs a variant, which bulk imports
                -- should not pay). See SQLiteMemoryStore+Concordance.swift.
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO meta(key, value) VALUES ('fts_indexed_through', 0);
                CREATE VIRTUAL TABLE variants_fts USING fts5(
                    text, content='variants', content_rowid='id', tokenize='trigram', detail='none'
                );
                CREATE TRIGGER variants_fts_delete AFTER DELETE ON variants
                WHEN old.id <= (SELECT value FROM meta WHERE key = 'fts_indexed_through') BEGIN
                    INSERT INTO variants_fts(variants_fts, rowid, text) VALUES ('delete', old.id, old.text);
                END;
                """)
        }
        migrator.registerMigration("v2-change-log-insert-runs") { db in
            // Inserts are logged as runs of consecutive unit ids, one row per run (`unit_id` the
            // first, `last_unit_id` the last), written by WriteSession when the run ends: a row per
            // inserted unit cost a bulk import ~2.5 µs a unit. Rows written before this migration,
            // and updates and deletes (logged by the triggers), have `last_unit_id` NULL: one unit.
            try db.execute(sql: "ALTER TABLE changes ADD COLUMN last_unit_id INTEGER")
        }
        return migrator
    }
}
