import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/app';
import type { WireBody } from '../support/http';
import { startTestServer } from '../support/server';

let env: Awaited<ReturnType<typeof startTestServer>>;
beforeEach(async () => {
  env = await startTestServer();
  // Throws unless the office is set up.
  await env.app.setup();
});
afterEach(async () => {
  await env.stop();
});

/** A login over real HTTP from a given local address: 127.0.0.2 is another PC as far as the server can tell. */
function loginFrom(localAddress: string, password: string, headers: Record<string, string> = {}): Promise<{ status: number; body: WireBody<unknown> }> {
  const url = new URL(env.server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, localAddress, path: '/api/auth.login', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBody<unknown> }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ username: 'admin', password }));
  });
}

const auditCount = async () =>
  (
    await env.app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('login throttling per account and client address', () => {
  it('locks out the address that failed, never the office PC', async () => {
    // A stranger on the LAN guesses, even claiming to be the office PC in X-Forwarded-For.
    const answers = [];
    for (let i = 0; i < 5; i++) {
      env.app.clock.advance(60_000);
      answers.push(await loginFrom('127.0.0.2', `tebakan-ke-${i}`, { 'X-Forwarded-For': '127.0.0.1' }));
    }
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(answers.map((a) => a.body.error.message)).toEqual([
      'Nama pengguna atau kata sandi salah. Sisa 4 kali percobaan dari komputer ini sebelum dikunci 15 menit.',
      'Nama pengguna atau kata sandi salah. Sisa 3 kali percobaan dari komputer ini sebelum dikunci 15 menit.',
      'Nama pengguna atau kata sandi salah. Sisa 2 kali percobaan dari komputer ini sebelum dikunci 15 menit.',
      'Nama pengguna atau kata sandi salah. Sisa 1 kali percobaan dari komputer ini sebelum dikunci 15 menit.',
      'Nama pengguna atau kata sandi salah. Terlalu banyak percobaan: dikunci 15 menit untuk komputer ini.',
    ]);
    expect(answers[4].status).toBe(429);
    // The stranger is locked out even with the right password...
    const locked = await loginFrom('127.0.0.2', ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^Terlalu banyak kata sandi salah dari komputer ini\. Coba lagi setelah pukul \d\d\.\d\d WIB/);
    // ...while the admin at the office PC logs in, over HTTP and in the desktop window alike.
    expect((await loginFrom('127.0.0.1', ADMIN.password)).status).toBe(200);
    const desktop = await env.app.dispatch({
      method: 'auth.login',
      input: { username: 'admin', password: ADMIN.password },
      checkCsrf: false,
      clientAddress: 'desktop',
    });
    expect(desktop.status).toBe(200);
    // The lock passes on its own.
    env.app.clock.advance(16 * 60_000);
    expect((await loginFrom('127.0.0.2', ADMIN.password)).status).toBe(200);
  });

  it('makes the attacker wait longer after each failure, answering at once without checking the password', async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom('127.0.0.3', 'salah-sekali')).status).toBe(401);
    const entries = await auditCount();
    const wait = await loginFrom('127.0.0.3', ADMIN.password);
    expect(wait.status).toBe(429);
    expect(wait.body.error.message).toBe('Tunggu 2 detik sebelum mencoba lagi.');
    // A refused try writes nothing and checks nothing: not even the right password gets in.
    expect(await auditCount()).toBe(entries);
    env.app.clock.advance(2000);
    expect((await loginFrom('127.0.0.3', 'salah-lagi')).status).toBe(401);
    expect((await loginFrom('127.0.0.3', ADMIN.password)).body.error.message).toBe('Tunggu 4 detik sebelum mencoba lagi.');
    env.app.clock.advance(4000);
    expect((await loginFrom('127.0.0.3', ADMIN.password)).status).toBe(200);
  });

  it('lets an admin unlock, and shows the lock in the user list', async () => {
    const admin = await env.app.login('admin', ADMIN.password);
    const u = await env.app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin);
    for (let i = 0; i < 5; i++) {
      env.app.clock.advance(60_000);
      await env.app.call('auth.login', { username: 'agus', password: 'salah-salah' }, null, '192.0.2.77');
    }
    expect((await env.app.call('auth.login', { username: 'agus', password: 'KerakTelorPasar42' }, null, '192.0.2.77')).status).toBe(429);
    const listed = await env.app.ok('users.list', { search: 'agus' }, admin);
    expect(listed.rows[0].lockedUntil).toBeTruthy();
    expect((await env.app.call('users.unlock', { id: u.id }, await env.app.userWithRole(admin, 'supervisor'))).status).toBe(403);
    const unlocked = await env.app.ok('users.unlock', { id: u.id }, admin);
    expect(unlocked.lockedUntil).toBeNull();
    expect((await env.app.call('auth.login', { username: 'agus', password: 'KerakTelorPasar42' }, null, '192.0.2.77')).status).toBe(200);
    const audit = await env.app.db.selectFrom('audit_log').select('after').where('method', '=', 'users.unlock').execute();
    expect(audit).toHaveLength(1);
  });

  it('slows and then locks an address that sprays many accounts', async () => {
    const from = '192.0.2.99';
    const attempt = (i: number) => {
      env.app.clock.advance(61_000);
      return env.app.call('auth.login', { username: `nama${i}`, password: 'Rahasia123' }, null, from);
    };
    let last = await attempt(0);
    for (let i = 1; i < 30; i++) last = await attempt(i);
    expect(last.status).toBe(429);
    expect((await env.app.call('auth.login', { username: 'admin', password: ADMIN.password }, null, from)).status).toBe(429);
    expect((await env.app.call('auth.login', { username: 'admin', password: ADMIN.password }, null, '192.0.2.100')).status).toBe(200);
    // Unknown names are kept only as hashes.
    const subjects = (await env.app.db.selectFrom('login_throttle').select('subject').execute()).map((r) => r.subject);
    expect(subjects.join()).not.toMatch(/nama\d/);
    // Rows past their window are dropped: only the last quarter hour's names are still counted.
    expect(subjects.filter((x) => x.startsWith('unknown:')).length).toBeLessThanOrEqual(15);
  });

  it('throttles and audits guesses of the current password at a password change', async () => {
    const admin = await env.app.login('admin', ADMIN.password);
    const guess = (i: number) => {
      env.app.clock.advance(60_000);
      return env.app.call('auth.changePassword', { currentPassword: `tebak-${i}-salah`, newPassword: 'BajajBiruMelaju19' }, admin);
    };
    const first = await guess(0);
    expect(first.error.message).toMatch(/^Kata sandi saat ini salah\. Sisa 4 kali percobaan/);
    let last = first;
    for (let i = 1; i < 5; i++) last = await guess(i);
    expect(last.status).toBe(429);
    const refused = await env.app.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'BajajBiruMelaju19' }, admin);
    expect(refused.status).toBe(429);
    const audit = await env.app.db.selectFrom('audit_log').select('after').where('method', '=', 'auth.changePassword').execute();
    expect(audit.map((a) => (JSON.parse(a.after!) as { passwordChangeFailed?: boolean }).passwordChangeFailed)).toEqual([true, true, true, true, true]);
  });
});
