import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';

export const BACKUP_FOLDER = 'cadangan';
const PREFIX = 'jakpreneur-desk-';
const KEEP = 14;

export interface BackupInfo {
  file: string;
  name: string;
  size: number;
  createdAt: string;
}

/** The office's backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_FOLDER);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(PREFIX) && n.endsWith('.sqlite'));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const st = statSync(join(dir, name));
      return { file: join(dir, name), name, size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot even while
 * the office works), then keeps only the newest backups. Must not run inside a transaction.
 */
export async function createBackup(sqlite: SQLite.Database, dataDir: string, nowIso: string, reason = 'manual'): Promise<BackupInfo> {
  const dir = join(dataDir, BACKUP_FOLDER);
  mkdirSync(dir, { recursive: true });
  const stamp = nowIso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = `${PREFIX}${stamp}-${reason}.sqlite`;
  const file = join(dir, name);
  await sqlite.backup(file);
  for (const old of listBackups(dataDir).slice(KEEP)) rmSync(old.file, { force: true });
  const st = statSync(file);
  return { file, name, size: st.size, createdAt: nowIso };
}

/** One backup a day: taken when the app opens and the newest backup is older than a day. */
export async function dailyBackupIfDue(sqlite: SQLite.Database, dataDir: string, nowIso: string): Promise<BackupInfo | null> {
  const newest = listBackups(dataDir)[0];
  if (newest && Date.parse(nowIso) - Date.parse(newest.createdAt) < 24 * 3600_000) return null;
  return createBackup(sqlite, dataDir, nowIso, 'harian');
}
