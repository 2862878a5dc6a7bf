import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { methods } from './api';
import { createDispatcher, type Dispatcher } from './core/api/dispatch';
import type { MethodMap } from './core/api/registry';
import { owaspScryptCost } from './core/auth/passwords';
import { systemClock, type Clock } from './core/clock';
import { openSqlite } from './core/db/connection';
import { migrate } from './core/db/migrator';
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
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

/** The composition root: opens the office database, brings it up to date, wires the API. */
export async function openApp(options: OpenAppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const { db, sqlite, close } = openSqlite(join(options.dataDir, DATABASE_FILE));
  try {
    await migrate(db);
    await loadReferenceData(db, clock.nowIso());
  } catch (e) {
    await close();
    throw e;
  }
  const services: AppServices = {
    clock,
    newId: options.newId ?? uuidv7(() => clock.nowMs()),
    dataDir: options.dataDir,
    version: APP_VERSION,
    security: { ...defaultSecurity, ...options.security },
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
