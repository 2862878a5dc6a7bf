import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, chmodSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError } from './api/errors';
import type { Phrase } from '../../src-shared/i18n';
import { verifyAuditTrail } from './audit/verify';
import { decryptFile, isEncryptedBackup, WrongPassphraseError } from './backup-crypto';
import type { Migration } from './db/migrations';

/**
 * Restoring a backup, in steps that keep the office's data safe whatever fails:
 *  1. stage: a private copy next to the database (decrypted when the backup is encrypted);
 *  2. check the copy: SQLite's integrity_check, a migration history this build knows, a set-up
 *     office, an intact audit chain;
 *  3. (the caller backs up the current database and closes its connections);
 *  4. swap: flush the copy to disk, rename it over the database in one step, drop the old WAL
 *     files, flush the folder. A crash at any point leaves either the old or the new database.
 */

export interface StagedRestore {
  file: string;
  officeKeyId: string;
  officeName: string;
  schemaVersion: number;
  auditEntries: number;
  discard(): void;
}

const NOT_OURS: Phrase = { id: 'Berkas cadangan: bukan basis data Jakpreneur Desk.', en: 'Backup file: not a Jakpreneur Desk database.' };
const fail = (message: Phrase) => new AppError('bad_input', message, { name: message });

/** Steps 1 and 2. Throws an AppError naming what is wrong with the backup; leaves nothing behind. */
export async function stageRestore(source: string, databaseFile: string, migrations: readonly Migration[], passphrase?: string): Promise<StagedRestore> {
  const file = `${databaseFile}.pemulihan-${randomBytes(4).toString('hex')}`;
  const discard = () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
  };
  try {
    let encrypted: boolean;
    try {
      encrypted = isEncryptedBackup(source);
    } catch {
      throw fail({ id: 'Berkas cadangan: tidak ditemukan atau tidak dapat dibaca.', en: 'Backup file: not found or cannot be read.' });
    }
    if (encrypted) {
      if (!passphrase) {
        throw new AppError(
          'bad_input',
          { id: 'Frasa sandi: cadangan ini terenkripsi, masukkan frasa sandinya.', en: 'Passphrase: this backup is encrypted, enter its passphrase.' },
          { passphrase: { id: 'Frasa sandi: wajib untuk cadangan terenkripsi', en: 'Passphrase: required for an encrypted backup' } },
        );
      }
      try {
        await decryptFile(source, file, passphrase);
      } catch (e) {
        if (e instanceof WrongPassphraseError) {
          const message = { id: `Frasa sandi: ${e.message}`, en: 'Passphrase: wrong passphrase, or the backup file is damaged.' };
          throw new AppError('bad_input', message, { passphrase: message });
        }
        throw e;
      }
    } else {
      copyFileSync(source, file);
      chmodSync(file, 0o600);
    }
    const checked = checkDatabase(file, migrations);
    return { file, ...checked, discard };
  } catch (e) {
    discard();
    throw e;
  }
}

function checkDatabase(file: string, migrations: readonly Migration[]): Omit<StagedRestore, 'file' | 'discard'> {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
    db.pragma('schema_version');
  } catch {
    throw fail(NOT_OURS);
  }
  try {
    let integrity: string[];
    try {
      // Whatever file was given: its answer is checked, not trusted.
      integrity = (db.pragma('integrity_check') as { integrity_check: unknown }[]).map((r) => String(r.integrity_check));
    } catch {
      throw fail(NOT_OURS);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok')
      throw fail({
        id: `Berkas cadangan: rusak (pemeriksaan integritas SQLite: ${integrity.slice(0, 3).join('; ')}).`,
        en: `Backup file: damaged (SQLite integrity check: ${integrity.slice(0, 3).join('; ')}).`,
      });
    const table = (name: string) => db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
    if (!table('schema_migrations'))
      throw fail({
        id: 'Berkas cadangan: bukan basis data Jakpreneur Desk (tidak ada riwayat skema).',
        en: 'Backup file: not a Jakpreneur Desk database (no schema history).',
      });
    const history = db.prepare('select version, name from schema_migrations order by version').all() as { version: number; name: string }[];
    if (history.length > migrations.length)
      throw fail({
        id: `Berkas cadangan: dibuat oleh versi aplikasi yang lebih baru (skema ${history.length}, aplikasi ini ${migrations.length}).`,
        en: `Backup file: written by a newer version of the app (schema ${history.length}, this app ${migrations.length}).`,
      });
    history.forEach((row, i) => {
      if (row.version !== i + 1 || migrations[i].name !== row.name) {
        throw fail({
          id: `Berkas cadangan: riwayat skemanya berbeda dari aplikasi ini (versi ${row.version}: ${row.name}).`,
          en: `Backup file: its schema history differs from this app's (version ${row.version}: ${row.name}).`,
        });
      }
    });
    const office = table('office') ? (db.prepare('select key_id, name from office limit 1').get() as { key_id: string; name: string } | undefined) : undefined;
    if (!office) throw fail({ id: 'Berkas cadangan: kantor di dalamnya belum disiapkan.', en: 'Backup file: the office in it was never set up.' });
    const chained = (db.prepare("select count(*) as n from pragma_table_info('audit_log') where name = 'hash'").get() as { n: number }).n > 0;
    let auditEntries = 0;
    if (chained) {
      const verdict = verifyAuditTrail(db);
      if (!verdict.ok) {
        // The verifier's own words are the forensic record (npm run verify -- --audit prints them).
        const at = verdict.problems[0].seq === null ? verdict.problems[0].id : `#${verdict.problems[0].seq}`;
        throw fail({
          id: `Berkas cadangan: jejak auditnya tidak utuh. ${verdict.problems[0].message}`,
          en: `Backup file: its audit trail is not intact from entry ${at} on (npm run verify -- --audit names the problem).`,
        });
      }
      auditEntries = verdict.entries;
    }
    return { officeKeyId: office.key_id, officeName: office.name, schemaVersion: history.length, auditEntries };
  } finally {
    db.close();
  }
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a folder; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}

/** Step 4: the staged copy becomes the database. Call with every connection to it closed. */
export function swapIntoPlace(staged: StagedRestore, databaseFile: string): void {
  fsyncPath(staged.file);
  renameSync(staged.file, databaseFile);
  // The old database's write-ahead log must not be replayed onto the restored one.
  for (const f of [`${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(f, { force: true });
  fsyncPath(dirname(databaseFile));
}
