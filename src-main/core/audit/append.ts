import type SQLite from 'better-sqlite3';
import type { Database } from '../api/registry';
import { executeCompiled, insertRows } from '../db/compiled';
import { chainEntries, type AuditFields } from './chain';

/**
 * Appends entries to the audit chain in the caller's write transaction: the head is read and
 * the new entries inserted on the one writer connection, so no other call can slip between.
 * A call that rolls back takes its entries with it, and the next call chains onto what stayed.
 */
export async function appendAudit(db: Database, entries: readonly AuditFields[]): Promise<{ seq: number; hash: string } | null> {
  if (entries.length === 0) return null;
  if (!db.isTransaction) {
    // Outside a transaction the head could move between the read and the insert.
    return db.transaction().execute((trx) => appendAudit(trx, entries));
  }
  // An empty log has no head: the first entry chains onto the genesis hash.
  const head = (
    await executeCompiled(db, 'auditHead', [1], () => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).compile())
  ).rows.at(0);
  const rows = chainEntries(head ?? null, entries);
  for (let i = 0; i < rows.length; i += 200) await insertRows(db, 'audit_log', rows.slice(i, i + 200));
  const last = rows[rows.length - 1];
  return { seq: last.seq, hash: last.hash };
}

/** The same for code on the raw connection (the demo's bulk writer); call it inside its transaction. */
export function appendAuditSync(sqlite: SQLite.Database, entries: readonly AuditFields[]): void {
  const head = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
  const insert = sqlite.prepare(
    'insert into audit_log (seq, id, at, user_id, username, method, entity, entity_id, before, after, prev_hash, hash) values (@seq, @id, @at, @user_id, @username, @method, @entity, @entity_id, @before, @after, @prev_hash, @hash)',
  );
  for (const row of chainEntries(head ?? null, entries)) insert.run(row);
}
