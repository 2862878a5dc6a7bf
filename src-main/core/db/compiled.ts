import type { CompiledQuery, Insertable, QueryResult } from 'kysely';
import type { Database } from '../api/registry';
import type { DB } from './schema';

// Kysely builds its query tree and compiles it to SQL afresh on every call. For the few hot
// statements of a busy counter (the half-dozen inserts of a registration, the audit entry)
// that costs more than SQLite's own work, so they are compiled once per shape and run again
// with new values: exactly the SQL Kysely sends, for whichever dialect it is.

const compiled = new Map<string, CompiledQuery>();
const LIMIT = 200;

const sameParameters = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * Runs the query `build` compiles, compiled once for `shape` (a key naming the statement and
 * everything that changes its SQL: columns, row count). `parameters` are the values in the
 * order Kysely binds them; on first use they are checked against Kysely's own, and a query
 * whose parameters do not line up is run as built, never cached.
 */
export async function executeCompiled<R>(db: Database, shape: string, parameters: readonly unknown[], build: () => CompiledQuery<R>): Promise<QueryResult<R>> {
  const cached = compiled.get(shape) as CompiledQuery<R> | undefined;
  if (cached) return db.executeQuery<R>({ ...cached, parameters });
  const fresh = build();
  if (sameParameters(fresh.parameters, parameters)) {
    if (compiled.size >= LIMIT) {
      const oldest = compiled.keys().next();
      if (!oldest.done) compiled.delete(oldest.value);
    }
    compiled.set(shape, fresh);
  }
  return db.executeQuery<R>(fresh);
}

/** The values of rows with the same columns, in column order, as Kysely binds an insert's values; null if the rows differ in shape or hold an undefined (which Kysely leaves out). */
export function insertParameters(rows: readonly Record<string, unknown>[]): { columns: string[]; parameters: unknown[] } | null {
  const columns = Object.keys(rows[0]);
  const parameters: unknown[] = [];
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length) return null;
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i]];
      if (keys[i] !== columns[i] || v === undefined) return null;
      parameters.push(v);
    }
  }
  return { columns, parameters };
}

/** Inserts rows of one shape with a statement compiled once for that shape. */
export async function insertRows<T extends keyof DB>(db: Database, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const p = insertParameters(rows);
  if (!p) {
    await db.insertInto(table).values(rows).execute();
    return;
  }
  await executeCompiled(db, `insert:${table}:${p.columns.join(',')}:${rows.length}`, p.parameters, () =>
    db
      .insertInto(table)
      .values(rows as never)
      .compile(),
  );
}
