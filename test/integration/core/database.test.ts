import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, DATABASE_FILE } from '../../../src-main/app';
import { openSqlite } from '../../../src-main/core/db/connection';
import { migrate } from '../../../src-main/core/db/migrator';
import { migrations, type Migration } from '../../../src-main/core/db/migrations';
import { tempDir, testSecurity } from '../../support/app';

const dirs: { remove(): void }[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d.dir;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('database file', () => {
  it('opens one SQLite file with WAL, foreign keys and synchronous=FULL', async () => {
    const dir = fresh();
    const app = await openApp({ dataDir: dir, security: testSecurity });
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(app.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // 2 = FULL: this build of better-sqlite3 would otherwise use NORMAL under WAL.
    expect(app.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await app.close();
  });

  it('records each migration and applies nothing twice', async () => {
    const dir = fresh();
    const opened = openSqlite(join(dir, 'x.sqlite'));
    const { db } = opened;
    expect((await migrate(db)).applied).toEqual(migrations.map((m) => m.name));
    expect((await migrate(db)).applied).toEqual([]);
    const rows = await db
      .selectFrom('schema_migrations' as never)
      .selectAll()
      .execute();
    expect(rows).toHaveLength(migrations.length);
    await opened.close();
  });

  it('refuses a database written by a newer version', async () => {
    const dir = fresh();
    const opened = openSqlite(join(dir, 'x.sqlite'));
    const { db } = opened;
    await migrate(db);
    const newer: Migration[] = [...migrations, { name: '9999_future', up: () => Promise.resolve() }];
    await migrate(db, newer);
    await expect(migrate(db, migrations)).rejects.toThrow(/versi aplikasi yang lebih baru/);
    await opened.close();
  });

  it('refuses a database whose migration history differs', async () => {
    const dir = fresh();
    const opened = openSqlite(join(dir, 'x.sqlite'));
    const { db } = opened;
    await migrate(db, migrations.slice(0, 1));
    const diverged: Migration[] = [migrations[0], { name: '0002_something_else', up: () => Promise.resolve() }];
    await expect(migrate(db, diverged)).resolves.toBeDefined();
    await expect(migrate(db, migrations)).rejects.toThrow(/Riwayat skema basis data berbeda/);
    await opened.close();
  });

  it('rolls a failing migration back completely', async () => {
    const dir = fresh();
    const opened = openSqlite(join(dir, 'x.sqlite'));
    const { db, sqlite } = opened;
    const broken: Migration[] = [
      migrations[0],
      {
        name: '0002_broken',
        up: async (trx) => {
          await trx.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('disk full');
        },
      },
    ];
    await expect(migrate(db, broken)).rejects.toThrow('disk full');
    expect(sqlite.prepare("select name from sqlite_master where name = 'half_done'").get()).toBeUndefined();
    expect(sqlite.prepare('select count(*) n from schema_migrations').get()).toEqual({ n: 1 });
    await opened.close();
  });

  it('backs the database up before an upgrade, and on demand', async () => {
    const dir = fresh();
    const opened = openSqlite(join(dir, DATABASE_FILE));
    const { db } = opened;
    await migrate(db, migrations.slice(0, 1));
    await opened.close();
    const app = await openApp({ dataDir: dir, security: testSecurity });
    const backups = app.services.backups.list();
    expect(backups.map((b) => b.name)).toEqual([expect.stringMatching(/sebelum-pembaruan-[0-9a-f]{6}\.sqlite$/)]);
    const manual = await app.services.backups.create({ kind: 'manual' });
    expect(manual.size).toBeGreaterThan(0);
    await app.close();
    // The backup is a complete database that opens on its own.
    const copy = openSqlite(manual.file);
    expect(copy.sqlite.prepare('select count(*) n from regions').get()).toEqual({ n: 318 });
    await copy.close();
  });
});
