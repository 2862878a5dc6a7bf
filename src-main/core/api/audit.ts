import type { Database, SessionUser } from './registry';
import type { AppServices } from '../services';
import { appendAudit } from '../audit/append';
import type { AuditFields } from '../audit/chain';
import { crossesCheckpoint, writeCheckpoint } from '../audit/checkpoint';

// Secrets never reach the audit trail, whatever the handler passes.
const SECRET_KEYS = new Set(['password', 'newPassword', 'currentPassword', 'password_hash', 'private_key', 'privateKey', 'privateKeyPem']);

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[disembunyikan]' : redact(v)]));
  }
  return value;
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(redact(v)));

/** Builds an entry's stored columns; secrets are redacted whatever the caller passes. */
export function auditFields(
  app: Pick<AppServices, 'newId' | 'clock'>,
  entry: { user: Pick<SessionUser, 'id' | 'username'> | null; method: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
): AuditFields {
  return {
    id: app.newId(),
    at: app.clock.nowIso(),
    user_id: entry.user?.id ?? null,
    username: entry.user?.username ?? null,
    method: entry.method,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
}

/**
 * Appends entries to the audit chain in the caller's transaction, and signs a checkpoint in
 * the same transaction whenever the chain passes another CHECKPOINT_EVERY entries.
 */
export async function appendAuditEntries(db: Database, app: Pick<AppServices, 'newId' | 'clock'>, entries: AuditFields[]): Promise<void> {
  const head = await appendAudit(db, entries);
  if (head && crossesCheckpoint(head.seq - entries.length, head.seq)) {
    await writeCheckpoint(db, { newId: app.newId, nowIso: app.clock.nowIso() }, 'periodic');
  }
}

export async function writeAudit(
  db: Database,
  app: AppServices,
  entry: { user: SessionUser | null; method: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await appendAuditEntries(db, app, [auditFields(app, entry)]);
}
