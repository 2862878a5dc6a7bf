import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../src-main/api';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = await makeTestApp();
  admin = await app.setup();
});
afterEach(async () => {
  await app.dispose();
});

const auditOf = (method: string) => app.db.selectFrom('audit_log').selectAll().where('method', '=', method).orderBy('id').execute();

describe('password policy at the server', () => {
  it('refuses the weak passwords of the issue with the reason, for every way a password is set', async () => {
    const cases: [string, RegExp][] = [
      ['password12', /minimal 12 karakter/],
      ['password1234', /terlalu umum/],
      ['qwerty123456', /umum|mudah ditebak/],
      ['siti.nurhaliza', /nama pengguna/],
      ['KantorKecamatanTanahAbang', /nama kantor/],
    ];
    for (const [password, reason] of cases) {
      const r = await app.call('users.create', { username: 'siti.nurhaliza', fullName: 'Siti Nurhaliza', role: 'loket', password }, admin);
      expect(r.status, password).toBe(400);
      expect(r.error.fields.password, password).toMatch(/^Kata sandi: /);
      expect(r.error.fields.password, password).toMatch(reason);
    }
    const created = await app.ok('users.create', { username: 'siti', fullName: 'Siti Nurhaliza', role: 'loket', password: 'KerakTelorPasar42' }, admin);
    const reset = await app.call('users.resetPassword', { id: created.id, password: 'NurhalizaSiti2026' }, admin);
    expect(reset.error.fields.password).toMatch(/nama pengguna, nama, nama kantor atau nama aplikasi/);
    const setup = await (
      await makeTestApp()
    ).call('office.setup', { office: (await import('../../src-main/demo/demo')).demoOffice, admin: { ...ADMIN, password: 'admin123456789' } });
    expect(setup.error.fields['admin.password']).toMatch(/^Kata sandi: /);
  });

  it('allows 128 characters and refuses more', async () => {
    const long = 'Bajaj biru melaju ke Monas lalu kerak telor di pasar malam '.repeat(3).slice(0, 128);
    expect((await app.call('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: long }, admin)).status).toBe(200);
    const tooLong = await app.call('users.create', { username: 'eko', fullName: 'Eko', role: 'loket', password: long + 'x' }, admin);
    expect(tooLong.error.fields.password).toBe('Kata sandi: maksimal 128 karakter');
  });
});

describe('an admin-set password', () => {
  it('answers only the password change, the session and logout until it is replaced', async () => {
    await app.ok('users.create', { username: 'siti', fullName: 'Siti Nurhaliza', role: 'loket', password: 'KerakTelorPasar42' }, admin);
    const siti = await app.login('siti', 'KerakTelorPasar42');
    const allowed = new Set(['auth.changePassword', 'auth.session', 'auth.permissions', 'auth.logout']);
    // Every method a logged-in user could call, straight from the registry.
    for (const [name, def] of Object.entries(methods)) {
      if (def.access === 'public' || allowed.has(name)) continue;
      const r = await app.call(name as MethodName, {}, siti);
      expect(r.status, name).toBe(403);
      expect(r.error.message, name).toMatch(/Ganti dulu kata sandi/);
    }
    expect((await app.ok('auth.session', {}, siti))?.mustChangePassword).toBe(true);
    const changed = await app.call('auth.changePassword', { currentPassword: 'KerakTelorPasar42', newPassword: 'BajajBiruMelaju19' }, siti);
    expect(changed.status).toBe(200);
    expect((await app.call('office.get', {}, changed.session)).status).toBe(200);
    // The old session ended with the change.
    expect((await app.call('office.get', {}, siti)).status).toBe(401);
  });
});

describe('auth.changePassword', () => {
  it('audits a wrong current password and the change, and applies the policy with the reason', async () => {
    const wrong = await app.call('auth.changePassword', { currentPassword: 'bukan-ini-sandinya', newPassword: 'BajajBiruMelaju19' }, admin);
    expect(wrong.status).toBe(400);
    expect(wrong.error.fields.currentPassword).toBe('Kata sandi saat ini: salah');
    const weak = await app.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'admin-admin-admin' }, admin);
    expect(weak.error.fields.newPassword).toMatch(/^Kata sandi baru: tidak boleh memuat nama pengguna/);
    const same = await app.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password }, admin);
    expect(same.error.fields.newPassword).toMatch(/harus berbeda/);
    await app.ok('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'BajajBiruMelaju19' }, admin);
    const audit = await auditOf('auth.changePassword');
    expect(audit.map((a) => JSON.parse(a.after!) as unknown)).toEqual([
      { passwordChangeFailed: true, from: '192.0.2.10', locked: false },
      { passwordChanged: true },
    ]);
    expect(audit.map((a) => a.before ?? '').join() + audit.map((a) => a.after).join()).not.toMatch(/Bajaj|bukan-ini/);
  });
});

describe('sessions', () => {
  it('end 12 hours after login however active they are', async () => {
    const token = await app.login('admin', ADMIN.password);
    // A call every 25 minutes keeps it from idling out...
    for (let minutes = 25; minutes <= 700; minutes += 25) {
      app.clock.advance(25 * 60_000);
      expect((await app.call('office.get', {}, token)).status, `after ${minutes} minutes`).toBe(200);
    }
    // ...but not past 12 hours.
    app.clock.advance(25 * 60_000);
    const late = await app.call('office.get', {}, token);
    expect(late.status).toBe(401);
    expect(late.error.message).toMatch(/Sesi Anda berakhir/);
    expect((await app.call('office.get', {}, await app.login('admin', ADMIN.password))).status).toBe(200);
  });
});

describe('a deactivated account', () => {
  it('gets the same answer whatever the password', async () => {
    const u = await app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin);
    await app.ok('users.setActive', { id: u.id, active: false }, admin);
    const right = await app.call('auth.login', { username: 'agus', password: 'KerakTelorPasar42' });
    const wrong = await app.call('auth.login', { username: 'agus', password: 'salah-sekali-123' });
    expect(right.status).toBe(wrong.status);
    expect(right.error).toEqual(wrong.error);
    expect(right.session).toBeUndefined();
  });
});
