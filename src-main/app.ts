import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { methods } from './api';
import { createDispatcher, type Dispatcher } from './core/api/dispatch';
import type { MethodMap } from './core/api/registry';
import { owaspScryptCost } from './core/auth/passwords';
import { systemClock, type Clock } from './core/clock';
import { openSqlite } from './core/db/connection';
import { migrate, pendingMigrations } from './core/db/migrator';
import { createBackup, dailyBackupIfDue, listBackups } from './core/backup';
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
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

/** The composition root: opens the office database, brings it up to date, wires the API. */
export async function openApp(options: OpenAppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? uuidv7(() => clock.nowMs());
  const { db, sqlite, close } = openSqlite(join(options.dataDir, DATABASE_FILE));
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
  const services: AppServices = {
    clock,
    newId,
    dataDir: options.dataDir,
    version: APP_VERSION,
    security: { ...defaultSecurity, ...options.security },
    backups: {
      create: (reason) => createBackup(sqlite, options.dataDir, clock.nowIso(), reason),
      list: () => listBackups(options.dataDir),
    },
  };
  return {
    db,
    sqlite,
    services,
    methods,
    dispatch: createDispatcher(db, methods, services, options.log),
    close,
  };
}

async function hasTables(db: Kysely<DB>): Promise<boolean> {
  return (await db.introspection.getTables()).length > 0;
}
