import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice } from '../../src-main/demo/demo';
import { ADMIN } from '../support/app';
import { jakartaDay } from '../support/clock';
import { fetchMethodList, readWire, type PathOutput } from '../support/http';
import { startTestServer } from '../support/server';
import { member } from '../integration/registrations/fixtures';

let env: Awaited<ReturnType<typeof startTestServer>>;
beforeEach(async () => {
  env = await startTestServer();
});
afterEach(async () => {
  await env.stop();
});

interface Client {
  cookie: string | null;
  csrf: string | null;
}

async function post<P extends string>(path: P, body: unknown, client?: Client) {
  const res = await fetch(env.server.url + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(client?.cookie ? { Cookie: client.cookie } : {}),
      ...(client?.csrf ? { 'X-CSRF-Token': client.csrf } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await readWire<PathOutput<P>>(res), setCookie: res.headers.get('set-cookie') };
}

describe('registrations over HTTP', () => {
  it('documents the methods, needs the CSRF token to register, and answers field errors in Indonesian', async () => {
    const methods = await fetchMethodList(env.server.url);
    const register = methods.find((m) => m.name === 'members.register')!;
    expect(register.mutation).toBe(true);
    expect(register.input.properties?.nik.title).toBe('NIK');
    expect(methods.map((m) => m.name)).toEqual(expect.arrayContaining(['members.list', 'members.importRun', 'members.importContinue', 'members.export']));

    const setup = await post('/api/office.setup', { office: demoOffice, admin: ADMIN });
    const admin: Client = { cookie: setup.setCookie!.split(';')[0], csrf: setup.body.value.csrfToken };
    const noCsrf = await post('/api/members.register', member(), { ...admin, csrf: null });
    expect(noCsrf.status).toBe(403);
    const bad = await post('/api/members.register', member({ nik: '31710712' }), admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.nik).toBe('NIK: harus 16 digit, terisi 8 digit');
    const ok = await post('/api/members.register', member(), admin);
    expect(ok.status).toBe(200);
    expect(ok.body.value.memberNo).toBe(`JP-317107-${jakartaDay(env.app.clock).slice(0, 4)}-000001`);
    const list = await post('/api/members.list', { search: 'siti' }, admin);
    expect(list.body.value.total).toBe(1);
    expect(list.body.value.rows[0].nikMasked).toMatch(/••••/);
    const file = await post('/api/members.export', { format: 'csv' }, admin);
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body.value.base64, 'base64').toString('utf8')).toContain('Siti Aminah');
  });
});
