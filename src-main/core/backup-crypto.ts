import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { ScryptCost } from './auth/passwords';

/**
 * Encrypted backups: AES-256-GCM (authenticated: a changed or truncated file is refused, never
 * half-restored) with a key derived from the admin's passphrase by scrypt. The passphrase is
 * never stored; without it the backup cannot be read, by the office or anyone else.
 *
 * File layout (version 1):
 *   "JPDBAK1\n" (8 bytes) | logN, r, p (1 byte each) | salt (16) | iv (12) | ciphertext | tag (16)
 * The header is authenticated as additional data, so the cost or salt cannot be swapped either.
 */
export const ENCRYPTED_MAGIC = Buffer.from('JPDBAK1\n', 'ascii');
const HEADER_BYTES = ENCRYPTED_MAGIC.length + 3 + 16 + 12;
const TAG_BYTES = 16;

export class WrongPassphraseError extends Error {
  constructor() {
    super('Frasa sandi cadangan salah, atau berkas cadangan rusak.');
  }
}

function deriveKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 2 * 128 * cost.r * 2 ** cost.logN * cost.p + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFKC'), salt, 32, options, (e, key) => (e ? reject(e) : resolve(key))));
}

/** Whether a file starts like an encrypted backup. */
export function isEncryptedBackup(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(ENCRYPTED_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Encrypts `source` into `target` (created with mode 0600, never overwritten). */
export async function encryptFile(source: string, target: string, passphrase: string, cost: ScryptCost): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.concat([ENCRYPTED_MAGIC, Buffer.from([cost.logN, cost.r, cost.p]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, cost), iv);
  cipher.setAAD(header);
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  out.write(header);
  await pipeline(createReadStream(source), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Decrypts `source` into `target` (mode 0600); throws WrongPassphraseError when the tag fails. */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const size = statSync(source).size;
  if (size < HEADER_BYTES + TAG_BYTES) throw new WrongPassphraseError();
  const fd = openSync(source, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) throw new WrongPassphraseError();
  const at = ENCRYPTED_MAGIC.length;
  const cost = { logN: header[at], r: header[at + 1], p: header[at + 2] };
  if (cost.logN < 10 || cost.logN > 22 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 4) throw new WrongPassphraseError();
  const salt = header.subarray(at + 3, at + 19);
  const iv = header.subarray(at + 19, at + 31);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt, cost), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    );
  } catch (e) {
    if (e instanceof Error && /unable to authenticate|Unsupported state/i.test(e.message)) throw new WrongPassphraseError();
    throw e;
  }
}
