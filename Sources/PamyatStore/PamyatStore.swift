// PamyatStore: the SQLite (GRDB) implementation of PamyatCore's MemoryStore.
