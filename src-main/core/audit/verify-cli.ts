import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { verifyAuditTrail } from './verify';

const DATABASE_FILE = 'jakpreneur-desk.sqlite';

export interface AuditCliIo {
  out(line: string): void;
  defaultDataDir(): string;
}

/**
 * `verify --audit [--data-dir DIR | --file DB]`: checks the audit chain and its signed
 * checkpoints of an office database (opened read-only). Exit code 0 when intact, 1 when an
 * entry was edited, deleted or inserted outside the app (the first one is named), 2 for a
 * usage error.
 */
export function runAuditVerifyCli(args: string[], io: AuditCliIo): number {
  let values;
  try {
    values = parseArgs({ args, options: { audit: { type: 'boolean' }, 'data-dir': { type: 'string' }, file: { type: 'string' } } }).values;
  } catch (e) {
    io.out(`Argumen tidak dikenal: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const file = values.file ?? join(values['data-dir'] ?? io.defaultDataDir(), DATABASE_FILE);
  if (!existsSync(file)) {
    io.out(`Basis data kantor tidak ditemukan: ${file}. Berikan --data-dir FOLDER.`);
    return 2;
  }
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const v = verifyAuditTrail(db);
    io.out(`Jejak audit: ${file}`);
    io.out(`${v.entries} entri, ${v.checkpoints} titik periksa bertanda tangan; ${v.unsigned} entri terakhir belum tercakup titik periksa.`);
    if (v.ok) {
      io.out('UTUH: rantai hash dan tanda tangan titik periksa cocok.');
      return 0;
    }
    io.out(`RUSAK: ${v.problems[0].message}`);
    for (const p of v.problems.slice(1)) io.out(`  juga: ${p.message}`);
    return 1;
  } catch (e) {
    io.out(`Pemeriksaan gagal: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    db?.close();
  }
}
