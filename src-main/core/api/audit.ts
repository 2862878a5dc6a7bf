import type { Database, SessionUser } from './registry';
import type { AppServices } from '../services';
import { insertRows } from '../db/compiled';

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

export async function writeAudit(
  db: Database,
  app: AppServices,
  entry: { user: SessionUser | null; method: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await insertRows(db, 'audit_log', [
    {
      id: app.newId(),
      at: app.clock.nowIso(),
      user_id: entry.user?.id ?? null,
      username: entry.user?.username ?? null,
      method: entry.method,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  ]);
}
