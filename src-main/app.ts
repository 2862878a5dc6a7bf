import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { methods } from './api';
import { createDispatcher, type Dispatcher } from './core/api/dispatch';
import { createGroupCommit } from './core/api/group-commit';
import { createJobs } from './core/api/jobs';
import { lookupSession } from './core/auth/sessions';
import type { MethodMap } from './core/api/registry';
import { owaspScryptCost } from './core/auth/passwords';
import { defaultThrottle } from './core/auth/throttle';
import { systemClock, type Clock } from './core/clock';
import { startCheckpointer } from './core/db/checkpointer';
import { openReaders, openSqlite } from './core/db/connection';
import { migrate, pendingMigrations } from './core/db/migrator';
import { createBackup, dailyBackupIfDue, listBackups, type BackupKind } from './core/backup';
import { AppError } from './core/api/errors';
import { writeAudit } from './core/api/audit';
import { writeCheckpoint } from './core/audit/checkpoint';
import { createCallGate } from './core/call-gate';
import { migrations } from './core/db/migrations';
import { stageRestore, swapIntoPlace } from './core/restore';
import type { DB } from './core/db/schema';
import { uuidv7, type IdGenerator } from './core/ids';
import type { AppServices, SecuritySettings } from './core/services';
import { createWorkerPool, findWorkerFile, type WorkPool } from './core/work/pool';
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
  sessionMaxHours: 12,
  throttle: defaultThrottle,
};

/** The composition root: opens the office database, brings it up to date, wires the API. */
export async function openApp(options: OpenAppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? uuidv7(() => clock.nowMs());
  const dataDir = options.dataDir;
  const databaseFile = join(dataDir, DATABASE_FILE);
  const security = { ...defaultSecurity, ...options.security };
  const stamp = () => ({ newId, nowIso: clock.nowIso() });
  const registry = options.methods ?? methods;
  let conn = await openDatabase(databaseFile, dataDir, clock, newId, options.dailyBackup === true, options.readers ?? 4);
  const work: WorkPool = createWorkerPool({ size: options.workers });
  const gate = createCallGate();

  const backup = async (kind: BackupKind, passphrase?: string) =>
    createBackup(conn.sqlite, dataDir, clock.nowIso(), {
      kind,
      passphrase,
      passphraseCost: security.passwordCost,
      // Each backup carries the signed head of its audit chain.
      beforeCopy: async () => {
        await writeCheckpoint(conn.db, stamp(), 'backup');
      },
    });

  const services: AppServices = {
    clock,
    newId,
    dataDir,
    version: APP_VERSION,
    security,
    backups: {
      create: (o = {}) => backup(o.kind ?? 'manual', o.passphrase),
      list: () => listBackups(dataDir),
      restore: async (source, o) => {
        // Decrypting and checking take time: the office keeps working meanwhile.
        const staged = await stageRestore(source, databaseFile, migrations, o.passphrase);
        try {
          const current = await conn.db.selectFrom('office').select('key_id').executeTakeFirst();
          if (current && current.key_id !== staged.officeKeyId && !o.allowOtherOffice) {
            throw new AppError(
              'bad_input',
              {
                id: `Berkas cadangan: milik kantor lain (${staged.officeName}, kunci ${staged.officeKeyId}).`,
                en: `Backup file: it belongs to another office (${staged.officeName}, key ${staged.officeKeyId}).`,
              },
              { file: { id: 'Berkas cadangan: milik kantor lain', en: 'Backup file: it belongs to another office' } },
            );
          }
          await o.beforeSwap?.();
          return await gate.alone(async () => {
            const previous = await backup('sebelum-pemulihan');
            await conn.close();
            try {
              swapIntoPlace(staged, databaseFile);
            } finally {
              conn = await openDatabase(databaseFile, dataDir, clock, newId, false, options.readers ?? 4);
              dispatcher = newDispatcher();
            }
            // Sessions in the copy belong to its past: everyone logs in again.
            await conn.db.deleteFrom('sessions').execute();
            await writeAudit(conn.db, services, {
              user: o.user,
              method: 'office.restore',
              entity: 'office',
              after: { restoredFrom: basename(source), previous: previous.name },
            });
            await writeCheckpoint(conn.db, stamp(), 'restore');
            return { restoredFrom: basename(source), previous, schemaVersion: staged.schemaVersion, auditEntries: staged.auditEntries };
          }, o.fromCall);
        } finally {
          staged.discard();
        }
      },
    },
    work,
    jobs: createJobs(),
  };
  const newDispatcher = () =>
    createDispatcher({ writer: conn.db, reader: conn.reader, inWriteTransaction: conn.inWriteTransaction }, registry, services, options.log);
  let dispatcher = newDispatcher();
  return {
    get db() {
      return conn.db;
    },
    get sqlite() {
      return conn.sqlite;
    },
    get reader() {
      return conn.reader;
    },
    services,
    methods: registry,
    dispatch: (req) => gate.run(() => dispatcher(req)),
    hasSession: (token) => gate.run(async () => (await lookupSession(conn.reader, token, services)).session !== null),
    close: async () => {
      await conn.close();
      await work.close();
    },
  };
}

/**
 * Opens the database file and brings it up to this build's schema and reference data; then its
 * readers, its checkpoint thread and the writer's group commit.
 */
async function openDatabase(file: string, dataDir: string, clock: Clock, newId: IdGenerator, dailyBackup: boolean, readerCount: number) {
  const opened = openSqlite(file);
  const { db, sqlite } = opened;
  try {
    // An upgrade changes the schema: keep a copy of the database as it was before it.
    if ((await pendingMigrations(db)) > 0 && (await hasTables(db))) await createBackup(sqlite, dataDir, clock.nowIso(), { kind: 'sebelum-pembaruan' });
    await migrate(db);
    // The daily backup carries the signed head of the audit chain like every other one. (The
    // copy before an upgrade is of a database whose schema may not have checkpoints yet.)
    if (dailyBackup) {
      await dailyBackupIfDue(sqlite, dataDir, clock.nowIso(), {
        beforeCopy: async () => {
          await writeCheckpoint(db, { newId, nowIso: clock.nowIso() }, 'backup');
        },
      });
    }
    await loadReferenceData(db, clock.nowIso());
  } catch (e) {
    await opened.close();
    throw e;
  }
  const readers = openReaders(file, readerCount);
  const checkpointer = startCheckpointer(findWorkerFile(), file);
  const inWriteTransaction = createGroupCommit(db);
  return {
    db,
    sqlite,
    reader: readers.db,
    inWriteTransaction,
    close: async () => {
      // Every queued write lands before the database closes.
      await inWriteTransaction.idle();
      await checkpointer.stop();
      await readers.close();
      await opened.close();
    },
  };
}

async function hasTables(db: Kysely<DB>): Promise<boolean> {
  return (await db.introspection.getTables()).length > 0;
}
