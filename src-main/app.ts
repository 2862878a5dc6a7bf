import { join } from 'node:path';
import type { Kysely } from 'kysely';
import SQLite from 'better-sqlite3';
import { methods } from './api';
import { createDispatcher, type Dispatcher } from './core/api/dispatch';
import { createGroupCommit } from './core/api/group-commit';
import { createJobs } from './core/api/jobs';
import { lookupSession } from './core/auth/sessions';
import type { MethodMap } from './core/api/registry';
import { owaspScryptCost } from './core/auth/passwords';
import { systemClock, type Clock } from './core/clock';
import { openReaders, openSqlite } from './core/db/connection';
import { migrate, pendingMigrations } from './core/db/migrator';
import { createBackup, dailyBackupIfDue, listBackups } from './core/backup';
import type { DB } from './core/db/schema';
import { uuidv7, type IdGenerator } from './core/ids';
import type { AppServices, SecuritySettings } from './core/services';
import { createWorkerPool, findWorkerFile, type WorkPool } from './core/work/pool';
import { startCheckpointer } from './core/db/checkpointer';
import { loadReferenceData } from './features/reference/load';
import pkg from '../package.json';

export const APP_VERSION: string = pkg.version;
export const DATABASE_FILE = 'jakpreneur-desk.sqlite';

export interface OpenAppOptions {
  dataDir: string;
  clock?: Clock;
  newId?: IdGenerator;
  security?: Partial<SecuritySettings>;
  log?: (e: unknown) => void;
  /** A backup a day when the app opens (off in tests, the demo and the bench). */
  dailyBackup?: boolean;
  /** Read-only connections for queries (default 4). */
  readers?: number;
  /** Worker threads for CPU-heavy work (default: all cores but one). */
  workers?: number;
  /** The API's methods (default: the registry of src-main/api.ts); tests add their own. */
  methods?: MethodMap;
}

export interface App {
  /** The one write connection (tests and tools read through it too; methods never see it directly). */
  db: Kysely<DB>;
  /** The read-only connections the methods' queries and prepare phases use. */
  reader: Kysely<DB>;
  sqlite: SQLite.Database;
  services: AppServices;
  methods: MethodMap;
  dispatch: Dispatcher;
  /** Whether a session token is valid now (read only), e.g. to choose how much of a request to read. */
  hasSession(token: string): Promise<boolean>;
  close(): Promise<void>;
}

export const defaultSecurity: SecuritySettings = {
  passwordCost: owaspScryptCost,
  sessionIdleMinutes: 30,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

/** The composition root: opens the office database, brings it up to date, wires the API. */
export async function openApp(options: OpenAppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const file = join(options.dataDir, DATABASE_FILE);
  const { db, sqlite, close } = openSqlite(file);
  try {
    // An upgrade changes the schema: keep a copy of the database as it was before it.
    if ((await pendingMigrations(db)) > 0 && (await hasTables(db))) await createBackup(sqlite, options.dataDir, clock.nowIso(), 'sebelum-pembaruan');
    await migrate(db);
    if (options.dailyBackup) await dailyBackupIfDue(sqlite, options.dataDir, clock.nowIso());
    await loadReferenceData(db, clock.nowIso());
  } catch (e) {
    await close();
    throw e;
  }
  const readers = openReaders(file, options.readers ?? 4);
  const checkpointer = startCheckpointer(findWorkerFile(), file);
  const work: WorkPool = createWorkerPool({ size: options.workers });
  const services: AppServices = {
    clock,
    newId: options.newId ?? uuidv7(() => clock.nowMs()),
    dataDir: options.dataDir,
    version: APP_VERSION,
    security: { ...defaultSecurity, ...options.security },
    backups: {
      // From a read-only connection of its own: the copy never holds the writer.
      create: async (reason) => {
        const source = new SQLite(file, { readonly: true, fileMustExist: true });
        try {
          return await createBackup(source, options.dataDir, clock.nowIso(), reason);
        } finally {
          source.close();
        }
      },
      list: () => listBackups(options.dataDir),
    },
    work,
    jobs: createJobs(),
  };
  const inWriteTransaction = createGroupCommit(db);
  return {
    db,
    reader: readers.db,
    sqlite,
    services,
    methods: options.methods ?? methods,
    dispatch: createDispatcher({ writer: db, reader: readers.db, inWriteTransaction }, options.methods ?? methods, services, options.log),
    hasSession: async (token) => (await lookupSession(readers.db, token, services)).session !== null,
    close: async () => {
      await inWriteTransaction.idle();
      await checkpointer.stop();
      await work.close();
      await readers.close();
      await close();
    },
  };
}

async function hasTables(db: Kysely<DB>): Promise<boolean> {
  return (await db.introspection.getTables()).length > 0;
}
