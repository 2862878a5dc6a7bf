import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay, jakartaMonth } from '../../support/clock';
import { business, countOf, member, nikFor, petugasApp } from './fixtures';

let app: TestApp;
let tokens: Awaited<ReturnType<typeof petugasApp>>;
beforeEach(async () => {
  app = await makeTestApp();
  tokens = await petugasApp(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('members.register', () => {
  it('registers a member with a business: number from the template, scale, P1, search index, audit', async () => {
    const res = await app.ok('members.register', member(), tokens.petugas);
    const year = jakartaDay(app.clock).slice(0, 4);
    expect(res.memberNo).toBe(`JP-317107-${year}-000001`);
    const second = await app.ok('members.register', member({ fullName: 'Budi Santoso', gender: 'L', birthDate: '1990-01-31' }), tokens.petugas);
    expect(second.memberNo).toBe(`JP-317107-${year}-000002`);
    const profile = await app.ok('members.get', { id: res.id }, tokens.petugas);
    expect(profile.nikMasked).toMatch(/^3171••••••••\d{4}$/);
    expect(profile).not.toHaveProperty('nik');
    expect(profile.rt).toBe('003');
    expect(profile.phone).toBe('081234567890');
    expect(profile.kelurahanNama).toBe('Kebon Kacang');
    expect(profile.businesses[0].scale).toBe('mikro');
    expect(profile.businesses[0].kbliJudul).toBe('Rumah/Warung Makan');
    const p1 = profile.stages.find((s) => s.code === 'P1')!;
    expect(p1.status).toBe('selesai');
    expect(p1.recordedByName).toBe('Pengguna petugas1');
    expect(profile.stages.find((s) => s.code === 'P2')?.status).toBe('belum');
    const audit = await app.db.selectFrom('audit_log').selectAll().where('method', '=', 'members.register').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0].after).not.toContain(profile.nikMasked.slice(0, 4) + nikFor('1985-04-12', 'P', 1).slice(4, 12));
  });

  it('refuses bad input naming the field in Indonesian and writes nothing', async () => {
    const before = await countOf(app, 'audit_log');
    const res = await app.call(
      'members.register',
      member({
        nik: '3171075204850001',
        gender: 'L',
        kk: '3171070000000001',
        phone: '0712345',
        businesses: [business({ kbliKode: '99999', npwp: '12.345.678.9-012.345' })],
      }),
      tokens.petugas,
    );
    expect(res.status).toBe(400);
    expect(res.error.fields.nik).toMatch(/^NIK: .*jenis kelamin di NIK \(perempuan\) tidak sama dengan isian jenis kelamin \(laki-laki\)/);
    expect(res.error.fields.gender).toMatch(/jenis kelamin/);
    expect(res.error.fields.kk).toMatch(/^No\. KK: /);
    expect(res.error.fields.phone).toMatch(/^Nomor telepon: /);
    expect(res.error.fields['businesses.0.kbliKode']).toMatch(/^KBLI: kode 99999/);
    expect(res.error.fields['businesses.0.npwp']).toMatch(/^NPWP: digit pemeriksa/);
    expect(await countOf(app, 'members')).toBe(0);
    expect(await countOf(app, 'audit_log')).toBe(before);
  });

  it('says which one disagrees: the birth date in the NIK', async () => {
    const res = await app.call('members.register', member({ nik: nikFor('1985-04-13', 'P', 9) }), tokens.petugas);
    expect(res.status).toBe(400);
    expect(res.error.fields.nik).toContain('tanggal lahir di NIK (13-04-1985) tidak sama dengan isian tanggal lahir (12-04-1985)');
    expect(res.error.fields.birthDate).toBeDefined();
  });

  it('refuses an unknown kelurahan and a zod-level bad value with labels', async () => {
    const res = await app.call('members.register', member({ kelurahanKode: '31.71.07.1999', targetGroup: 'raja', businesses: [] }), tokens.petugas);
    expect(res.status).toBe(400);
    expect(res.error.fields.targetGroup).toMatch(/^Kategori sasaran: harus salah satu dari/);
    expect(res.error.fields.businesses).toMatch(/^Usaha: pilih minimal 1/);
    const res2 = await app.call('members.register', member({ kelurahanKode: '31.71.07.1999' }), tokens.petugas);
    expect(res2.error.fields.kelurahanKode).toBe('Kelurahan: tidak ada di daftar kelurahan DKI Jakarta');
  });

  it('refuses a NIK already registered and points to the existing member', async () => {
    const first = await app.ok('members.register', member(), tokens.petugas);
    const nik = (await app.ok('members.revealNik', { id: first.id }, tokens.petugas)).nik;
    const again = await app.call('members.register', member({ nik, fullName: 'Orang Lain' }), tokens.petugas);
    expect(again.status).toBe(409);
    expect(again.error.code).toBe('conflict');
    expect(again.error.fields.nik).toBe(`NIK: sudah terdaftar atas nama Siti Aminah (${first.memberNo})`);
    expect(again.error.fields.existingMemberId).toBe(first.id);
    expect(await countOf(app, 'members')).toBe(1);
  });

  it('warns about the same name and birth date with another NIK, and saves after confirmation', async () => {
    await app.ok('members.register', member({ fullName: 'Soekarno Djojo' }), tokens.petugas);
    const dup = await app.call('members.register', member({ fullName: 'Sukarno Jojo' }), tokens.petugas);
    expect(dup.status).toBe(409);
    expect(dup.error.fields.confirmDuplicate).toMatch(/Nama dan tanggal lahir sama dengan anggota Soekarno Djojo/);
    expect(dup.error.fields.existingMemberId).toBeTruthy();
    expect(await countOf(app, 'members')).toBe(1);
    const saved = await app.call('members.register', member({ fullName: 'Sukarno Jojo', confirmDuplicate: true }), tokens.petugas);
    expect(saved.ok).toBe(true);
    expect(await countOf(app, 'members')).toBe(2);
  });

  it('uses the configured member number template and never reuses a number', async () => {
    const bad = await app.call('registrations.updateSettings', { memberNumberTemplate: 'JP-{tahun}' }, tokens.admin);
    expect(bad.status).toBe(400);
    expect(bad.error.fields.memberNumberTemplate).toMatch(/^Templat nomor anggota: harus memuat nomor urut/);
    const unknown = await app.call('registrations.updateSettings', { memberNumberTemplate: 'JP-{desa}-{seq:4}' }, tokens.admin);
    expect(unknown.error.fields.memberNumberTemplate).toMatch(/penanda \{desa\} tidak dikenal/);
    expect((await app.call('registrations.updateSettings', { memberNumberTemplate: 'X/{seq}' }, tokens.petugas)).status).toBe(403);
    await app.ok('registrations.updateSettings', { memberNumberTemplate: 'TA/{kelurahan}/{bulan}{tahun}/{seq:4}' }, tokens.admin);
    const a = await app.ok('members.register', member(), tokens.petugas);
    const monthYear = jakartaMonth(app.clock).split('-').reverse().join('');
    expect(a.memberNo).toBe(`TA/3171071006/${monthYear}/0001`);
    // A failed registration does not consume a number.
    await app.call('members.register', member({ nik: 'salah' }), tokens.petugas);
    const b = await app.ok('members.register', member({ fullName: 'Ani', birthDate: '1979-02-03' }), tokens.petugas);
    expect(b.memberNo).toBe(`TA/3171071006/${monthYear}/0002`);
  });

  it('refuses a member number template that could hand out an issued number again, naming the field', async () => {
    const first = await app.ok('members.register', member(), tokens.petugas);
    await app.ok('members.register', member({ fullName: 'Ani', birthDate: '1979-02-03' }), tokens.petugas);
    const year = jakartaMonth(app.clock).slice(0, 4);
    expect(first.memberNo).toBe(`JP-317107-${year}-000001`);
    // The same numbers with a zero moved out of the counter: a new counter scope starting again at 1.
    const clash = await app.call('registrations.updateSettings', { memberNumberTemplate: 'JP-{kecamatan}-{tahun}-0{seq:5}' }, tokens.admin);
    expect(clash.status).toBe(409);
    expect(clash.error.fields.memberNumberTemplate).toBe(
      `Templat nomor anggota: dapat menghasilkan lagi nomor yang sudah diberikan (JP-317107-${year}-000001, milik Siti Aminah). Ubah bagian tetap templat, misalnya awalannya.`,
    );
    const literal = await app.call('registrations.updateSettings', { memberNumberTemplate: `JP-317107-${year}-00{seq:4}` }, tokens.admin);
    expect(literal.status).toBe(409);
    expect(await app.ok('registrations.getSettings', {}, tokens.admin)).toMatchObject({ memberNumberTemplate: 'JP-{kecamatan}-{tahun}-{seq:6}' });
    // Keeping the template, or one that continues the same counter, is fine.
    expect((await app.call('registrations.updateSettings', { memberNumberTemplate: `JP-317107-${year}-{seq:6}` }, tokens.admin)).status).toBe(200);
    expect((await app.call('registrations.updateSettings', { memberNumberTemplate: 'JP-{kecamatan}-{tahun}-{seq:6}' }, tokens.admin)).status).toBe(200);
    expect((await app.call('registrations.updateSettings', { memberNumberTemplate: 'JP-{kecamatan}-{tahun}-{seq:4}' }, tokens.admin)).status).toBe(200);
    expect((await app.ok('members.register', member({ fullName: 'Budi', birthDate: '1980-02-03', gender: 'L' }), tokens.petugas)).memberNo).toBe(
      `JP-317107-${year}-0003`,
    );
    expect((await app.call('registrations.updateSettings', { memberNumberTemplate: 'JPD-{kelurahan}-{seq:5}' }, tokens.admin)).status).toBe(200);
    expect((await app.ok('members.register', member({ fullName: 'Dewi', birthDate: '1981-02-03' }), tokens.petugas)).memberNo).toBe('JPD-3171071006-00001');
  });

  it('lets loket read but not register or reveal NIK; reveal is audited', async () => {
    const m = await app.ok('members.register', member(), tokens.petugas);
    expect((await app.call('members.register', member(), tokens.loket)).status).toBe(403);
    expect((await app.call('members.revealNik', { id: m.id }, tokens.loket)).status).toBe(403);
    const profile = await app.ok('members.get', { id: m.id }, tokens.loket);
    expect(profile.canRevealNik).toBe(false);
    expect(profile.nikMasked).toContain('••••');
    // An NPWP that is the owner's NIK stays masked for loket too.
    const nik = (await app.ok('members.revealNik', { id: m.id }, tokens.admin)).nik;
    await app.ok('businesses.update', { id: profile.businesses[0].id, ...business(), npwp: nik }, tokens.petugas);
    const again = await app.ok('members.get', { id: m.id }, tokens.loket);
    expect(again.businesses[0].npwp).toBe(`${nik.slice(0, 4)}••••••••${nik.slice(-4)}`);
    // ...and for every other role: the full value only through the audited reveal.
    const asPetugas = await app.ok('members.get', { id: m.id }, tokens.petugas);
    expect(asPetugas.businesses[0].npwp).toBe(again.businesses[0].npwp);
    const revealed = await app.ok('members.revealNik', { id: m.id }, tokens.admin);
    expect(revealed.nik).toMatch(/^\d{16}$/);
    expect(revealed.npwp).toEqual({ [profile.businesses[0].id]: nik });
    // The form sends the masked NPWP back unchanged: the stored one stays.
    await app.ok('businesses.update', { id: profile.businesses[0].id, ...business(), npwp: asPetugas.businesses[0].npwp }, tokens.petugas);
    expect((await app.db.selectFrom('businesses').select('npwp').where('id', '=', profile.businesses[0].id).executeTakeFirstOrThrow()).npwp).toBe(nik);
    const other = await app.call('businesses.update', { id: profile.businesses[0].id, ...business(), npwp: '3171••••••••9999' }, tokens.petugas);
    expect(other.error.fields.npwp).toMatch(/^NPWP: /);
    const audit = await app.db.selectFrom('audit_log').selectAll().where('method', '=', 'members.revealNik').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0].entity_id).toBe(m.id);
    expect(audit[0].username).toBe('admin');
  });

  it('updates with the same checks, keeps history, adds businesses, conditions and manual stages', async () => {
    const m = await app.ok('members.register', member(), tokens.petugas);
    const profile = await app.ok('members.get', { id: m.id }, tokens.petugas);
    const {
      nikMasked,
      kkMasked,
      canRevealNik,
      businesses,
      stages,
      kelurahanNama,
      kecamatanNama,
      pendampingNama,
      memberNo,
      registeredOn,
      createdAt,
      updatedAt,
      ...editable
    } = profile;
    const bad = await app.call('members.update', { ...editable, phone: '123' }, tokens.petugas);
    expect(bad.status).toBe(400);
    expect(bad.error.fields.phone).toMatch(/^Nomor telepon/);
    const updated = await app.ok('members.update', { ...editable, fullName: 'Siti Aminah Rahayu', addressStreet: 'Jl. Baru 1' }, tokens.petugas);
    expect(updated.fullName).toBe('Siti Aminah Rahayu');
    const biz = await app.ok(
      'businesses.add',
      { memberId: m.id, ...business({ name: 'Konveksi Rahayu', kbliKode: '14111', capital: 2_000_000_000 }) },
      tokens.petugas,
    );
    expect(biz.scale).toBe('kecil');
    await app.ok(
      'businesses.recordCondition',
      {
        businessId: biz.id,
        recordedOn: jakartaDay(app.clock, -27),
        closedTemporarily: true,
        turnoverDropPct: 40,
        recovered: true,
        sellsOnline: true,
        qris: true,
      },
      tokens.petugas,
    );
    await app.ok(
      'stages.record',
      { memberId: m.id, stage: 'P4', completedOn: jakartaDay(app.clock, -8), evidence: 'NIB 1234567890123 terbit' },
      tokens.petugas,
    );
    const again = await app.call('stages.record', { memberId: m.id, stage: 'P4', completedOn: jakartaDay(app.clock, -7), evidence: 'lagi' }, tokens.petugas);
    expect(again.status).toBe(409);
    const p = await app.ok('members.get', { id: m.id }, tokens.petugas);
    expect(p.businesses).toHaveLength(2);
    expect(p.businesses[1].latestCondition.qris).toBe(true);
    expect(p.stages.find((s) => s.code === 'P4')?.evidence).toBe('NIB 1234567890123 terbit');
    const history = await app.ok('members.history', { id: m.id }, tokens.petugas);
    const methods = history.map((h) => h.method);
    expect(methods).toEqual(expect.arrayContaining(['members.register', 'members.update', 'businesses.add', 'businesses.recordCondition', 'stages.record']));
    const upd = history.find((h) => h.method === 'members.update') as { before: { full_name: string }; after: { full_name: string } } | undefined;
    expect(upd?.before.full_name).toBe('Siti Aminah');
    expect(upd?.after.full_name).toBe('Siti Aminah Rahayu');
    expect(JSON.stringify(history)).not.toMatch(/"nik":"\d{16}"/);
    // The search index follows the edit and the new business.
    const found = await app.ok('members.list', { search: 'rahayu konveksi' }, tokens.petugas);
    expect(found.rows.map((r: { id: string }) => r.id)).toEqual([m.id]);
  });
});
