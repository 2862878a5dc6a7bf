import { sql, type Kysely } from 'kysely';
import { AppError } from '../api/errors';
import { migrations, type Migration } from './migrations';

const TABLE = 'schema_migrations';

/** Number of migrations this build knows: the database schema version it writes. */
export const schemaVersion = migrations.length;

/** How many migrations this build would apply to the database (0 when up to date). */
export async function pendingMigrations(db: Kysely<any>, list: readonly Migration[] = migrations): Promise<number> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === TABLE)) return list.length;
  // A count is a number on SQLite, a string or bigint on other dialects.
  const row = await db
    .selectFrom(TABLE)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Math.max(0, list.length - Number(row?.n ?? 0));
}

/**
 * Brings the database up to this build's schema. Each migration runs in its own transaction
 * (Kysely does not wrap them on SQLite) and is recorded in the same transaction. A database
 * that has migrations this build does not know (written by a newer version) or whose history
 * differs from ours is refused, never opened: writing to it could corrupt legal records.
 */
export async function migrate(db: Kysely<any>, list: readonly Migration[] = migrations): Promise<{ applied: string[] }> {
  await sql`create table if not exists ${sql.table(TABLE)} (
    version integer primary key,
    name text not null,
    applied_at text not null
  )`.execute(db);
  const done = await db.selectFrom(TABLE).select(['version', 'name']).orderBy('version').execute();
  for (const row of done) {
    // A database written by a newer build has versions this list does not reach.
    const known = row.version <= list.length ? list[row.version - 1] : undefined;
    if (!known) {
      throw new AppError('conflict', {
        id: `Basis data ini dibuat oleh versi aplikasi yang lebih baru (skema ${done.length}, aplikasi ini ${list.length}). Perbarui aplikasi.`,
        en: `This database was written by a newer version of the app (schema ${done.length}, this app ${list.length}). Update the app.`,
      });
    }
    if (known.name !== row.name) {
      throw new AppError('conflict', {
        id: `Riwayat skema basis data berbeda (versi ${row.version}: ${row.name} ≠ ${known.name}). Basis data tidak dibuka.`,
        en: `The database's schema history differs (version ${row.version}: ${row.name} ≠ ${known.name}). The database was not opened.`,
      });
    }
  }
  const applied: string[] = [];
  for (let i = done.length; i < list.length; i++) {
    const m = list[i];
    await db.transaction().execute(async (trx) => {
      await m.up(trx);
      await trx
        .insertInto(TABLE)
        .values({ version: i + 1, name: m.name, applied_at: new Date().toISOString() })
        .execute();
    });
    applied.push(m.name);
  }
  return { applied };
}
