import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.dispose();
});

describe('first run', () => {
  it('refuses everything but setup until the office is set up', async () => {
    expect((await app.ok('office.status')).setupDone).toBe(false);
    const res = await app.call('users.list', {});
    expect(res.status).toBe(409);
    expect(res.error.message).toMatch(/belum disiapkan/);
  });

  it('sets the office up once, logs the admin in and records it in the audit log', async () => {
    const token = await app.setup();
    const office = await app.ok('office.get', {}, token);
    expect(office.kecamatanNama).toBe('Tanah Abang');
    expect(office.kotaNama).toBe('Kota Administrasi Jakarta Pusat');
    expect(office.keyId).toMatch(/^[0-9a-f]{8,}/);
    expect(office).not.toHaveProperty('privateKey');
    const again = await app.call('office.setup', { office: { ...office }, admin: { username: 'x', fullName: 'x', password: 'x' } });
    expect(again.ok).toBe(false);
    const audit = await app.db.selectFrom('audit_log').selectAll().where('method', '=', 'office.setup').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).not.toContain('PRIVATE KEY');
  });

  it('refuses a kecamatan outside the chosen kota and writes nothing', async () => {
    const res = await app.call('office.setup', {
      office: { ...(await import('../../../src-main/demo/demo')).demoOffice, kotaKode: '31.72' },
      admin: { username: 'admin', fullName: 'Admin', password: 'KunciPintuDepan71' },
    });
    expect(res.status).toBe(400);
    expect(res.error.fields.kecamatanKode).toMatch(/Kecamatan/);
    expect(await app.db.selectFrom('office').selectAll().execute()).toHaveLength(0);
    expect(await app.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });
});

describe('reference data', () => {
  it('loads DKI regions and KBLI 2020 with official codes', async () => {
    const kel = await app.ok('regions.list', { parent: '31.71.07' });
    expect(kel.map((r: { nama: string }) => r.nama)).toContain('Kebon Kacang');
    const count = await app.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('level', '=', 'kelurahan')
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(267);
    const token = await app.setup();
    const hits = await app.ok('kbli.search', { query: 'kue' }, token);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].kode).toMatch(/^\d{5}$/);
    expect((await app.ok('kbli.search', { query: '56101' }, token))[0].judul).toMatch(/Restoran/i);
  });
});

describe('validation and transactions', () => {
  it('names the field in Indonesian and writes nothing for bad input', async () => {
    const token = await app.setup();
    const before = await app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const res = await app.call('users.create', { username: 'A B', fullName: '', role: 'raja', password: 'pendek', extra: 1 }, token);
    expect(res.status).toBe(400);
    expect(res.error.fields.username).toMatch(/^Nama pengguna: /);
    expect(res.error.fields.fullName).toBe('Nama lengkap: wajib diisi');
    expect(res.error.fields.role).toMatch(/^Peran: harus salah satu dari/);
    expect(res.error.fields.password).toMatch(/^Kata sandi: minimal 12 karakter/);
    expect(res.error.fields.extra).toMatch(/tidak dikenal/);
    const after = await app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(after?.n).toBe(before?.n);
  });

  it('rolls back every write of a call that fails half way', async () => {
    const token = await app.setup();
    await app.ok('users.create', { username: 'budi', fullName: 'Budi', role: 'petugas', password: 'SandiKebun123' }, token);
    const admin = await app.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    // Demoting the only admin fails after the handler has loaded data: nothing may change.
    const res = await app.call('users.update', { id: admin.id, role: 'petugas', fullName: 'Nama Baru' }, token);
    expect(res.status).toBe(409);
    const row = await app.db.selectFrom('users').select(['role', 'full_name']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', full_name: 'Admin Kantor' });
  });

  it('keeps the audit log append-only', async () => {
    await app.setup();
    await expect(app.db.updateTable('audit_log').set({ method: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(app.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

describe('office settings', () => {
  it('lets the admin change the letterhead, signatory and target, not the region; others may only read', async () => {
    const admin = await app.setup();
    const office = await app.ok('office.get', {}, admin);
    const { kotaKode, kecamatanKode, kotaNama, kecamatanNama, keyId, publicKey, updatedAt, lanCertificateFingerprint, ...editable } = office;
    const updated = await app.ok('office.update', { ...editable, yearlyTarget: 5000, signatoryName: 'Drs. H. Ahmad Fauzi' }, admin);
    expect(updated).toMatchObject({ yearlyTarget: 5000, signatoryName: 'Drs. H. Ahmad Fauzi', kecamatanKode: '31.71.07' });
    const region = await app.call('office.update', { ...editable, kecamatanKode: '31.71.01' }, admin);
    expect(region.status).toBe(400);
    expect(region.error.fields.kecamatanKode).toMatch(/tidak dikenal/);
    const badNip = await app.call('office.update', { ...editable, signatoryNip: '12' }, admin);
    expect(badNip.error.fields.signatoryNip).toBe('NIP: harus 18 angka');
    const petugas = await app.userWithRole(admin, 'petugas');
    expect((await app.call('office.update', editable, petugas)).status).toBe(403);
    expect((await app.ok('office.get', {}, petugas)).yearlyTarget).toBe(5000);
    const audit = await app.db.selectFrom('audit_log').select(['before', 'after']).where('method', '=', 'office.update').execute();
    expect(audit).toHaveLength(1);
    expect((JSON.parse(audit[0].before!) as { yearlyTarget?: number }).yearlyTarget).toBe(4500);
  });
});
