import { randomBytes, scrypt as scryptCb, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { WorkContext } from '../api/registry';
import { defineTask } from '../work/task';

export interface ScryptCost {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB per hash). */
export const owaspScryptCost: ScryptCost = { logN: 17, r: 8, p: 1 };

const KEY_LENGTH = 32;

const scryptOptions = (cost: ScryptCost): ScryptOptions => ({
  N: 2 ** cost.logN,
  r: cost.r,
  p: cost.p,
  // Node's default limit (32 MiB) is below what N=2^17, r=8 needs (128 MiB).
  maxmem: 2 * 128 * cost.r * 2 ** cost.logN * cost.p + 1024 * 1024,
});

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, scryptOptions(cost), (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const stringify = (cost: ScryptCost, salt: Buffer, hash: Buffer) =>
  ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');

function parseStored(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  return {
    cost: { logN: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) },
    salt: Buffer.from(parts[4], 'base64'),
    expected: Buffer.from(parts[5], 'base64'),
  };
}

/** Stored form: scrypt$logN$r$p$salt$hash (base64), so the cost can rise without breaking old hashes. */
export async function hashPassword(password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(16);
  return stringify(cost, salt, await scrypt(password, salt, cost));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const s = parseStored(stored);
  if (!s) return false;
  const actual = await scrypt(password, s.salt, s.cost);
  return actual.length === s.expected.length && timingSafeEqual(actual, s.expected);
}

// In the worker pool the hash runs synchronously: the pool's size, not libuv's thread pool,
// then bounds how many 128 MiB hashes run at once, and a core stays free for the office.

export const hashPasswordTask = defineTask('auth.hashPassword', () =>
  Promise.resolve((input: { password: string; cost: ScryptCost }) => {
    const salt = randomBytes(16);
    return stringify(input.cost, salt, scryptSync(input.password.normalize('NFKC'), salt, KEY_LENGTH, scryptOptions(input.cost)));
  }),
);

export const verifyPasswordTask = defineTask('auth.verifyPassword', () =>
  Promise.resolve((input: { password: string; stored: string }) => {
    const s = parseStored(input.stored);
    if (!s) return false;
    const actual = scryptSync(input.password.normalize('NFKC'), s.salt, KEY_LENGTH, scryptOptions(s.cost));
    return actual.length === s.expected.length && timingSafeEqual(actual, s.expected);
  }),
);

/** Hashes a new password at the office's cost in the worker pool (a prepare phase's work). */
export const hashNewPassword = (ctx: WorkContext, password: string) => ctx.work(hashPasswordTask, { password, cost: ctx.app.security.passwordCost });
