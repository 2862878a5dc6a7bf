import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import type { ScryptCost } from './auth/passwords';
import { encryptFile } from './backup-crypto';

export const BACKUP_FOLDER = 'cadangan';
const PREFIX = 'jakpreneur-desk-';

/**
 * The kinds of backup, each rotated on its own: many manual backups on a busy day must never
 * push out the daily ones or the copy taken before an upgrade.
 */
export const BACKUP_KINDS = {
  harian: 14,
  'sebelum-pembaruan': 5,
  'sebelum-pemulihan': 5,
  manual: 20,
} as const;
export type BackupKind = keyof typeof BACKUP_KINDS;

export interface BackupInfo {
  file: string;
  name: string;
  kind: BackupKind;
  size: number;
  createdAt: string;
  encrypted: boolean;
}

// jakpreneur-desk-20261128T031500123Z-manual-1a2b3c.sqlite(.enc); older builds wrote no
// milliseconds and no random part.
const NAME = /^jakpreneur-desk-(\d{8}T\d{6})(\d{3})?Z-([a-z-]+?)(?:-([0-9a-f]{6}))?\.sqlite(\.enc)?$/;

function parseName(name: string): { kind: BackupKind; createdAt: string; encrypted: boolean } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const kind = (m[3] in BACKUP_KINDS ? m[3] : 'manual') as BackupKind;
  const s = m[1];
  // The optional groups are undefined in names that lack them (`at` says so, indexing does not).
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${m.at(2) ?? '000'}Z`;
  return { kind, createdAt, encrypted: m.at(5) !== undefined };
}

/** The backup folder, private to the office PC's account (it holds every NIK and the office key). */
export function backupDir(dataDir: string): string {
  const dir = join(dataDir, BACKUP_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/** The office's backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_FOLDER);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    list.push({ file: join(dir, name), name, size: statSync(join(dir, name)).size, ...parsed });
  }
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** A name no other backup has: the instant to the millisecond plus random bytes, and the file reserved. */
function reserveFile(dir: string, nowIso: string, kind: BackupKind, suffix: string): { name: string; file: string } {
  const stamp = nowIso.replace(/[-:.]/g, '');
  for (;;) {
    const name = `${PREFIX}${stamp}-${kind}-${randomBytes(3).toString('hex')}.sqlite${suffix}`;
    const file = join(dir, name);
    try {
      // 'wx' fails when the name is taken; 0600 from the first byte on.
      closeSync(openSync(file, 'wx', 0o600));
      return { name, file };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export interface BackupOptions {
  kind?: BackupKind;
  /** Encrypts the backup (AES-256-GCM, key from the passphrase by scrypt); never stored. */
  passphrase?: string;
  passphraseCost?: ScryptCost;
  /** Runs just before the copy, e.g. to sign the audit chain's head into it. */
  beforeCopy?: () => Promise<void>;
}

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot even while
 * the office works) into a file only the office PC's account can read, then rotates that kind.
 * Must not run inside a transaction.
 */
export async function createBackup(sqlite: SQLite.Database, dataDir: string, nowIso: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const kind = options.kind ?? 'manual';
  const dir = backupDir(dataDir);
  await options.beforeCopy?.();
  const passphrase = options.passphrase ?? '';
  const encrypted = passphrase !== '';
  const target = reserveFile(dir, nowIso, kind, encrypted ? '.enc' : '');
  try {
    if (encrypted) {
      const plain = reserveFile(dir, nowIso, kind, '.tmp');
      try {
        await sqlite.backup(plain.file);
        rmSync(target.file);
        await encryptFile(plain.file, target.file, passphrase, options.passphraseCost ?? { logN: 17, r: 8, p: 1 });
      } finally {
        rmSync(plain.file, { force: true });
      }
    } else {
      await sqlite.backup(target.file);
      chmodSync(target.file, 0o600);
    }
  } catch (e) {
    rmSync(target.file, { force: true });
    throw e;
  }
  rotate(dataDir, kind);
  return { file: target.file, name: target.name, kind, size: statSync(target.file).size, createdAt: nowIso, encrypted };
}

/** Keeps the newest backups of one kind, as many as that kind keeps. */
function rotate(dataDir: string, kind: BackupKind) {
  for (const old of listBackups(dataDir)
    .filter((b) => b.kind === kind)
    .slice(BACKUP_KINDS[kind]))
    rmSync(old.file, { force: true });
}

/** One backup a day: taken when the app opens and the newest daily backup is older than a day. */
export async function dailyBackupIfDue(
  sqlite: SQLite.Database,
  dataDir: string,
  nowIso: string,
  options: Omit<BackupOptions, 'kind'> = {},
): Promise<BackupInfo | null> {
  const newest = listBackups(dataDir).find((b) => b.kind === 'harian');
  if (newest && Date.parse(nowIso) - Date.parse(newest.createdAt) < 24 * 3600_000) return null;
  return createBackup(sqlite, dataDir, nowIso, { ...options, kind: 'harian' });
}
