import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../core/db/schema';
import { parsePublicKeyFile } from '../../core/signing';
import { jakartaDate } from '../../core/clock';
import {
  checkCertificateText,
  extractSignedTextsFromPdf,
  MAX_PDF_BYTES,
  parseHolderNik,
  type CertificateCheck,
  type CertificateRecord,
  type IssuerKey,
} from './verify';
import { certificateRegisters, isRegisteredKind } from './verify-records';

const DATABASE_FILE = 'jakpreneur-desk.sqlite';

export interface VerifyCliIo {
  out(line: string): void;
  defaultDataDir(): string;
  /** Now, for certificates with an end date (injected: the rule never reads the system clock). */
  nowIso(): string;
}

/**
 * `verify <file.pdf | text> [--nik NIK] [--data-dir DIR] [--key other-office.pem ...]`: checks the
 * signed QR text of certificates offline, and with --nik whether the holder's NIK (or its last 6
 * digits) matches. This office's key and register come from its database (opened read-only);
 * other offices' public keys from --key files (which name their office). Prints one verdict per
 * certificate found and returns the exit code: 0 when every certificate is valid, in force and
 * (when asked) of that person, 1 otherwise, 2 for a usage error. Never throws on bad input.
 */
export function runVerifyCli(args: string[], io: VerifyCliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, key: { type: 'string', multiple: true }, nik: { type: 'string' } },
    });
  } catch (e) {
    io.out(`Argumen tidak dikenal: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const target = parsed.positionals.join(' ').trim();
  if (!target) {
    io.out(
      'Pemakaian: npm run verify -- <berkas.pdf atau teks kode QR> [--nik NIK atau 6 angka terakhirnya] [--data-dir FOLDER] [--key kunci-kantor-lain.pem]',
    );
    return 2;
  }
  const nik = parsed.values.nik;
  if (nik !== undefined && !parseHolderNik(nik)) {
    io.out('--nik: isi 16 angka NIK pemegang atau 6 angka terakhirnya.');
    return 2;
  }

  const keys = new Map<string, IssuerKey>();
  for (const file of parsed.values.key ?? []) {
    try {
      const key = parsePublicKeyFile(readFileSync(file, 'utf8'));
      keys.set(key.keyId, { pem: key.publicKeyPem, officeName: key.officeName, kecamatanKode: key.kecamatanKode });
    } catch {
      io.out(`Kunci publik tidak dapat dibaca: ${file} (harus berkas PEM kunci Ed25519).`);
      return 2;
    }
  }

  let ownKeyId: string | null = null;
  let findRecord: ((kind: string, n: string) => CertificateRecord | undefined) | undefined;
  let db: SQLite.Database | null = null;
  const dataDir = parsed.values['data-dir'] ?? io.defaultDataDir();
  const dbFile = join(dataDir, DATABASE_FILE);
  try {
    if (existsSync(dbFile)) {
      db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
      const office = db.prepare('select key_id, public_key, name, kecamatan_kode from office limit 1').get() as
        { key_id: string; public_key: string; name: string; kecamatan_kode: string } | undefined;
      if (office) {
        ownKeyId = office.key_id;
        keys.set(office.key_id, { pem: office.public_key, officeName: office.name, kecamatanKode: office.kecamatan_kode });
        // The same register queries as the app's, compiled by Kysely and run on the read-only file;
        // a register an older database does not have yet is simply not consulted.
        const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: db }) });
        const lookups = new Map<string, SQLite.Statement>();
        for (const [kind, register] of Object.entries(certificateRegisters)) {
          if (db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(register.table)) {
            lookups.set(kind, db.prepare(register.query(compiler, '?').compile().sql));
          }
        }
        findRecord = (kind, n) => {
          const row: unknown = lookups.get(kind)?.get(n);
          return row && isRegisteredKind(kind) ? certificateRegisters[kind].toRecord(row) : undefined;
        };
        io.out(`Basis data kantor: ${dbFile} (kunci ${office.key_id})`);
      }
    } else if (keys.size === 0) {
      io.out(`Basis data kantor tidak ditemukan di ${dataDir}; berikan --data-dir atau --key.`);
    }

    let texts: string[];
    let source: string;
    if (looksLikeFile(target)) {
      const size = statSync(target).size;
      if (size > MAX_PDF_BYTES) {
        io.out(`TIDAK SAH: berkas ${target} terlalu besar untuk surat izin.`);
        return 1;
      }
      texts = extractSignedTextsFromPdf(readFileSync(target));
      source = target;
      if (texts.length === 0) {
        io.out(`TIDAK SAH: tidak ada kode verifikasi Jakpreneur Desk di ${target}.`);
        return 1;
      }
    } else if (/\.pdf$/i.test(target) || (/[\\/]/.test(target) && !target.startsWith('JPD1.'))) {
      io.out(`Berkas tidak ditemukan: ${target}.`);
      return 2;
    } else {
      texts = [target];
      source = 'teks';
    }
    io.out(`Memeriksa ${texts.length} kode dari ${source}:`);
    let allGood = true;
    for (const [i, text] of texts.entries()) {
      const result: CertificateCheck = checkCertificateText(text, {
        keyById: (kid) => keys.get(kid),
        ownKeyId,
        findRecord,
        nik,
        today: jakartaDate(io.nowIso()),
      });
      io.out(`${texts.length > 1 ? `${i + 1}. ` : ''}${result.verdict}`);
      if (!result.good) allGood = false;
    }
    return allGood ? 0 : 1;
  } catch (e) {
    io.out(`Pemeriksaan gagal: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    db?.close();
  }
}

function looksLikeFile(target: string): boolean {
  if (target.startsWith('JPD1.')) return false;
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}
