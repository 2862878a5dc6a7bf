import { createHash } from 'node:crypto';
import type { Database } from '../api/registry';

/**
 * Throttling of password guesses, per subject (the account typed) AND per client address.
 *
 * - A failure slows the next try from the same address for the same account (increasing
 *   delays), and after `maxFailures` locks that pair for `lockoutMinutes`. The lock belongs to
 *   the address that failed: someone guessing at another PC cannot lock the admin out of the
 *   office PC.
 * - An address that fails across many accounts (password spraying) is slowed, then locked as a
 *   whole.
 * - A refused try is answered at once, without checking the password: the waiting is the
 *   attacker's, the server spends nothing on it and holds nothing.
 *
 * Pure rules (`afterFailure`, `verdict`) apart from the two queries (`checkThrottle`,
 * `recordFailure`), so the phases around them can move without touching the rules.
 */
export interface ThrottleSettings {
  /** Failures of one account from one address before it is locked there. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Failures of one account from one address before each further try waits (2 s, 4 s, ...). */
  delayAfter: number;
  /** Failures from one address over all accounts before the address is slowed, and locked. */
  addressDelayAfter: number;
  addressMaxFailures: number;
  /** A pair's failures are forgotten after this long without a new one. */
  windowMinutes: number;
}

export const defaultThrottle: ThrottleSettings = {
  maxFailures: 5,
  lockoutMinutes: 15,
  delayAfter: 2,
  addressDelayAfter: 10,
  addressMaxFailures: 30,
  windowMinutes: 15,
};

/**
 * The subject of a login: the account, or, for a name that is no account, a hash of it (people
 * type passwords into the name box; those are not kept).
 */
export const loginSubject = (user: { id: string } | undefined, typed: string) =>
  user ? `user:${user.id}` : `unknown:${createHash('sha256').update(typed).digest('hex').slice(0, 32)}`;

/** The subject of password-change guesses, apart from the login of the same account. */
export const changeSubject = (userId: string) => `change:${userId}`;
const ADDRESS_SUBJECT = '*';

export interface ThrottleRow {
  failures: number;
  lastFailureMs: number;
  nextAllowedMs: number | null;
  lockedUntilMs: number | null;
}

export type Verdict = { allowed: true } | { allowed: false; locked: boolean; untilMs: number };

/** Whether a try may go ahead now, given the pair's and the address's rows: the longest wait wins. */
export function verdict(rows: (ThrottleRow | null)[], nowMs: number): Verdict {
  let until = 0;
  let locked = false;
  for (const r of rows) {
    if (!r) continue;
    for (const t of [r.lockedUntilMs, r.nextAllowedMs]) if (t !== null && t > nowMs && t > until) until = t;
    if (r.lockedUntilMs !== null && r.lockedUntilMs > nowMs) locked = true;
  }
  return until > nowMs ? { allowed: false, locked, untilMs: until } : { allowed: true };
}

/** The row after one more failure: counted within the window, delayed, locked at the limit. */
export function afterFailure(
  prev: ThrottleRow | null,
  nowMs: number,
  limits: { delayAfter: number; maxFailures: number; lockoutMinutes: number; windowMinutes: number },
): ThrottleRow {
  const fresh = !prev || nowMs - prev.lastFailureMs > limits.windowMinutes * 60_000 || (prev.lockedUntilMs !== null && prev.lockedUntilMs <= nowMs);
  const failures = (fresh ? 0 : prev.failures) + 1;
  if (failures >= limits.maxFailures) return { failures: 0, lastFailureMs: nowMs, nextAllowedMs: null, lockedUntilMs: nowMs + limits.lockoutMinutes * 60_000 };
  const over = failures - limits.delayAfter;
  // 2 s, 4 s, 8 s ... at most a minute between tries.
  const nextAllowedMs = over > 0 ? nowMs + Math.min(60_000, 1000 * 2 ** over) : null;
  return { failures, lastFailureMs: nowMs, nextAllowedMs, lockedUntilMs: null };
}

const toRow = (
  r: { failures: number; last_failure_at: string; next_allowed_at: string | null; locked_until: string | null } | undefined,
): ThrottleRow | null =>
  r
    ? {
        failures: r.failures,
        lastFailureMs: Date.parse(r.last_failure_at),
        nextAllowedMs: r.next_allowed_at ? Date.parse(r.next_allowed_at) : null,
        lockedUntilMs: r.locked_until ? Date.parse(r.locked_until) : null,
      }
    : null;

const isoAt = (ms: number) => new Date(ms).toISOString();
const iso = (ms: number | null) => (ms === null ? null : isoAt(ms));

async function load(db: Database, subject: string, address: string) {
  return toRow(await db.selectFrom('login_throttle').selectAll().where('subject', '=', subject).where('address', '=', address).executeTakeFirst());
}

async function save(db: Database, subject: string, address: string, row: ThrottleRow) {
  const values = {
    failures: row.failures,
    last_failure_at: isoAt(row.lastFailureMs),
    next_allowed_at: iso(row.nextAllowedMs),
    locked_until: iso(row.lockedUntilMs),
  };
  await db
    .insertInto('login_throttle')
    .values({ subject, address, ...values })
    .onConflict((oc) => oc.columns(['subject', 'address']).doUpdateSet(values))
    .execute();
}

/** Whether `subject` may try a password from `address` now. */
export async function checkThrottle(db: Database, subject: string, address: string, nowMs: number): Promise<Verdict> {
  return verdict([await load(db, subject, address), await load(db, ADDRESS_SUBJECT, address)], nowMs);
}

export interface FailureOutcome {
  /** Tries left from this address before the lock, 0 when locked now. */
  remaining: number;
  locked: boolean;
  untilMs: number | null;
}

/** Counts a wrong password for the pair and the address; write it in a transaction that commits. */
export async function recordFailure(db: Database, subject: string, address: string, nowMs: number, s: ThrottleSettings): Promise<FailureOutcome> {
  const pair = afterFailure(await load(db, subject, address), nowMs, s);
  const whole = afterFailure(await load(db, ADDRESS_SUBJECT, address), nowMs, {
    delayAfter: s.addressDelayAfter,
    maxFailures: s.addressMaxFailures,
    lockoutMinutes: s.lockoutMinutes,
    windowMinutes: s.windowMinutes,
  });
  await save(db, subject, address, pair);
  await save(db, ADDRESS_SUBJECT, address, whole);
  // Rows past their window and lock count for nothing: keep the table small.
  const stale = isoAt(nowMs - s.windowMinutes * 60_000);
  const now = isoAt(nowMs);
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', stale)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  const locked = pair.lockedUntilMs !== null || whole.lockedUntilMs !== null;
  return { remaining: locked ? 0 : s.maxFailures - pair.failures, locked, untilMs: pair.lockedUntilMs ?? whole.lockedUntilMs };
}

/** A right password from this address: its count for this account starts again. */
export async function recordSuccess(db: Database, subject: string, address: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('subject', '=', subject).where('address', '=', address).execute();
}

/** The admin's unlock: every address's count and lock for these subjects go. */
export async function clearThrottle(db: Database, subjects: string[]): Promise<void> {
  if (subjects.length) await db.deleteFrom('login_throttle').where('subject', 'in', subjects).execute();
}

/** The latest lock on a subject from any address, for the user list (null when none is running). */
export async function lockedUntil(db: Database, subject: string, nowMs: number): Promise<string | null> {
  const r = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('subject', '=', subject)
    .where('locked_until', '>', new Date(nowMs).toISOString())
    .orderBy('locked_until', 'desc')
    .executeTakeFirst();
  return r?.locked_until ?? null;
}

/** IPv4 clients of a dual-stack server arrive as ::ffff:a.b.c.d; one address, one spelling. */
export function normaliseAddress(address: string | null | undefined): string {
  if (!address) return 'tidak-diketahui';
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (v4 ? v4[1] : address).toLowerCase().slice(0, 64);
}
