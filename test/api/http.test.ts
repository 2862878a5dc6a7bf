import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src-main/core/db/migrator';
import { demoOffice } from '../../src-main/demo/demo';
import { ADMIN } from '../support/app';
import { fetchMethodList, readWire, type PathOutput } from '../support/http';
import { startTestServer } from '../support/server';

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

async function post<P extends string>(path: P, body: unknown, client?: Client, extra: Record<string, string> = {}) {
  const res = await fetch(env.server.url + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(client?.cookie ? { Cookie: client.cookie } : {}),
      ...(client?.csrf ? { 'X-CSRF-Token': client.csrf } : {}),
      ...extra,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await readWire<PathOutput<P>>(res), setCookie: res.headers.get('set-cookie') };
}

async function setupAndLogin(): Promise<Client> {
  const r = await post('/api/office.setup', { office: demoOffice, admin: ADMIN });
  expect(r.status).toBe(200);
  return { cookie: r.setCookie!.split(';')[0], csrf: r.body.value.csrfToken };
}

/** A user as the admin creates them, who has then replaced the admin-set password. */
async function createUser(admin: Client, user: { username: string; fullName: string; role: string; password: string }) {
  const r = await post('/api/users.create', user, admin);
  expect(r.status).toBe(200);
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', user.username).execute();
  return r;
}

async function loginAs(username: string, password: string): Promise<Client> {
  const r = await post('/api/auth.login', { username, password });
  expect(r.status).toBe(200);
  return { cookie: r.setCookie!.split(';')[0], csrf: r.body.value.csrfToken };
}

describe('HTTP API', () => {
  it('answers health without login', async () => {
    const res = await fetch(env.server.url + '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '0.1.0', schemaVersion });
  });

  it('lists every method with roles and a JSON Schema of its input', async () => {
    const methods = await fetchMethodList(env.server.url);
    const create = methods.find((m) => m.name === 'users.create')!;
    expect(create.roles).toEqual(['admin']);
    expect(create.mutation).toBe(true);
    expect(create.input.type).toBe('object');
    expect(create.input.properties?.username.title).toBe('Nama pengguna');
    expect(create.input.required).toContain('password');
    expect(create.input.additionalProperties).toBe(false);
    expect(methods.map((m) => m.name)).toEqual(expect.arrayContaining(['auth.login', 'office.setup', 'users.list', 'kbli.search']));
  });

  it('sets an HttpOnly SameSite session cookie at login and returns a CSRF token', async () => {
    const r = await post('/api/office.setup', { office: demoOffice, admin: ADMIN });
    expect(r.setCookie).toMatch(/^jpd_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict/);
    expect(r.body.value.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('gives each caller mistake its 4xx status', async () => {
    const admin = await setupAndLogin();
    // 400: malformed JSON, wrong types, unknown fields, over-long strings
    expect((await post('/api/users.list', '{not json', admin)).status).toBe(400);
    const bad = await post('/api/users.create', { username: 'x'.repeat(500), fullName: 42, role: 'petugas', password: 'AmanSekali123', foo: 1 }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.error.code).toBe('bad_input');
    expect(bad.body.error.fields.username).toBe('Nama pengguna: maksimal 40 karakter');
    expect(bad.body.error.fields.fullName).toBe('Nama lengkap: harus berupa teks');
    expect(bad.body.error.fields.foo).toMatch(/tidak dikenal/);
    // 401: no session
    expect((await post('/api/users.list', {})).status).toBe(401);
    // 404: unknown method
    const unknown = await post('/api/users.fly', {}, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/tidak dikenal/);
    // 409: conflict
    await createUser(admin, { username: 'siti', fullName: 'Siti', role: 'loket', password: 'AmanSekali123' });
    const dup = await post('/api/users.create', { username: 'siti', fullName: 'Siti 2', role: 'loket', password: 'AmanSekali123' }, admin);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.username).toMatch(/sudah dipakai/);
    // 403: wrong role
    const loket = await loginAs('siti', 'AmanSekali123');
    const denied = await post('/api/users.create', { username: 'eko', fullName: 'Eko', role: 'loket', password: 'AmanSekali123' }, loket);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/Peran Anda/);
    // 405 for GET on a method
    expect((await fetch(env.server.url + '/api/users.list')).status).toBe(405);
  });

  it('refuses mutations without the CSRF token and writes nothing', async () => {
    const admin = await setupAndLogin();
    const noToken = await post('/api/users.create', { username: 'eko', fullName: 'Eko', role: 'loket', password: 'AmanSekali123' }, { ...admin, csrf: null });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf');
    const wrongToken = await post(
      '/api/users.create',
      { username: 'eko', fullName: 'Eko', role: 'loket', password: 'AmanSekali123' },
      { ...admin, csrf: 'x'.repeat(43) },
    );
    expect(wrongToken.status).toBe(403);
    expect(await env.app.db.selectFrom('users').select('username').where('username', '=', 'eko').execute()).toEqual([]);
    // Reads do not need it.
    expect((await post('/api/users.list', {}, { ...admin, csrf: null })).status).toBe(200);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(env.server.url).port;
      const req = request({ host: '127.0.0.1', port, path: '/api/health', headers: { Host: 'evil.example:' + port } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses a body that is not JSON typed (no simple cross-site form posts)', async () => {
    const admin = await setupAndLogin();
    const res = await post('/api/users.list', '{}', admin, { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(400);
  });

  it('locks an account from this computer after 5 failed logins, telling the tries left', async () => {
    await setupAndLogin();
    for (let i = 1; i <= 4; i++) {
      // A minute between tries: the growing waits between failures are tested in throttle.test.ts.
      env.app.clock.advance(60_000);
      const r = await post('/api/auth.login', { username: 'admin', password: `salah${i}` });
      expect(r.status).toBe(401);
      expect(r.body.error.message).toBe(`Nama pengguna atau kata sandi salah. Sisa ${5 - i} kali percobaan dari komputer ini sebelum dikunci 15 menit.`);
    }
    env.app.clock.advance(60_000);
    const fifth = await post('/api/auth.login', { username: 'admin', password: 'salah5' });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toMatch(/dikunci 15 menit untuk komputer ini/);
    // Even the right password is refused while locked...
    const locked = await post('/api/auth.login', { username: 'admin', password: ADMIN.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/Terlalu banyak kata sandi salah dari komputer ini/);
    // ...and accepted once the lock has passed.
    env.app.clock.advance(16 * 60_000);
    expect((await post('/api/auth.login', { username: 'admin', password: ADMIN.password })).status).toBe(200);
  });

  it('ends the session on the server at logout and after inactivity', async () => {
    const admin = await setupAndLogin();
    expect((await post('/api/auth.logout', {}, admin)).status).toBe(200);
    expect((await post('/api/users.list', {}, admin)).status).toBe(401);

    const again = await loginAs('admin', ADMIN.password);
    env.app.clock.advance(29 * 60_000);
    expect((await post('/api/users.list', {}, again)).status).toBe(200);
    env.app.clock.advance(31 * 60_000);
    const expired = await post('/api/users.list', {}, again);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/Sesi Anda berakhir/);
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const admin = await setupAndLogin();
    const created = await createUser(admin, { username: 'siti', fullName: 'Siti', role: 'loket', password: 'AmanSekali123' });
    const siti = await loginAs('siti', 'AmanSekali123');
    expect((await post('/api/office.get', {}, siti)).status).toBe(200);
    expect((await post('/api/users.setActive', { id: created.body.value.id, active: false }, admin)).status).toBe(200);
    expect((await post('/api/office.get', {}, siti)).status).toBe(401);
    const relogin = await post('/api/auth.login', { username: 'siti', password: 'AmanSekali123' });
    expect(relogin.status).toBe(403);
    expect(relogin.body.error.message).toMatch(/dinonaktifkan/);
  });

  it('lets supervisors see the user list but not change it', async () => {
    const admin = await setupAndLogin();
    await createUser(admin, { username: 'hendra', fullName: 'Hendra', role: 'supervisor', password: 'AmanSekali123' });
    const sup = await loginAs('hendra', 'AmanSekali123');
    const list = await post('/api/users.list', { sort: 'username', dir: 'desc' }, sup);
    expect(list.status).toBe(200);
    expect(list.body.value.rows.map((r) => r.username)).toEqual(['hendra', 'admin']);
    expect(list.body.value.rows[0]).not.toHaveProperty('password_hash');
    const target = list.body.value.rows[1].id;
    expect((await post('/api/users.resetPassword', { id: target, password: 'AmanSekali123' }, sup)).status).toBe(403);
  });

  it('serves 5xx only for its own faults and keeps running', async () => {
    const admin = await setupAndLogin();
    // Break the database under the server: the call fails with 500, the server lives on.
    env.app.sqlite.exec('alter table users rename to users_moved');
    const broken = await post('/api/users.list', {}, admin);
    expect(broken.status).toBe(500);
    expect(broken.body.error.message).not.toMatch(/sqlite|SQL|users_moved/i);
    env.app.sqlite.exec('alter table users_moved rename to users');
    expect((await fetch(env.server.url + '/api/health')).status).toBe(200);
  });
});
