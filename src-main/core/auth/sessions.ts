import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Database, SessionUser } from '../api/registry';
import type { AppServices } from '../services';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const newToken = () => randomBytes(32).toString('base64url');

/** Starts a session; only the token's hash is stored, so a copied database grants no logins. */
export async function createSession(db: Kysely<DB>, userId: string, app: AppServices): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = app.clock.nowIso();
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now })
    .execute();
  return { token, csrfToken };
}

export interface ResolvedSession {
  user: SessionUser;
  csrfToken: string;
  /** An admin set this user's password: until they choose their own, only a few methods answer. */
  mustChangePassword: boolean;
}

export interface SessionLookup {
  session: ResolvedSession | null;
  /**
   * The write the lookup calls for, if any: deleting an expired session, or refreshing the
   * last-seen time (at most once a minute: a write per request would be wasted work). Left to
   * the caller so that the lookup itself only reads, on a reader connection.
   */
  upkeep: ((db: Database) => Promise<void>) | null;
}

/**
 * The session of a token, or null when it is unknown, idle for too long, older than the
 * absolute lifetime (whatever the activity: a stolen cookie stops working by the next working
 * day), or its user was deactivated (expired sessions are deleted by the upkeep).
 */
export async function lookupSession(db: Database, token: string | null | undefined, app: AppServices): Promise<SessionLookup> {
  if (!token || token.length > 200) return { session: null, upkeep: null };
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.created_at',
      'users.id',
      'users.username',
      'users.full_name',
      'users.role',
      'users.is_pendamping',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { session: null, upkeep: null };
  const now = app.clock.nowMs();
  const idleMs = now - Date.parse(row.last_seen_at);
  const ageMs = now - Date.parse(row.created_at);
  if (idleMs > app.security.sessionIdleMinutes * 60_000 || ageMs > app.security.sessionMaxHours * 3600_000 || row.active !== 1) {
    return {
      session: null,
      upkeep: (w) =>
        w
          .deleteFrom('sessions')
          .where('token_hash', '=', tokenHash)
          .execute()
          .then(() => undefined),
    };
  }
  const lastSeen = app.clock.nowIso();
  return {
    session: {
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password === 1,
      user: { id: row.id, username: row.username, fullName: row.full_name, role: row.role, isPendamping: row.is_pendamping === 1 },
    },
    upkeep:
      idleMs > 60_000
        ? (w) =>
            w
              .updateTable('sessions')
              .set({ last_seen_at: lastSeen })
              .where('token_hash', '=', tokenHash)
              .execute()
              .then(() => undefined)
        : null,
  };
}

/** lookupSession with its upkeep done on the same handle (which must be able to write). */
export async function resolveSession(db: Database, token: string | null | undefined, app: AppServices): Promise<ResolvedSession | null> {
  const { session, upkeep } = await lookupSession(db, token, app);
  if (upkeep) await upkeep(db);
  return session;
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function endSessionsOfUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
