/// The tables of pamyat's memories in a PostgreSQL database, created and upgraded by named
/// migrations that are never edited once shipped (recorded in `pamyat_migrations`).
///
/// Several memories share a database: every table carries `memory_id`. Table names start with
/// `pamyat_`, so a database may hold other tables too.
enum PostgresSchema {
    /// Key of the advisory lock that orders processes migrating one database at once.
    static let migrationLock: Int64 = 0x504D_5954_0001

    /// The migrations in order: a name and its SQL (one transaction with its record).
    static let migrations: [(name: String, sql: String)] = [
        ("v1-memories-units-variants-documents-changes", """
            CREATE TABLE pamyat_memories (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE pamyat_documents (
                memory_id bigint NOT NULL REFERENCES pamyat_memories(id) ON DELETE CASCADE,
                external_id text NOT NULL,
                title text,
                date text,
                source_lang text NOT NULL,
                languages text NOT NULL,
                content_hash text NOT NULL,
                added_at bigint NOT NULL,
                PRIMARY KEY (memory_id, external_id)
            );
            -- content_digest: SHA-256 of the unit's content (UnitContent.key); unique per memory, so
            -- two writers can never store one unit twice, whatever the processes do.
            CREATE TABLE pamyat_units (
                id bigserial PRIMARY KEY,
                memory_id bigint NOT NULL REFERENCES pamyat_memories(id) ON DELETE CASCADE,
                content_digest bytea NOT NULL,
                content_hash bigint NOT NULL,
                source_lang text NOT NULL,
                origin text NOT NULL CHECK (origin IN ('aligned', 'imported', 'added')),
                external_id text,
                doc_id text,
                doc_title text,
                doc_date text,
                position text,
                confidence double precision,
                context_prev text,
                context_next text,
                created_at bigint NOT NULL,
                changed_at bigint NOT NULL,
                created_by text,
                changed_by text,
                extra text,
                UNIQUE (memory_id, content_digest)
            );
            CREATE INDEX pamyat_units_memory ON pamyat_units(memory_id, id);
            CREATE INDEX pamyat_units_doc ON pamyat_units(memory_id, doc_id) WHERE doc_id IS NOT NULL;
            CREATE TABLE pamyat_variants (
                unit_id bigint NOT NULL REFERENCES pamyat_units(id) ON DELETE CASCADE,
                ordinal integer NOT NULL,
                memory_id bigint NOT NULL,
                lang text NOT NULL,
                text text NOT NULL,
                markup text,
                normalized text,
                extra text,
                PRIMARY KEY (unit_id, ordinal)
            );
            CREATE INDEX pamyat_variants_lang ON pamyat_variants(memory_id, lang, unit_id);
            -- The change log: a row per update or delete, a row per run of consecutive inserted ids
            -- (unit_id the first, last_unit_id the last). Writers of one memory hold its row in
            -- pamyat_memories locked, so sequence numbers follow the commits.
            CREATE TABLE pamyat_changes (
                seq bigserial PRIMARY KEY,
                memory_id bigint NOT NULL REFERENCES pamyat_memories(id) ON DELETE CASCADE,
                unit_id bigint NOT NULL,
                last_unit_id bigint,
                kind text NOT NULL CHECK (kind IN ('inserted', 'updated', 'deleted'))
            );
            CREATE INDEX pamyat_changes_memory ON pamyat_changes(memory_id, seq);
            """),
        // A variant's foreign key to its unit cost a lookup per row, half of a bulk import's time in
        // the server; variants are written and deleted with their units by pamyat only, in one
        // transaction (deleting a document's units and removing a memory delete their variants).
        ("v2-variants-without-unit-foreign-key", """
            ALTER TABLE pamyat_variants DROP CONSTRAINT IF EXISTS pamyat_variants_unit_id_fkey;
            """),
        // What a bulk import's COPY cost the server beyond the rows and the indexes it needs:
        // - a unit's foreign key to its memory fired a trigger per row (a fifth of the COPYs' time);
        //   units are written under their memory's row lock, and removing a memory deletes its
        //   units and variants in a transaction holding that lock;
        // - `pamyat_variants_lang` cost more than the variants' rows (an insertion in the middle of
        //   the index for every variant but the last language's); it served the memory's languages
        //   and their counts, which `pamyat_languages` now keeps (writers add and subtract, in
        //   their transaction). Dropping the index first locks the variants, so the counts start
        //   from every committed variant.
        ("v3-bulk-load-without-per-row-triggers-and-language-index", """
            ALTER TABLE pamyat_units DROP CONSTRAINT IF EXISTS pamyat_units_memory_id_fkey;
            DROP INDEX IF EXISTS pamyat_variants_lang;
            CREATE TABLE pamyat_languages (
                memory_id bigint NOT NULL REFERENCES pamyat_memories(id) ON DELETE CASCADE,
                lang text NOT NULL,
                variants bigint NOT NULL,
                PRIMARY KEY (memory_id, lang)
            );
            INSERT INTO pamyat_languages (memory_id, lang, variants)
            SELECT memory_id, lang, count(*) FROM pamyat_variants GROUP BY memory_id, lang;
            """),
    ]
}
