import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { keyIdOf } from '../../core/signing';
import { checkCertificateText, extractSignedTextsFromPdf, MAX_PDF_BYTES, type CertificateCheck, type PermitRecord } from './verify';

const DATABASE_FILE = 'jakpreneur-desk.sqlite';

export interface VerifyCliIo {
  out(line: string): void;
  defaultDataDir(): string;
}

/**
 * `verify <file.pdf | text> [--data-dir DIR] [--key other-office.pem ...]`: checks the signed
 * QR text of IUMK certificates offline. This office's key and permit register come from its
 * database (opened read-only); other offices' public keys from --key files. Prints one verdict
 * per certificate found and returns the exit code: 0 when every certificate is valid and not
 * revoked, 1 otherwise, 2 for a usage error. Never throws on bad input.
 */
export function runVerifyCli(args: string[], io: VerifyCliIo): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, key: { type: 'string', multiple: true } } });
  } catch (e) {
    io.out(`Argumen tidak dikenal: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const target = parsed.positionals.join(' ').trim();
  if (!target) {
    io.out('Pemakaian: npm run verify -- <berkas.pdf atau teks kode QR> [--data-dir FOLDER] [--key kunci-kantor-lain.pem]');
    return 2;
  }

  const keys = new Map<string, string>();
  for (const file of parsed.values.key ?? []) {
    try {
      const pem = readFileSync(file, 'utf8');
      keys.set(keyIdOf(pem), pem);
    } catch {
      io.out(`Kunci publik tidak dapat dibaca: ${file} (harus berkas PEM kunci Ed25519).`);
      return 2;
    }
  }

  let ownKeyId: string | null = null;
  let findPermit: ((n: string) => PermitRecord | undefined) | undefined;
  let db: SQLite.Database | null = null;
  const dataDir = parsed.values['data-dir'] ?? io.defaultDataDir();
  const dbFile = join(dataDir, DATABASE_FILE);
  try {
    if (existsSync(dbFile)) {
      db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
      const office = db.prepare('select key_id, public_key from office limit 1').get() as { key_id: string; public_key: string } | undefined;
      if (office) {
        ownKeyId = office.key_id;
        keys.set(office.key_id, office.public_key);
        const hasPermits = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'permits'").get();
        if (hasPermits) {
          const stmt = db.prepare(
            `select p.number, p.status, b.name as businessName, p.issued_on as issuedOn, p.revoked_reason as revokedReason, p.revoked_on as revokedOn
             from permits p join businesses b on b.id = p.business_id where p.number = ?`,
          );
          findPermit = (n) => stmt.get(n) as PermitRecord | undefined;
        }
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
    } else if (/\.pdf$/i.test(target) || /[\\/]/.test(target) && !target.startsWith('JPD1.')) {
      io.out(`Berkas tidak ditemukan: ${target}.`);
      return 2;
    } else {
      texts = [target];
      source = 'teks';
    }
    io.out(`Memeriksa ${texts.length} kode dari ${source}:`);
    let allGood = true;
    texts.forEach((text, i) => {
      const result: CertificateCheck = checkCertificateText(text, { keyById: (kid) => keys.get(kid), ownKeyId, findPermit });
      io.out(`${texts.length > 1 ? `${i + 1}. ` : ''}${result.verdict}`);
      if (!result.signatureValid || result.record?.state === 'dicabut' || result.record?.state === 'tidak_ditemukan') allGood = false;
    });
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
