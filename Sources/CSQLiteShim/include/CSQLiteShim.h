// CSQLiteShim — the SQLite calls Swift cannot make: sqlite3_config is variadic, and Swift does not
// import variadic C functions. Schema, migrations and writes go through GRDB; the lookup hot path
// (UnitReader, FastStatement, DataVersionProbe) calls SQLite's C API from Swift directly. Every
// function here is prefixed `pmy_`.
#ifndef PAMYAT_CSQLITESHIM_H
#define PAMYAT_CSQLITESHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Turns off SQLite's process-wide memory statistics (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0)).
///
/// Why: with statistics on (the default), every SQLite allocation takes a global mutex to count
/// itself; Debian's SQLite is built without lookaside memory, so every small allocation goes there
/// (~8% of a bulk import's CPU time). pamyat never reads the statistics (sqlite3_memory_used).
/// Only possible before SQLite initialises, i.e. before the process opens its first connection;
/// returns SQLite's result code (SQLITE_MISUSE, 21, when it is too late, which changes nothing else).
int32_t pmy_sqlite_disable_memory_statistics(void);

#ifdef __cplusplus
}
#endif

#endif
