import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src-main/core/api/group-commit';
import { makeTestApp, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.dispose();
});

const settingKeys = async () => (await app.db.selectFrom('settings').select('key').orderBy('key').execute()).map((r) => r.key);

describe('group commit', () => {
  it('commits concurrent calls together, and a failing call writes nothing', async () => {
    const inTransaction = createGroupCommit(app.db);
    const put = (key: string, fail = false) =>
      inTransaction(async (trx) => {
        await trx.insertInto('settings').values({ key, value: '1', updated_at: 'x' }).execute();
        if (fail) throw new Error(`refused ${key}`);
        return key;
      });
    const results = await Promise.allSettled([put('a'), put('b'), put('c', true), put('d'), put('e', true), put('f')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await settingKeys()).toEqual(['a', 'b', 'd', 'f']);
  });

  it('fails every call of a batch whose commit fails, leaving nothing behind', async () => {
    const inTransaction = createGroupCommit(app.db);
    // A deferred foreign key is checked at COMMIT: the whole batch's commit is refused.
    await app.db.schema
      .createTable('parent')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    app.sqlite.exec('create table child (id text primary key, parent_id text references parent(id) deferrable initially deferred)');
    // Calls that arrive in the same turn of the event loop share one commit.
    const ok = inTransaction((trx) => trx.insertInto('settings').values({ key: 'kept?', value: '1', updated_at: 'x' }).execute());
    const bad = inTransaction(async (trx) => {
      await trx.insertInto('settings').values({ key: 'also?', value: '1', updated_at: 'x' }).execute();
      await trx
        .insertInto('child' as never)
        .values({ id: 'c1', parent_id: 'missing' })
        .execute();
    });
    const results = await Promise.allSettled([ok, bad]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await settingKeys()).toEqual([]);
  });

  it('gathers calls that arrive in the same turn, or while a batch is under way, into one commit', async () => {
    let batches = 0;
    const counting = new Proxy(app.db, {
      get: (target, prop, receiver): unknown =>
        prop === 'startTransaction' ? () => (batches++, target.startTransaction()) : Reflect.get(target, prop, receiver),
    });
    const inTransaction = createGroupCommit(counting);
    const put = (key: string) => inTransaction((trx) => trx.insertInto('settings').values({ key, value: '1', updated_at: 'x' }).execute());
    // Sixteen calls answered together come back together: one commit, not one and fifteen.
    await Promise.all(Array.from({ length: 16 }, (_, i) => put(`k${String(i).padStart(2, '0')}`)));
    expect(batches).toBe(1);
    // Calls arriving while a batch is under way wait for the next one, together.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = inTransaction(() => gate);
    await new Promise((r) => setImmediate(r));
    const later = [put('x1'), put('x2'), put('x3')];
    release();
    await Promise.all([held, ...later]);
    expect(batches).toBe(3);
    expect((await settingKeys()).length).toBe(19);
  });

  it('serves many concurrent API mutations, refusing only the bad ones', async () => {
    const admin = await app.setup();
    const calls = Array.from({ length: 30 }, (_, i) =>
      app.call('users.create', { username: i === 7 ? 'admin' : `petugas${i}`, fullName: `Petugas ${i}`, role: 'petugas', password: 'SandiAwal123' }, admin),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.ok)).toHaveLength(29);
    expect(results[7].status).toBe(409);
    const users = await app.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(users.n).toBe(30); // admin + 29
    const audits = await app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('method', '=', 'users.create')
      .executeTakeFirstOrThrow();
    expect(audits.n).toBe(29);
  });
});
