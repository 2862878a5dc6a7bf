import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../src-main/api';
import { auditEntityLabels, auditMethodLabels } from '../../src-shared/audit-labels';
import { catalogues } from '../../src-renderer/app/i18n/catalogue';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';
import { jakartaDay } from '../support/clock';

let app: TestApp;
let admin: string;
let supervisor: string;
let petugas: string;
let agusId: string;
beforeAll(async () => {
  app = await makeTestApp();
  admin = await app.setup();
  supervisor = await app.userWithRole(admin, 'supervisor');
  petugas = await app.userWithRole(admin, 'petugas');
  agusId = (await app.ok('users.create', { username: 'agus', fullName: 'Agus Salim', role: 'loket', password: 'KerakTelorPasar42' }, admin)).id;
  app.clock.advance(2 * 24 * 3600_000);
  admin = await app.login('admin', ADMIN.password);
  supervisor = await app.login('supervisor1', 'SandiAwal123');
  petugas = await app.login('petugas1', 'SandiAwal123');
  await app.ok('users.update', { id: agusId, phone: '081234567890' }, admin);
  await app.ok('users.update', { id: agusId, phone: '081234567891' }, admin);
}, 30_000);
afterAll(async () => {
  await app.dispose();
});

describe('audit labels', () => {
  it('names every method that changes data, and every kind of data, in both languages', () => {
    const changing = Object.entries(methods)
      .filter(([, d]) => d.mutation)
      .map(([n]) => n);
    expect(changing.filter((n) => !Object.hasOwn(auditMethodLabels, n))).toEqual([]);
    for (const key of [...Object.keys(auditMethodLabels).map((k) => `audit.m.${k}`), ...Object.keys(auditEntityLabels).map((k) => `audit.e.${k}`)]) {
      expect((catalogues.id as Record<string, string>)[key], key).toBeTruthy();
      expect((catalogues.en as Record<string, string>)[key], key).toBeTruthy();
    }
  });
});

describe('audit.list', () => {
  it('is for admins and supervisors only', async () => {
    expect((await app.call('audit.list', {}, supervisor)).status).toBe(200);
    expect((await app.call('audit.list', {}, petugas)).status).toBe(403);
    expect((await app.call('audit.export', { format: 'csv' }, petugas)).status).toBe(403);
  });

  it('filters by user, method, entity, record and date, newest first, paged in SQL', async () => {
    const all = await app.ok('audit.list', { pageSize: 200 }, admin);
    expect(all.rows.map((r) => r.seq)).toEqual([...all.rows.map((r) => r.seq)].sort((a, b) => b - a));
    const updates = await app.ok('audit.list', { method: 'users.update' }, admin);
    expect(updates.total).toBe(2);
    expect(updates.rows.every((r) => r.method === 'users.update' && r.entityId === agusId)).toBe(true);
    const record = await app.ok('audit.list', { entity: 'users', entityId: agusId }, admin);
    expect(record.rows.map((r) => r.method)).toEqual(['users.update', 'users.update', 'users.create']);
    const adminId = (await app.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    const byAdmin = await app.ok('audit.list', { userId: adminId, pageSize: 200 }, admin);
    expect(byAdmin.rows.every((r) => r.username === 'admin')).toBe(true);
    const today = await app.ok('audit.list', { from: jakartaDay(app.clock), to: jakartaDay(app.clock) }, admin);
    // Today: the three logins after two days and the two changes.
    expect(today.rows.map((r) => r.method).sort()).toEqual(['auth.login', 'auth.login', 'auth.login', 'users.update', 'users.update']);
    const earlier = await app.ok('audit.list', { to: jakartaDay(app.clock, -1), pageSize: 200 }, admin);
    expect(earlier.total + today.total).toBe(all.total);
    const page = await app.ok('audit.list', { pageSize: 2, page: 1 }, admin);
    expect(page.rows.map((r) => r.seq)).toEqual(all.rows.slice(2, 4).map((r) => r.seq));
    const bad = await app.call('audit.list', { from: jakartaDay(app.clock), to: jakartaDay(app.clock, -3) }, admin);
    expect(bad.error.fields.to).toMatch(/^Sampai tanggal: /);
    const filters = await app.ok('audit.filters', {}, admin);
    expect(filters.methods).toEqual(expect.arrayContaining(['office.setup', 'users.create', 'users.update']));
    expect(filters.users.map((u) => u.username)).toContain('agus');
  });

  it('exports the view with readable labels, in the chosen language, and audits the export', async () => {
    const csv = await app.ok('audit.export', { format: 'csv', method: 'users.update' }, supervisor);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toMatch(/^\uFEFFNo\.;Waktu \(UTC\);Pengguna;Kegiatan;Metode;Jenis data;Id data;Sebelum;Sesudah/);
    expect(text).toContain(';Ubah akun pengguna;users.update;Pengguna;');
    expect(text.trim().split('\r\n')).toHaveLength(3);
    const en = Buffer.from((await app.ok('audit.export', { format: 'csv', method: 'users.update', locale: 'en' }, supervisor)).base64, 'base64').toString(
      'utf8',
    );
    expect(en).toContain(';Change user account;users.update;Users;');
    const xlsx = await app.ok('audit.export', { format: 'xlsx' }, admin);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect((await app.ok('audit.list', { method: 'audit.export' }, admin)).total).toBe(3);
  });
});
