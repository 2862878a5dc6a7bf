import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen: a migration describes the schema as it was when written. Never edit it once released.

/** Chain format 1, copied here so that this migration never changes with the app's code. */
function entryHash(prevHash: string, seq: number, e: Record<string, unknown>): string {
  const canonical = JSON.stringify([1, seq, e.id, e.at, e.user_id, e.username, e.method, e.entity, e.entity_id, e.before, e.after]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export async function up(db: Kysely<any>): Promise<void> {
  // 1. The audit trail becomes a hash chain: position, the previous entry's hash, its own hash.
  await db.schema.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  // Existing entries are chained in the order they were written; the triggers step aside for it.
  await sql`drop trigger audit_log_no_update`.execute(db);
  let prev = '0'.repeat(64);
  let seq = 0;
  const rows = await sql<Record<string, unknown>>`select rowid as rid, * from audit_log order by at, rowid`.execute(db);
  for (const r of rows.rows) {
    seq += 1;
    const hash = entryHash(prev, seq, r);
    await sql`update audit_log set seq = ${seq}, prev_hash = ${prev}, hash = ${hash} where rowid = ${r.rid}`.execute(db);
    prev = hash;
  }
  await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await db.schema.createIndex('audit_seq').unique().on('audit_log').column('seq').execute();
  // The audit viewer filters by user and by method, newest first.
  await db.schema.createIndex('audit_user_seq').on('audit_log').columns(['user_id', 'seq']).execute();
  await db.schema.createIndex('audit_method_seq').on('audit_log').columns(['method', 'seq']).execute();

  // 2. Checkpoints: the chain's head signed with the office key.
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('periodic', 'backup', 'restore')`))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signed', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_seq').on('audit_checkpoints').column('seq').execute();
  await sql`create trigger audit_checkpoints_no_update before update on audit_checkpoints begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(
    db,
  );
  await sql`create trigger audit_checkpoints_no_delete before delete on audit_checkpoints begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(
    db,
  );

  // 3. Login throttling per account and client address (core/auth/throttle.ts). The subject is
  //    the name typed (known or not, so the answer tells nothing), '*' for the address alone,
  //    or 'change:<user id>' for guesses of the current password at a password change.
  await db.schema
    .createTable('login_throttle')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text')
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('login_throttle_pk', ['subject', 'address'])
    .execute();
}
