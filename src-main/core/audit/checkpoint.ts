import type { Database } from '../api/registry';
import { signPayload } from '../signing';

/**
 * A checkpoint pins the audit chain's head (its position and hash) under the office's Ed25519
 * signature. Whoever edits old entries and recomputes every hash after them still cannot
 * produce the signatures of the checkpoints they passed without the office key, and a tail cut
 * off after a checkpoint shows as a checkpoint pointing past the end of the chain.
 *
 * Written every CHECKPOINT_EVERY entries (in the transaction that reaches the count), before
 * every backup (so each backup carries the signed head of its chain) and after a restore.
 */
export const CHECKPOINT_EVERY = 100;

export type CheckpointReason = 'periodic' | 'backup' | 'restore';

/** The signed text's payload type, so an audit checkpoint cannot pass for a certificate. */
export const CHECKPOINT_TYPE = 'audit-checkpoint';

/** True when appending from `fromSeq` (exclusive) to `toSeq` passed a multiple of CHECKPOINT_EVERY. */
export const crossesCheckpoint = (fromSeq: number, toSeq: number) => Math.floor(toSeq / CHECKPOINT_EVERY) > Math.floor(fromSeq / CHECKPOINT_EVERY);

/**
 * Signs the chain's current head, unless it is empty or already signed at this position.
 * Call inside a write transaction (or on the plain handle, which wraps one).
 */
export async function writeCheckpoint(
  db: Database,
  ids: { newId(): string; nowIso: string },
  reason: CheckpointReason,
): Promise<{ seq: number; hash: string } | null> {
  if (!db.isTransaction) return db.transaction().execute((trx) => writeCheckpoint(trx, ids, reason));
  const office = await db.selectFrom('office').select(['key_id', 'private_key']).executeTakeFirst();
  if (!office) return null; // before setup nothing is signed: there is no office key yet
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head) return null;
  const last = await db.selectFrom('audit_checkpoints').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last?.seq === head.seq && reason === 'periodic') return head;
  const signed = signPayload(
    { t: CHECKPOINT_TYPE, seq: head.seq, hash: head.hash, at: ids.nowIso, reason },
    { keyId: office.key_id, privateKeyPem: office.private_key },
  );
  await db.insertInto('audit_checkpoints').values({ id: ids.newId(), seq: head.seq, at: ids.nowIso, reason, key_id: office.key_id, signed }).execute();
  return head;
}
