import { createHash } from 'node:crypto';

/**
 * The audit trail as a hash chain. Every entry carries the hash of the entry before it and its
 * own hash over its position and every stored column, so an entry edited, deleted or slipped in
 * with SQL tools (triggers dropped and put back) no longer links up. Signed checkpoints
 * (checkpoint.ts) pin the chain's head with the office key, so rewriting the whole chain after an
 * edit shows too. Format version 1; keep it stable: the chain of every office is hashed this way.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored columns of an entry, as text or null exactly as in the database. */
export interface AuditFields {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  method: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export interface ChainLink {
  seq: number;
  prev_hash: string;
  hash: string;
}

export type ChainedEntry = AuditFields & ChainLink;

/** SHA-256 over the previous hash and the entry's position and columns (a JSON array: unambiguous). */
export function entryHash(prevHash: string, seq: number, e: AuditFields): string {
  const canonical = JSON.stringify([1, seq, e.id, e.at, e.user_id, e.username, e.method, e.entity, e.entity_id, e.before, e.after]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Chains new entries onto the current head (null for an empty trail). */
export function chainEntries(head: { seq: number; hash: string } | null, entries: readonly AuditFields[]): ChainedEntry[] {
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  return entries.map((e) => {
    seq += 1;
    const hash = entryHash(prev, seq, e);
    const chained = { ...e, seq, prev_hash: prev, hash };
    prev = hash;
    return chained;
  });
}
