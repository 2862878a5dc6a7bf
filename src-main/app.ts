import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { methods } from './api';
import { createDispatcher, type Dispatcher } from './core/api/dispatch';
import type { MethodMap } from './core/api/registry';
import { owaspScryptCost } from './core/auth/passwords';
import { defaultThrottle } from './core/auth/throttle';
import { systemClock, type Clock } from './core/clock';
import { openSqlite } from './core/db/connection';
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
}

export interface App {
  db: Kysely<DB>;
  sqlite: SQLite.Database;
  services: AppServices;
  methods: MethodMap;
  dispatch: Dispatcher;
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
  let conn = await openDatabase(databaseFile, dataDir, clock, newId, options.dailyBackup === true);
  const gate = createCallGate();

  const backup = async (kind: BackupKind, passphrase?: string) =>
    createBackup(conn.sqlite, dataDir, clock.nowIso(), {
      kind,
      passphrase,
      passphraseCost: security.passwordCost,
      // Each backup carries the signed head of its audit chain.
      beforeCopy: async () => void (await writeCheckpoint(conn.db, stamp(), 'backup')),
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
            throw new AppError('bad_input', `Berkas cadangan: milik kantor lain (${staged.officeName}, kunci ${staged.officeKeyId}).`, { file: 'Berkas cadangan: milik kantor lain' });
          }
          await o.beforeSwap?.();
          return await gate.alone(async () => {
            const previous = await backup('sebelum-pemulihan');
            await conn.close();
            try {
              swapIntoPlace(staged, databaseFile);
            } finally {
              conn = await openDatabase(databaseFile, dataDir, clock, newId, false);
              dispatcher = createDispatcher(conn.db, methods, services, options.log);
            }
            // Sessions in the copy belong to its past: everyone logs in again.
            await conn.db.deleteFrom('sessions').execute();
            await writeAudit(conn.db, services, { user: o.user, method: 'office.restore', entity: 'office', after: { restoredFrom: basename(source), previous: previous.name } });
            await writeCheckpoint(conn.db, stamp(), 'restore');
            return { restoredFrom: basename(source), previous, schemaVersion: staged.schemaVersion, auditEntries: staged.auditEntries };
          }, o.fromCall);
        } finally {
          staged.discard();
        }
      },
    },
  };
  let dispatcher = createDispatcher(conn.db, methods, services, options.log);
  return {
    get db() {
      return conn.db;
    },
    get sqlite() {
      return conn.sqlite;
    },
    services,
    methods,
    dispatch: (req) => gate.run(() => dispatcher(req)),
    close: () => conn.close(),
  };
}

/** Opens the database file and brings it up to this build's schema and reference data. */
async function openDatabase(file: string, dataDir: string, clock: Clock, newId: IdGenerator, dailyBackup: boolean) {
  const opened = openSqlite(file);
  const { db, sqlite } = opened;
  try {
    // An upgrade changes the schema: keep a copy of the database as it was before it.
    if ((await pendingMigrations(db)) > 0 && (await hasTables(db))) await createBackup(sqlite, dataDir, clock.nowIso(), { kind: 'sebelum-pembaruan' });
    await migrate(db);
    // The daily backup carries the signed head of the audit chain like every other one. (The
    // copy before an upgrade is of a database whose schema may not have checkpoints yet.)
    if (dailyBackup) await dailyBackupIfDue(sqlite, dataDir, clock.nowIso(), { beforeCopy: async () => void (await writeCheckpoint(db, { newId, nowIso: clock.nowIso() }, 'backup')) });
    await loadReferenceData(db, clock.nowIso());
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

async function hasTables(db: Kysely<DB>): Promise<boolean> {
  return (await db.introspection.getTables()).length > 0;
}
