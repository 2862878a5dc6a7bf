import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Offline-verifiable signatures for certificates (IUMK, training certificates).
 *
 * The QR code on a printed certificate carries `JPD1.<payload>.<signature>`:
 *  - `JPD1` names the format and its version; it is part of the signed bytes, so a signature
 *    cannot be replayed under another format version;
 *  - `<payload>` is base64url of compact JSON: `kid` (which office key signed) and flat
 *    string/number fields chosen by the document;
 *  - `<signature>` is base64url of the Ed25519 signature over `JPD1.<payload>`.
 * Anyone holding the office's public key can check a certificate without reaching the office.
 */

export interface SigningKey {
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

export type SignedPayload = Record<string, string | number>;

export type VerifyResult = { ok: true; payload: SignedPayload; kid: string } | { ok: false; reason: 'format' | 'unknown_key' | 'signature'; message: string };

const PREFIX = 'JPD1';
/** A QR code holds at most about 2.9 kB; anything longer did not come from one of ours. */
export const MAX_SIGNED_TEXT_LENGTH = 3000;
const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;
// Short ASCII field names keep the QR small and rule out '__proto__' and other surprises.
const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
const ED25519_SIGNATURE_BYTES = 64;

/** A new Ed25519 key pair for an office, with its key id. */
export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Key id: first 16 hex digits of SHA-256 over the raw 32-byte public key. Derived rather than
 * assigned, so the same key always has the same id in every office's database.
 */
export function keyIdOf(publicKeyPem: string): string {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('Kunci publik bukan kunci Ed25519.');
  }
  return createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

// Parsing a PEM key costs more than an Ed25519 signature: a batch of certificates reuses it.
let lastKey: { pem: string; key: KeyObject } | null = null;
function privateKeyOf(pem: string): KeyObject {
  if (lastKey?.pem !== pem) lastKey = { pem, key: createPrivateKey(pem) };
  return lastKey.key;
}

/** Signs a flat payload; the result is the text to put in the QR code. */
export function signPayload(payload: SignedPayload, key: Pick<SigningKey, 'keyId' | 'privateKeyPem'>): string {
  if (!KEY_ID_PATTERN.test(key.keyId)) throw new Error(`Key id tidak sah: ${key.keyId}`);
  for (const [field, value] of Object.entries(payload)) {
    if (field === 'kid') throw new Error('Field "kid" dipakai untuk key id dan tidak boleh ada di payload.');
    if (!isValidField(field, value)) throw new Error(`Field payload tidak sah: ${field}`);
  }
  const body = Buffer.from(JSON.stringify({ kid: key.keyId, ...payload }), 'utf8').toString('base64url');
  const signed = `${PREFIX}.${body}`;
  const signature = sign(null, Buffer.from(signed, 'ascii'), privateKeyOf(key.privateKeyPem));
  const text = `${signed}.${signature.toString('base64url')}`;
  // Refuse to print what the verifier would refuse to read.
  if (text.length > MAX_SIGNED_TEXT_LENGTH) throw new Error('Payload terlalu besar untuk kode QR.');
  return text;
}

/**
 * Checks a scanned text. Never throws: any input, however malformed or large, gives a result
 * with a reason and an Indonesian message for the person holding the certificate. A lookup
 * that throws or yields an unusable key is reported as an unknown key.
 */
export function verifySignedText(text: unknown, publicKeysById: (kid: string) => string | undefined): VerifyResult {
  try {
    return verifyUnsafe(text, publicKeysById);
  } catch {
    // Defence in depth: verifyUnsafe guards every step, but a verifier that throws on a hostile
    // QR code would be worse than one that calls it malformed.
    return formatError();
  }
}

function verifyUnsafe(text: unknown, publicKeysById: (kid: string) => string | undefined): VerifyResult {
  if (typeof text !== 'string' || text.length > MAX_SIGNED_TEXT_LENGTH) return formatError();
  // Scanner apps often append a newline; nothing else is forgiven.
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return formatError();
  const [, body, signaturePart] = parts;

  const payloadBytes = decodeBase64url(body);
  const signature = decodeBase64url(signaturePart);
  if (!payloadBytes || signature?.length !== ED25519_SIGNATURE_BYTES) return formatError();

  const fields = parseFields(payloadBytes);
  if (!fields) return formatError();
  const { kid, ...payload } = fields;
  if (typeof kid !== 'string' || !KEY_ID_PATTERN.test(kid)) return formatError();

  let publicKey;
  try {
    const pem = publicKeysById(kid);
    if (typeof pem !== 'string') return unknownKey(kid);
    publicKey = createPublicKey(pem);
  } catch {
    return unknownKey(kid);
  }
  // Any other key type would make verify() apply a different algorithm to the same bytes.
  if (publicKey.asymmetricKeyType !== 'ed25519') return unknownKey(kid);

  const signed = Buffer.from(`${PREFIX}.${body}`, 'ascii');
  if (!verify(null, signed, publicKey, signature)) {
    return {
      ok: false,
      reason: 'signature',
      message: 'Tanda tangan elektronik tidak cocok: isi kode QR telah diubah atau tidak ditandatangani oleh kantor tersebut.',
    };
  }
  return { ok: true, payload, kid };
}

/**
 * Hash of a NIK for the QR payload, so a lost certificate does not print the NIK in clear.
 * Salted with the signing key id (the `kid` in the same payload): a verifier who has the NIK in
 * hand recomputes `hashNik(nik, kid)` and compares. The salt defeats tables precomputed once for
 * every office and keeps the same person's hash different between offices; it does NOT stop a
 * determined guess of one certificate's NIK, whose structure (region, birth date, sequence)
 * leaves few enough candidates to try. Treat the hash as pseudonymous, not anonymous.
 * Spaces, dots and dashes typed into a NIK are ignored.
 */
export function hashNik(nik: string, salt = ''): string {
  const normalised = nik.replace(/[\s.-]/g, '');
  // The NUL separators keep ('ab','c') and ('a','bc') apart and tie the hash to this purpose.
  return createHash('sha256').update(`JPD-NIK\0${salt}\0${normalised}`, 'utf8').digest('hex');
}

function isValidField(field: string, value: unknown): value is string | number {
  if (!FIELD_PATTERN.test(field)) return false;
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Strict base64url: rejects padding, stray characters and non-canonical trailing bits. */
function decodeBase64url(part: string): Buffer | undefined {
  if (!BASE64URL_PATTERN.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

function parseFields(bytes: Buffer): Record<string, string | number> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([field, fieldValue]) => isValidField(field, fieldValue))) return undefined;
  return Object.fromEntries(entries);
}

function formatError(): VerifyResult {
  return {
    ok: false,
    reason: 'format',
    message: 'Kode QR tidak dikenali sebagai tanda tangan elektronik Jakpreneur Desk atau isinya rusak.',
  };
}

function unknownKey(kid: string): VerifyResult {
  return {
    ok: false,
    reason: 'unknown_key',
    message: `Kunci penanda tangan ${kid} tidak dikenal: dokumen diterbitkan kantor lain atau kuncinya belum didaftarkan.`,
  };
}

/** A public key as another office or the province keeps it: the PEM and the office it belongs to. */
export interface PublicKeyFile {
  publicKeyPem: string;
  keyId: string;
  officeName: string | null;
  kecamatanKode: string | null;
}

/**
 * The public key file an office hands out: a few header lines naming the office, then the PEM.
 * PEM readers ignore text before the BEGIN line, so the file also works as a plain PEM.
 */
export function formatPublicKeyFile(key: { publicKeyPem: string; officeName: string; kecamatanKode: string }): string {
  return [
    'Kunci publik tanda tangan elektronik Jakpreneur Desk',
    `Kantor: ${key.officeName.replace(/[\r\n]+/g, ' ')}`,
    `Kode kecamatan: ${key.kecamatanKode}`,
    `Key id: ${keyIdOf(key.publicKeyPem)}`,
    key.publicKeyPem.trim(),
    '',
  ].join('\n');
}

/** Reads a public key file (with or without the office header lines). Throws on anything but an Ed25519 key. */
export function parsePublicKeyFile(text: string): PublicKeyFile {
  const begin = text.indexOf('-----BEGIN PUBLIC KEY-----');
  const end = text.indexOf('-----END PUBLIC KEY-----');
  if (begin < 0 || end < begin) throw new Error('Berkas bukan kunci publik PEM.');
  const publicKeyPem = `${text.slice(begin, end + '-----END PUBLIC KEY-----'.length)}\n`;
  const header = text.slice(0, begin);
  const field = (name: string) => {
    const m = new RegExp(`^${name}:[ \\t]*(.+)$`, 'mi').exec(header);
    return m ? m[1].trim().slice(0, 160) : null;
  };
  const kecamatan = field('Kode kecamatan');
  return {
    publicKeyPem,
    keyId: keyIdOf(publicKeyPem),
    officeName: field('Kantor'),
    kecamatanKode: kecamatan && /^\d{2}\.\d{2}\.\d{2}$/.test(kecamatan) ? kecamatan : null,
  };
}
