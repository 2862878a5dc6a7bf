import { sql } from 'kysely';
import type { Database } from './api/registry';

/**
 * The next value of a named counter within a scope (e.g. permit numbers per year). Must run in
 * the caller's transaction: the increment and the record that uses it commit together, so a
 * value is never given twice and never skipped.
 */
export async function nextSequence(db: Database, name: string, scope: string): Promise<number> {
  const row = await sql<{ value: number }>`
    insert into sequences (name, scope, value) values (${name}, ${scope}, 1)
    on conflict (name, scope) do update set value = sequences.value + 1
    returning value`.execute(db);
  return row.rows[0].value;
}
