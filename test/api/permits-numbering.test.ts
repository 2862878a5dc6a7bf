import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jakartaMonth } from '../support/clock';
import { readWire, type PathOutput } from '../support/http';
import { startTestServer } from '../support/server';

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
import { createMember, intakeInput, setupActors, type PermitActors } from '../support/permits-factory';

let env: Awaited<ReturnType<typeof startTestServer>>;
let actors: PermitActors;

beforeAll(async () => {
  env = await startTestServer();
  actors = await setupActors(env.app);
});
afterAll(async () => {
  await env.stop();
});

async function loginHttp(username: string, password: string) {
  const res = await fetch(`${env.server.url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await readWire<PathOutput<'/api/auth.login'>>(res);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.value.csrfToken };
}

describe('permit numbers under concurrent issuance over HTTP', () => {
  it('gives every parallel terbit a distinct number, consecutive, with refused calls taking none', async () => {
    const app = env.app;
    const ready: string[] = [];
    for (let i = 0; i < 40; i++) {
      const m = await createMember(app);
      const { id } = await app.ok('permits.create', intakeInput(m), actors.loket);
      await app.ok('permits.transition', { id, to: 'diverifikasi' }, actors.loket);
      await app.ok('permits.transition', { id, to: 'disetujui' }, actors.supervisor);
      ready.push(id);
    }
    // Not approved yet: issuing these is refused and must not use up a number.
    const notReady: string[] = [];
    for (let i = 0; i < 5; i++) notReady.push((await app.ok('permits.create', intakeInput(await createMember(app)), actors.loket)).id);

    await app.ok('users.create', { username: 'loket2', fullName: 'Loket Dua', role: 'loket', password: 'SandiAwal123' }, actors.admin);
    await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'loket2').execute();
    const clerks = [await loginHttp('loket1', 'SandiAwal123'), await loginHttp('loket2', 'SandiAwal123'), await loginHttp('supervisor1', 'SandiAwal123')];

    const calls = [...ready, ...notReady, ...ready.slice(0, 5)].map((id, i) => {
      const c = clerks[i % clerks.length];
      return fetch(`${env.server.url}/api/permits.transition`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: c.cookie, 'X-CSRF-Token': c.csrf },
        body: JSON.stringify({ id, to: 'terbit' }),
      }).then(async (r) => ({ id, status: r.status, body: await readWire<PathOutput<'/api/permits.transition'>>(r) }));
    });
    const results = await Promise.all(calls);
    const ok = results.filter((r) => r.status === 200);
    // Each approved permit is issued exactly once; the repeats and the unapproved are refused.
    expect(ok).toHaveLength(40);
    expect(new Set(ok.map((r) => r.id)).size).toBe(40);
    expect(results.filter((r) => r.status === 409)).toHaveLength(10);

    const numbers = ok.map((r) => r.body.value.number!);
    expect(new Set(numbers).size).toBe(40);
    const seqs = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const log = await app.db.selectFrom('permit_number_log').select(['seq']).orderBy('seq').execute();
    expect(log.map((l) => l.seq)).toEqual(seqs);
    // The next number follows on without a gap.
    const m = await createMember(app);
    const { id } = await app.ok('permits.create', intakeInput(m), actors.loket);
    await app.ok('permits.transition', { id, to: 'diverifikasi' }, actors.loket);
    await app.ok('permits.transition', { id, to: 'disetujui' }, actors.supervisor);
    const next = await app.ok('permits.transition', { id, to: 'terbit' }, actors.loket);
    const [year, month] = jakartaMonth(app.clock).split('-');
    expect(next.number).toBe(`503/0041/IUMK/1006/${ROMAN_MONTHS[Number(month) - 1]}/${year}`);
  });
});
