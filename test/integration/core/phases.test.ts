import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/api';
import { defineMethod } from '../../../src-main/core/api/registry';
import { makeTestApp, type TestApp } from '../../support/app';

// A method's slow work runs outside its transaction (prepare before, render after), queries
// read on connections of their own, and a long call is a job its caller can watch and cancel.
// These tests hold a call at a gate the test controls and check what else is answered
// meanwhile: the order of events, never durations.

function gate() {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const arrived = new Promise<void>((r) => (reached = r));
  return { open, arrived, wait: () => (reached(), opened) };
}

const note = (key: string) => ({ key, value: '"x"', updated_at: '2026-01-01T00:00:00Z' });

function slowMethods(gates: { prepare: ReturnType<typeof gate>; render: ReturnType<typeof gate>; transaction: ReturnType<typeof gate> }) {
  return {
    ...methods,
    'test.slowPrepare': defineMethod({
      summary: 'test',
      access: 'authenticated',
      mutation: true,
      input: z.strictObject({ key: z.string() }),
      prepare: async (_ctx, input) => {
        await gates.prepare.wait();
        return `${input.key}:prepared`;
      },
      handler: async (ctx, input, prepared) => {
        await ctx.db.insertInto('settings').values(note(input.key)).execute();
        return prepared;
      },
    }),
    'test.slowRender': defineMethod({
      summary: 'test',
      access: 'authenticated',
      mutation: true,
      input: z.strictObject({ key: z.string() }),
      handler: async (ctx, input) => {
        await ctx.db.insertInto('settings').values(note(input.key)).execute();
        return { rows: 1 };
      },
      render: async (_ctx, result) => {
        await gates.render.wait();
        return `rendered ${result.rows}`;
      },
    }),
    // Holds its write transaction open: what a slow handler would do (which no method may).
    'test.heldWrite': defineMethod({
      summary: 'test',
      access: 'authenticated',
      mutation: true,
      input: z.strictObject({ key: z.string() }),
      handler: async (ctx, input) => {
        await ctx.db.insertInto('settings').values(note(input.key)).execute();
        await gates.transaction.wait();
        return null;
      },
    }),
    'test.steps': defineMethod({
      summary: 'test',
      access: 'authenticated',
      mutation: true,
      input: z.strictObject({ key: z.string() }),
      prepare: async (ctx) => {
        ctx.job.progress(1, 3, 'read');
        await gates.prepare.wait();
        ctx.job.throwIfCancelled();
        ctx.job.progress(2, 3, 'render');
      },
      handler: async (ctx, input) => {
        await ctx.db.insertInto('settings').values(note(input.key)).execute();
        return 'done';
      },
    }),
  };
}

let app: TestApp;
afterEach(async () => {
  await app.dispose();
});

async function setup() {
  const gates = { prepare: gate(), render: gate(), transaction: gate() };
  app = await makeTestApp(undefined, { methods: slowMethods(gates) });
  const admin = await app.setup();
  return { gates, admin };
}

const settingKeys = async () => (await app.db.selectFrom('settings').select('key').where('key', 'like', 'k%').orderBy('key').execute()).map((r) => r.key);

describe('phases of a call', () => {
  it('answers queries and commits other writes while a call is in its prepare phase', async () => {
    const { gates, admin } = await setup();
    const events: string[] = [];
    const slow = app.callAny<string>('test.slowPrepare', { key: 'k-slow' }, admin).then((r) => events.push(`slow ${r.value}`));
    await gates.prepare.arrived;
    const list = await app.call('users.list', {}, admin);
    events.push(`list ${list.status}`);
    const other = await app.call('users.create', { username: 'petugas9', fullName: 'Petugas Sembilan', role: 'petugas', password: 'SandiAwal123' }, admin);
    events.push(`write ${other.status}`);
    expect(await settingKeys()).toEqual([]);
    gates.prepare.open();
    await slow;
    expect(events).toEqual(['list 200', 'write 200', 'slow k-slow:prepared']);
    expect(await settingKeys()).toEqual(['k-slow']);
  });

  it('commits before the render phase: the write is visible to queries while the render still runs', async () => {
    const { gates, admin } = await setup();
    const events: string[] = [];
    const slow = app.callAny<string>('test.slowRender', { key: 'k-rendered' }, admin).then((r) => events.push(`render ${r.value}`));
    await gates.render.arrived;
    // Committed, read on a reader connection, while the render has not finished.
    const seen = await app.reader.selectFrom('settings').select('key').where('key', '=', 'k-rendered').executeTakeFirst();
    events.push(`seen ${seen?.key}`);
    events.push(`list ${(await app.call('users.list', {}, admin)).status}`);
    gates.render.open();
    await slow;
    expect(events).toEqual(['seen k-rendered', 'list 200', 'render rendered 1']);
  });

  it('reads never wait for the writer, and see only committed data', async () => {
    const { gates, admin } = await setup();
    const events: string[] = [];
    const held = app.callAny('test.heldWrite', { key: 'k-held' }, admin).then(() => events.push('write committed'));
    await gates.transaction.arrived;
    const list = await app.call('users.list', {}, admin);
    events.push(`list ${list.status}`);
    // The reader's snapshot does not include the open transaction's row.
    expect(await app.reader.selectFrom('settings').select('key').where('key', '=', 'k-held').executeTakeFirst()).toBeUndefined();
    gates.transaction.open();
    await held;
    expect(events).toEqual(['list 200', 'write committed']);
    expect(await app.reader.selectFrom('settings').select('key').where('key', '=', 'k-held').executeTakeFirst()).toEqual({ key: 'k-held' });
  });
});

describe('jobs: progress and cancel of a long call', () => {
  it('shows the progress of a running call to its caller only, and cancels it before it writes', async () => {
    const { gates, admin } = await setup();
    const other = await app.userWithRole(admin, 'petugas');
    const call = app.callAny('test.steps', { key: 'k-job' }, admin, 'job-0001');
    await gates.prepare.arrived;
    expect(await app.ok('jobs.progress', { id: 'job-0001' }, admin)).toEqual({ method: 'test.steps', done: 1, total: 3, stage: 'read', cancelled: false });
    // Another user neither sees nor stops it.
    expect(await app.ok('jobs.progress', { id: 'job-0001' }, other)).toBeNull();
    expect(await app.ok('jobs.cancel', { id: 'job-0001' }, other)).toEqual({ cancelled: false });
    expect(await app.ok('jobs.cancel', { id: 'job-0001' }, admin)).toEqual({ cancelled: true });
    expect((await app.ok('jobs.progress', { id: 'job-0001' }, admin))!.cancelled).toBe(true);
    gates.prepare.open();
    const res = await call;
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ code: 'cancelled', message: 'Dibatalkan.' });
    expect(await settingKeys()).toEqual([]);
    // Finished calls are forgotten; the cancel is in the audit trail.
    expect(await app.ok('jobs.progress', { id: 'job-0001' }, admin)).toBeNull();
    const audit = await app.db.selectFrom('audit_log').select(['entity_id', 'after']).where('method', '=', 'jobs.cancel').orderBy('at').execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['job-0001', 'job-0001']);
    expect(JSON.parse(audit[1].after!)).toEqual({ cancelled: 'test.steps', wasRunning: true });
  });

  it('runs a call to the end when nobody cancels, and refuses a malformed job id', async () => {
    const { gates, admin } = await setup();
    gates.prepare.open();
    expect(await app.callAny('test.steps', { key: 'k-ok' }, admin, 'job-0002')).toMatchObject({ status: 200, value: 'done' });
    expect(await settingKeys()).toEqual(['k-ok']);
    const bad = await app.callAny('test.steps', { key: 'k-bad' }, admin, 'no!');
    expect(bad.status).toBe(400);
    expect(bad.error.message).toBe('Nomor pekerjaan (X-Job-Id) tidak sah.');
  });

  it('a cancel that overtakes its call stops the call as soon as it starts', async () => {
    const { gates, admin } = await setup();
    gates.prepare.open();
    expect(await app.ok('jobs.cancel', { id: 'job-early' }, admin)).toEqual({ cancelled: false });
    const res = await app.callAny('test.steps', { key: 'k-early' }, admin, 'job-early');
    expect(res.error.code).toBe('cancelled');
    expect(await settingKeys()).toEqual([]);
  });
});
