import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { ReportSection, ValueType } from '../model';

/**
 * The package of a closed month: what the office reported upward, signed with the office's key.
 * Later a province server gathers the packages of every kecamatan, so the format is versioned,
 * documented in the README, and holds figures only (no member's name, NIK, address or phone).
 *
 * The signed file is JSON:
 *   { "format": "jpd-month-closing", "version": 1, "keyId": "<16 hex>",
 *     "signature": "<base64url Ed25519>", "package": "<the package, as JSON text>" }
 * The signature covers the UTF-8 bytes of "JPDM1\n" followed by the package text exactly as it
 * stands in the file, so nobody has to re-serialise JSON the same way to check it; the prefix
 * names the format and version and keeps the signature from being valid for anything else.
 */

export const PACKAGE_FORMAT = 'jpd-month-closing';
export const PACKAGE_VERSION = 1;
const SIGNED_PREFIX = 'JPDM1\n';

/** One figure of a closed month that changed afterwards, reported in a later month. */
export interface Correction {
  /** The closed month whose records changed, 'YYYY-MM'. */
  month: string;
  section: string;
  figure: string;
  label: string;
  type: ValueType;
  /** As reported until now (the closing, plus earlier corrections). */
  reported: number | null;
  corrected: number | null;
  /** corrected - reported; null when either is a share of nothing. */
  difference: number | null;
}

export interface PackageSummary {
  /** null: the whole kecamatan; else the kelurahan's Kemendagri code. */
  kelurahan: string | null;
  scopeLabel: string;
  sections: ReportSection[];
}

export interface ClosingPackage {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  office: { kecamatanKode: string; kecamatan: string; name: string };
  /** 'YYYY-MM' */
  month: string;
  monthLabel: string;
  /** ISO-8601 UTC instant of the closing. */
  closedAt: string;
  /** The office staff member who closed it, in that duty. */
  closedBy: { username: string; name: string; role: string };
  keyId: string;
  /** The kecamatan first, then each of its kelurahan. */
  summaries: PackageSummary[];
  /** Changes to earlier closed months found at this closing, reported in this month. */
  corrections: Correction[];
}

export interface SignedPackageFile {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  keyId: string;
  signature: string;
  package: string;
}

/** The package as text and its signature, ready to store. */
export function signPackage(pkg: ClosingPackage, privateKeyPem: string): { text: string; signature: string } {
  const text = JSON.stringify(pkg);
  const signature = sign(null, Buffer.from(SIGNED_PREFIX + text, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64url');
  return { text, signature };
}

/** The file a closed month travels as (download, or a province server's upload). */
export function packageFile(text: string, keyId: string, signature: string): string {
  const file: SignedPackageFile = { format: PACKAGE_FORMAT, version: PACKAGE_VERSION, keyId, signature, package: text };
  return JSON.stringify(file, null, 1);
}

export type PackageCheck = { ok: true; pkg: ClosingPackage } | { ok: false; message: string };

/** Checks a package file against the office keys a receiver knows; never throws. */
export function verifyPackageFile(fileText: string, publicKeyOf: (keyId: string) => string | undefined): PackageCheck {
  let file: Partial<SignedPackageFile>;
  try {
    file = JSON.parse(fileText) as Partial<SignedPackageFile>;
  } catch {
    return { ok: false, message: 'Berkas bukan paket bulan yang ditutup (bukan JSON).' };
  }
  if (
    file.format !== PACKAGE_FORMAT ||
    file.version !== PACKAGE_VERSION ||
    typeof file.package !== 'string' ||
    typeof file.signature !== 'string' ||
    typeof file.keyId !== 'string'
  ) {
    return { ok: false, message: `Berkas bukan paket ${PACKAGE_FORMAT} versi ${PACKAGE_VERSION}.` };
  }
  const pem = publicKeyOf(file.keyId);
  if (!pem) return { ok: false, message: `Kunci kantor ${file.keyId} tidak dikenal.` };
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(SIGNED_PREFIX + file.package, 'utf8'), createPublicKey(pem), Buffer.from(file.signature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, message: 'Tanda tangan tidak cocok: isi paket telah diubah atau tidak ditandatangani kantor tersebut.' };
  const pkg = JSON.parse(file.package) as ClosingPackage;
  if (pkg.keyId !== file.keyId) return { ok: false, message: 'Kunci dalam paket tidak sama dengan kunci penanda tangan.' };
  return { ok: true, pkg };
}
