import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { WRITER_CHECKPOINT_BACKSTOP } from './checkpointer';
import { readerKysely } from './reader-pool';
import type { DB } from './schema';

export interface OpenedDatabase {
  db: Kysely<DB>;
  /** The raw handle, for backups, benchmarks baselines and pragmas; services use `db`. */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Pages of the database file are read through a memory map (SQLite writes through its own
 * journal, never through the map). A reader's page cache is emptied whenever the writer has
 * committed; with the map, reading those pages again is a memory access instead of a read call
 * and a copy. This build caps the map at 2 GB.
 */
const MMAP_BYTES = 0x7fff0000;

/**
 * Opens the office database with the pragmas that make it safe to hold legal records.
 * synchronous=FULL is set explicitly: this better-sqlite3 build makes WAL default to NORMAL,
 * which can lose the last commits on power loss.
 */
export function openSqlite(file: string): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  // 256 MB at most (grown as used): an import of thousands of members touches pages all over
  // the members' indexes, and a page that falls out of the cache mid-transaction is written
  // to the WAL early and read back again.
  sqlite.pragma('cache_size = -262144');
  // Checkpoints run on a thread of their own (see checkpointer.ts); the writer checkpoints
  // itself only if the WAL grows far beyond what that thread lets it.
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_BACKSTOP}`);
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  registerFunctions(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    sqlite,
    close: async () => {
      await db.destroy();
    },
  };
}

export interface OpenedReaders {
  /** One Kysely instance over the read-only connections: each read transaction takes one. */
  db: Kysely<DB>;
  close(): Promise<void>;
}

/**
 * Read-only connections to the office database, opened once it exists and is in WAL mode.
 * WAL lets every reader keep its own consistent snapshot while the one writer commits, so a
 * query never waits for a write. Same pragmas as the writer where reading depends on them
 * (busy timeout, temporary sorts in memory, page cache) and the same SQL functions.
 */
export function openReaders(file: string, count: number): OpenedReaders {
  const handles = Array.from({ length: count }, () => {
    const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -32768');
    sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    registerFunctions(sqlite);
    return sqlite;
  });
  const db = readerKysely(handles.map((h) => withStatementCache(h)));
  return {
    db,
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query afresh; the same few hundred statements repeat all day, so keep
 * them prepared. A statement still being iterated (streaming) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= limit) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** SQL functions the queries rely on that SQLite lacks. */
function registerFunctions(sqlite: SQLite.Database) {
  // Unicode-aware lower case for case-insensitive sorting of names.
  sqlite.function('lower_id', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase('id-ID') : v));
}
