import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { createPendamping, insertMember, insertMemberWithBusiness, KELURAHAN, programmeCounts, stageOf } from '../../support/programme-factory';
import { SATURDAY_0900_WIB } from '../../support/clock';

// The test clock stands at 2026-11-28 09:00 WIB: the current month is 2026-11.
let app: TestApp;
let admin: string;
let petugas: string;

beforeEach(async () => {
  app = await makeTestApp(SATURDAY_0900_WIB);
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
});
afterEach(async () => {
  await app.dispose();
});

const training = (over: Record<string, unknown> = {}) => ({
  topic: 'Pemasaran Digital untuk Usaha Kuliner',
  startsAt: '2026-11-28T08:00',
  endsAt: '2026-11-28T15:00',
  mode: 'offline',
  place: 'Aula Kantor Kecamatan Tanah Abang',
  capacity: 2,
  trainer: 'Dewi Lestari, S.E.',
  skpd: 'ppkukm_ukm',
  ...over,
});

describe('P2 pelatihan', () => {
  it('fills seats up to capacity, refuses beyond it, keeps a waiting list in order and moves the first up on withdrawal', async () => {
    const t = await app.ok('trainings.create', training(), petugas);
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map((i) => insertMember(app, { fullName: `Peserta ${i}` })));
    expect((await app.ok('trainings.enrol', { trainingId: t.id, memberId: a.id }, petugas)).status).toBe('terdaftar');
    expect((await app.ok('trainings.enrol', { trainingId: t.id, memberId: b.id }, petugas)).status).toBe('terdaftar');

    const before = await programmeCounts(app);
    const full = await app.call('trainings.enrol', { trainingId: t.id, memberId: c.id }, petugas);
    expect(full.status).toBe(409);
    expect(full.error.message).toBe('Pelatihan penuh: 2 dari 2 kursi sudah terisi. Peserta 3 tidak didaftarkan; masukkan ke daftar tunggu bila perlu.');
    expect(await programmeCounts(app)).toEqual(before);

    expect(await app.ok('trainings.enrol', { trainingId: t.id, memberId: c.id, waitlist: true }, petugas)).toMatchObject({
      status: 'menunggu',
      waitlistPos: 1,
    });
    expect(await app.ok('trainings.enrol', { trainingId: t.id, memberId: d.id, waitlist: true }, petugas)).toMatchObject({
      status: 'menunggu',
      waitlistPos: 2,
    });
    const again = await app.call('trainings.enrol', { trainingId: t.id, memberId: a.id }, petugas);
    expect(again.error.message).toBe('Peserta 1 sudah terdaftar di pelatihan ini.');

    const w = await app.ok('trainings.withdraw', { trainingId: t.id, memberId: a.id }, petugas);
    expect(w.promoted).toEqual([c.id]);
    const got = await app.ok('trainings.get', { id: t.id }, petugas);
    expect(got.participants.map((p) => [p.fullName, p.status, p.waitlistPos])).toEqual([
      ['Peserta 2', 'terdaftar', null],
      ['Peserta 3', 'terdaftar', null],
      ['Peserta 4', 'menunggu', 2],
      ['Peserta 1', 'mundur', null],
    ]);
    const list = await app.ok('trainings.list', {}, petugas);
    expect(list.rows[0]).toMatchObject({ enrolled: 2, waiting: 1, attended: 0 });

    // Raising the capacity lets the waiting member in.
    const up = await app.ok('trainings.update', { id: t.id, ...training({ capacity: 3 }) }, petugas);
    expect(up.promoted).toEqual([d.id]);
    const lower = await app.call('trainings.update', { id: t.id, ...training({ capacity: 1 }) }, petugas);
    expect(lower.error.fields.capacity).toBe('Kapasitas: sudah ada 3 peserta terdaftar; kapasitas tidak boleh kurang dari itu');
  });

  it('takes attendance only for enrolled members, completes the training, records P2 and prints certificates', async () => {
    const t = await app.ok('trainings.create', training({ capacity: 3 }), petugas);
    const siti = await insertMember(app, { fullName: 'Siti Aminah', gender: 'P' });
    const budi = await insertMember(app, { fullName: 'Budi Hartono' });
    const absent = await insertMember(app, { fullName: 'Rudi Absen' });
    const waiting = await insertMember(app, { fullName: 'Wati Menunggu', gender: 'P' });
    const stranger = await insertMember(app, { fullName: 'Tono Luar' });
    for (const m of [siti, budi, absent]) await app.ok('trainings.enrol', { trainingId: t.id, memberId: m.id }, petugas);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: waiting.id, waitlist: true }, petugas);

    const before = await programmeCounts(app);
    const notEnrolled = await app.call(
      'trainings.attendance',
      {
        trainingId: t.id,
        marks: [
          { memberId: siti.id, attended: true },
          { memberId: stranger.id, attended: true },
        ],
      },
      petugas,
    );
    expect(notEnrolled.status).toBe(400);
    expect(notEnrolled.error.fields['marks.1.memberId']).toBe('Kehadiran: Tono Luar tidak terdaftar sebagai peserta pelatihan ini; kehadiran tidak dicatat');
    const onWaitlist = await app.call('trainings.attendance', { trainingId: t.id, marks: [{ memberId: waiting.id, attended: true }] }, petugas);
    expect(onWaitlist.error.message).toContain('Wati Menunggu masih di daftar tunggu');
    expect(await programmeCounts(app)).toEqual(before);
    const got = await app.ok('trainings.get', { id: t.id }, petugas);
    expect(got.participants.every((p) => p.attended === 0)).toBe(true);

    const early = await app.call('trainings.certificates', { trainingId: t.id }, petugas);
    expect(early.error.message).toBe('Sertifikat dicetak setelah pelatihan dinyatakan selesai.');

    await app.ok(
      'trainings.attendance',
      {
        trainingId: t.id,
        marks: [
          { memberId: siti.id, attended: true },
          { memberId: budi.id, attended: true },
          { memberId: absent.id, attended: false },
        ],
      },
      petugas,
    );
    const done = await app.ok('trainings.complete', { id: t.id }, petugas);
    expect(done).toMatchObject({ status: 'selesai', completedOn: '2026-11-28', graduates: 2, stagesRecorded: 2 });
    expect(await stageOf(app, siti.id, 'P2')).toMatchObject({
      status: 'selesai',
      completed_on: '2026-11-28',
      source: 'training',
      source_id: t.id,
      evidence: 'Pelatihan: Pemasaran Digital untuk Usaha Kuliner',
    });
    expect(await stageOf(app, budi.id, 'P2')).toMatchObject({ status: 'selesai' });
    expect(await stageOf(app, absent.id, 'P2')).toBeUndefined();
    expect(await stageOf(app, waiting.id, 'P2')).toBeUndefined();
    const late = await app.call('trainings.attendance', { trainingId: t.id, marks: [{ memberId: absent.id, attended: true }] }, petugas);
    expect(late.error.message).toBe('Pelatihan sudah dinyatakan selesai; peserta tidak dapat diubah lagi.');

    const one = await app.ok('trainings.certificate', { trainingId: t.id, memberId: siti.id }, petugas);
    expect(one.mimeType).toBe('application/pdf');
    const [page] = await extractPdfText(Buffer.from(one.base64, 'base64'));
    expect(page).toContain('SERTIFIKAT');
    expect(page).toContain('PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA');
    expect(page).toContain('Siti Aminah');
    expect(page).toContain('Pemasaran Digital untuk Usaha Kuliner');
    expect(page).toContain('28 November 2026');
    expect(page).toContain('Dra. Maria Ulfa, M.Si.');
    expect(page).toContain('NIP. 197203151998032004');
    expect(page).toContain('Dinas PPKUKM (UKM)');
    expect(page).toContain('Dewi Lestari, S.E.');
    // Numbers were given at completion, in name order: Budi 0001, Siti 0002.
    expect(page).toContain('Nomor: 0002/SERT-P2/31.71.07/XI/2026');

    const all = await app.ok('trainings.certificates', { trainingId: t.id }, petugas);
    expect(all.count).toBe(2);
    const pages = await extractPdfText(Buffer.from(all.base64, 'base64'));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Budi Hartono');
    expect(pages[1]).toContain('Siti Aminah');
    const refused = await app.call('trainings.certificate', { trainingId: t.id, memberId: absent.id }, petugas);
    expect(refused.error.fields.memberId).toBe('Anggota: tidak lulus (tidak hadir atau tidak terdaftar) pada pelatihan ini');
  });

  it('validates the schedule, place and link in Indonesian, and keeps attendance for the day itself', async () => {
    const r1 = await app.call('trainings.create', training({ endsAt: '2026-11-28T07:00' }), petugas);
    expect(r1.error.fields.endsAt).toBe('Selesai: harus sesudah waktu mulai');
    const r2 = await app.call('trainings.create', training({ mode: 'online', place: null }), petugas);
    expect(r2.error.fields.link).toBe('Tautan daring: wajib diisi untuk pelatihan daring');
    const r3 = await app.call('trainings.create', training({ capacity: 0 }), petugas);
    expect(r3.error.fields.capacity).toBe('Kapasitas: tidak boleh kurang dari 1');
    const future = await app.ok('trainings.create', training({ startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T12:00' }), petugas);
    const m = await insertMember(app);
    await app.ok('trainings.enrol', { trainingId: future.id, memberId: m.id }, petugas);
    const att = await app.call('trainings.attendance', { trainingId: future.id, marks: [{ memberId: m.id, attended: true }] }, petugas);
    expect(att.error.message).toBe('Pelatihan belum dimulai; kehadiran dicatat pada hari pelaksanaan.');
    const loket = await app.userWithRole(admin, 'loket');
    expect((await app.call('trainings.list', {}, loket)).status).toBe(403);
  });
});

describe('P3 pendampingan', () => {
  it('assigns pendamping individually and by kelurahan, lists members due a visit, and records P3 at the first visit', async () => {
    const pd = await createPendamping(app, admin, 'yanti', 'Yanti Pendamping');
    const a = await insertMember(app, { fullName: 'Ahmad Gelora', kelurahanKode: KELURAHAN.gelora });
    const b = await insertMember(app, { fullName: 'Bunga Gelora', kelurahanKode: KELURAHAN.gelora });
    const c = await insertMember(app, { fullName: 'Citra Bendungan', kelurahanKode: KELURAHAN.bendungan });

    const notPendamping = await app.call('mentoring.assign', { memberIds: [c.id], pendampingId: (await app.ok('auth.session', {}, petugas))!.user.id }, admin);
    expect(notPendamping.error.fields.pendampingId).toBe('Pendamping: Pengguna petugas1 bukan pendamping aktif');

    await app.ok('mentoring.assign', { memberIds: [c.id], pendampingId: pd.id }, petugas);
    const bulk = await app.ok('mentoring.assignByKelurahan', { kelurahanKode: KELURAHAN.gelora, pendampingId: pd.id }, petugas);
    expect(bulk).toMatchObject({ updated: 2, kelurahan: 'Gelora' });
    const kel = await app.ok('mentoring.kelurahan', {}, petugas);
    expect(kel.find((k) => k.kode === KELURAHAN.gelora)).toMatchObject({ members: 2, assigned: 2 });

    const before = await programmeCounts(app);
    const future = await app.call('mentoring.recordVisit', { memberId: a.id, visitedOn: '2026-11-29', topic: 'Pembukuan' }, pd.token);
    expect(future.error.fields.visitedOn).toBe('Tanggal kunjungan: tidak boleh di masa depan');
    expect(await programmeCounts(app)).toEqual(before);

    const v1 = await app.ok(
      'mentoring.recordVisit',
      { memberId: a.id, visitedOn: '2026-11-20', topic: 'Pembukuan sederhana', notes: 'Belum mencatat pengeluaran', followUp: 'Pakai aplikasi kas' },
      pd.token,
    );
    expect(v1.stageRecorded).toBe(true);
    expect(await stageOf(app, a.id, 'P3')).toMatchObject({ status: 'selesai', completed_on: '2026-11-20', source: 'visit', recorded_by: pd.id });
    // An older visit entered later moves the stage back to it: the earliest visit dates P3.
    const v0 = await app.ok('mentoring.recordVisit', { memberId: a.id, visitedOn: '2026-09-01', topic: 'Perkenalan' }, pd.token);
    expect(v0.stageRecorded).toBe(true);
    expect(await stageOf(app, a.id, 'P3')).toMatchObject({ completed_on: '2026-09-01', evidence: 'Kunjungan pendampingan: Perkenalan' });
    await app.ok('mentoring.recordVisit', { memberId: b.id, visitedOn: '2026-10-01', topic: 'Kemasan produk' }, pd.token);

    const mine = await app.ok('mentoring.myMembers', { sort: 'name' }, pd.token);
    expect(mine.overdueDays).toBe(30);
    expect(mine.rows.map((r) => [r.fullName, r.lastVisit, r.daysSinceVisit, r.overdue])).toEqual([
      ['Ahmad Gelora', '2026-11-20', 8, false],
      ['Bunga Gelora', '2026-10-01', 58, true],
      ['Citra Bendungan', null, null, true],
    ]);
    const due = await app.ok('mentoring.myMembers', { overdueOnly: true, sort: 'name' }, pd.token);
    expect(due.rows.map((r) => r.fullName)).toEqual(['Bunga Gelora', 'Citra Bendungan']);

    await app.ok('programme.saveSettings', { ...(await app.ok('programme.settings', {}, admin)), visitOverdueDays: 60 }, admin);
    const due60 = await app.ok('mentoring.myMembers', { overdueOnly: true }, pd.token);
    expect(due60.rows.map((r) => r.fullName)).toEqual(['Citra Bendungan']);

    const noOwn = await app.call('mentoring.myMembers', {}, petugas);
    expect(noOwn.error.fields.pendampingId).toBe('Pendamping: pilih pendamping (Anda sendiri bukan pendamping)');
    const visits = await app.ok('mentoring.visits', { memberId: a.id }, petugas);
    expect(visits.map((v) => v.visitedOn)).toEqual(['2026-11-20', '2026-09-01']);
  });
});

describe('P6 pelaporan keuangan', () => {
  it('refuses a negative turnover and a future month, records P6 at the first report, and fills the grid with last month', async () => {
    const pd = await createPendamping(app, admin, 'yanti');
    const x = await insertMemberWithBusiness(app, { fullName: 'Xena Kuliner', pendampingId: pd.id }, { name: 'Dapur Xena' });
    const y = await insertMemberWithBusiness(app, { fullName: 'Yusuf Kriya', pendampingId: pd.id }, { name: 'Anyaman Yusuf' });
    await insertMemberWithBusiness(app, { fullName: 'Zaki Lain' });

    const before = await programmeCounts(app);
    const negative = await app.call('turnover.record', { businessId: x.business.id, month: '2026-10', turnover: -1 }, pd.token);
    expect(negative.status).toBe(400);
    expect(negative.error.fields.turnover).toBe('Omzet: tidak boleh kurang dari 0 (omzet tidak bisa negatif)');
    const future = await app.call('turnover.record', { businessId: x.business.id, month: '2026-12', turnover: 1_000_000 }, pd.token);
    expect(future.error.fields.month).toBe('Bulan: Desember 2026 belum berjalan; laporan hanya untuk bulan ini atau sebelumnya');
    const badGrid = await app.call(
      'turnover.saveGrid',
      {
        month: '2026-10',
        rows: [
          { businessId: x.business.id, turnover: 5_000_000 },
          { businessId: y.business.id, turnover: -5 },
        ],
      },
      pd.token,
    );
    expect(badGrid.error.fields['rows.1.turnover']).toBe('Baris › baris 2 › Omzet: tidak boleh kurang dari 0 (omzet tidak bisa negatif)');
    expect(await programmeCounts(app)).toEqual(before);

    const first = await app.ok(
      'turnover.record',
      { businessId: x.business.id, month: '2026-09', turnover: 4_000_000, profit: -250_000, employees: 2 },
      pd.token,
    );
    expect(first).toEqual({ created: true, stageRecorded: true });
    // Reached in the month the report covers, not on the day it was typed in.
    expect(await stageOf(app, x.member.id, 'P6')).toMatchObject({ status: 'selesai', completed_on: '2026-09-01', source: 'report' });
    const biz = await app.db.selectFrom('businesses').select(['monthly_turnover', 'employees']).where('id', '=', x.business.id).executeTakeFirstOrThrow();
    expect(biz).toEqual({ monthly_turnover: 4_000_000, employees: 2 });

    const grid = await app.ok('turnover.grid', { month: '2026-10' }, pd.token);
    expect(grid.previousMonth).toBe('2026-09');
    expect(grid.rows.map((r) => [r.memberName, r.businessName, r.previous?.turnover ?? null, r.current])).toEqual([
      ['Xena Kuliner', 'Dapur Xena', 4_000_000, null],
      ['Yusuf Kriya', 'Anyaman Yusuf', null, null],
    ]);
    const saved = await app.ok(
      'turnover.saveGrid',
      {
        month: '2026-10',
        rows: [
          { businessId: x.business.id, turnover: 4_500_000, profit: 400_000, employees: 2 },
          { businessId: y.business.id, turnover: 2_000_000 },
        ],
      },
      pd.token,
    );
    expect(saved).toEqual({ created: 2, updated: 0, stagesRecorded: 1 });
    expect(await stageOf(app, y.member.id, 'P6')).toMatchObject({ status: 'selesai' });
    const corrected = await app.ok('turnover.saveGrid', { month: '2026-10', rows: [{ businessId: y.business.id, turnover: 2_100_000 }] }, pd.token);
    expect(corrected).toEqual({ created: 0, updated: 1, stagesRecorded: 0 });
    const again = await app.ok('turnover.grid', { month: '2026-10' }, pd.token);
    expect(again.rows[1].current).toEqual({ turnover: 2_100_000, profit: null, employees: null });
  });

  it('gives the member page twelve months of trend with the naik-kelas flag', async () => {
    const { member, business } = await insertMemberWithBusiness(app, { fullName: 'Tumbuh Terus' });
    const values = [10, 10.5, 11, 11.5, 12, 12.5, 13].map((j) => j * 1_000_000);
    const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    await app.ok('turnover.saveGrid', { month: months[0], rows: [{ businessId: business.id, turnover: values[0] }] }, petugas);
    for (let i = 1; i < months.length; i++) await app.ok('turnover.record', { businessId: business.id, month: months[i], turnover: values[i] }, petugas);
    // The grid flags the business for the month that completes the growth, not before.
    const pd = await createPendamping(app, admin, 'tumbuh');
    await app.ok('mentoring.assign', { memberIds: [member.id], pendampingId: pd.id }, petugas);
    expect((await app.ok('turnover.grid', { month: '2026-10' }, pd.token)).rows[0]).toMatchObject({ businessId: business.id, naikKelas: true });
    expect((await app.ok('turnover.grid', { month: '2026-05' }, pd.token)).rows[0].naikKelas).toBe(false);
    const trend = await app.ok('turnover.trend', { memberId: member.id }, petugas);
    expect(trend.months).toHaveLength(12);
    expect(trend.months.at(-1)).toBe('2026-11');
    const b = trend.businesses[0];
    expect(b.points.filter((p) => p.turnover !== null).map((p) => p.month)).toEqual(months);
    expect(b.naikKelas).toMatchObject({ naikKelas: true, growthMet: true, classChange: false });
    expect(b.naikKelas.growth).toBeCloseTo(0.3);
    // A stricter office setting (40%) no longer flags it.
    const s = await app.ok('programme.settings', {}, admin);
    await app.ok('programme.saveSettings', { ...s, naikKelas: { growthShare: 0.4, windowMonths: 6 } }, admin);
    expect((await app.ok('turnover.trend', { memberId: member.id }, petugas)).businesses[0].naikKelas.naikKelas).toBe(false);
  });
});

describe('P7 permodalan', () => {
  const reportThreeMonths = async (businessId: string) => {
    for (const month of ['2026-08', '2026-09', '2026-10']) await app.ok('turnover.record', { businessId, month, turnover: 8_000_000 }, petugas);
  };

  it('names each bankability rule, counts a P4 stage or a permit as the permit rule', async () => {
    const { member, business } = await insertMemberWithBusiness(app, {}, { nib: null, npwp: null, startDate: '2026-08-01' });
    let check = await app.ok('financing.check', { businessId: business.id }, petugas);
    expect(check.bankable).toBe(false);
    expect(check.checks.map((c) => [c.rule, c.met, c.detail])).toEqual([
      ['izin', false, 'Belum ada NIB, IUMK terbit, atau tahap P4 selesai'],
      ['npwp', false, 'NPWP usaha belum dicatat'],
      ['umur', false, 'Usaha berjalan 3 bulan'],
      ['omzet', false, 'Belum dilaporkan: Agustus 2026, September 2026, Oktober 2026'],
    ]);
    expect(check.suggestedChannels).toEqual(['fintech', 'pegadaian', 'koperasi']);

    // P4 recorded by hand (the registration feature's stages.record) counts as the permit.
    await app.ok('stages.record', { memberId: member.id, stage: 'P4', completedOn: '2026-11-02', evidence: 'NIB dari OSS 9120001234567' }, petugas);
    expect(await stageOf(app, member.id, 'P4')).toMatchObject({ status: 'selesai', source: 'manual', evidence: 'NIB dari OSS 9120001234567' });

    await app.db.updateTable('businesses').set({ npwp: '012345678901234', start_date: '2026-05-28' }).where('id', '=', business.id).execute();
    await reportThreeMonths(business.id);
    check = await app.ok('financing.check', { businessId: business.id }, petugas);
    expect(check.checks.map((c) => c.met)).toEqual([true, true, true, true]);
    expect(check.checks[0].detail).toContain('Tahap P4 selesai 2 November 2026');
    expect(check.bankable).toBe(true);
    expect(check.suggestedChannels).toEqual(['bank_dki']);

    // An IUMK issued by the permit register counts too.
    const withPermit = await insertMemberWithBusiness(app, {}, { nib: null, npwp: '012345678901234' });
    const beforePermit = await app.ok('financing.check', { businessId: withPermit.business.id }, petugas);
    expect(beforePermit.checks[0].met).toBe(false);
    const at = '2026-11-20T03:00:00.000Z';
    await sql`insert into permits (id, member_id, business_id, channel, category, location_type, status, number, issued_on, submitted_at, status_at, created_at, updated_at)
      values ('permit-1', ${withPermit.member.id}, ${withPermit.business.id}, 'loket', 'non_binaan', 'menetap', 'terbit', '510/0001/IUMK/1001/XI/2026', '2026-11-20', ${at}, ${at}, ${at}, ${at})`.execute(
      app.db,
    );
    const afterPermit = await app.ok('financing.check', { businessId: withPermit.business.id }, petugas);
    expect(afterPermit.checks[0]).toMatchObject({ met: true, detail: 'IUMK 510/0001/IUMK/1001/XI/2026' });

    const withNib = await insertMemberWithBusiness(app, {}, { nib: '9120001234567', npwp: '012345678901234' });
    await reportThreeMonths(withNib.business.id);
    const c2 = await app.ok('financing.check', { businessId: withNib.business.id }, petugas);
    expect(c2.checks[0]).toMatchObject({ met: true, detail: 'NIB 9120001234567' });
    expect(c2.bankable).toBe(true);
  });

  it('refuses a Bank DKI referral when checks fail unless a supervisor overrides with a reason; disbursement records P7', async () => {
    const supervisor = await app.userWithRole(admin, 'supervisor');
    const { member, business } = await insertMemberWithBusiness(app, { fullName: 'Belum Layak' }, { nib: null });
    const before = await programmeCounts(app);
    const refused = await app.call('financing.refer', { businessId: business.id, channel: 'bank_dki', amountRequested: 10_000_000 }, petugas);
    expect(refused.status).toBe(409);
    expect(refused.error.message).toMatch(/^Belum layak bank, rujukan ke Bank DKI ditolak\. Syarat belum terpenuhi: Memiliki izin usaha \(NIB\/IUMK\)/);
    const petugasOverride = await app.call(
      'financing.refer',
      { businessId: business.id, channel: 'bank_dki', amountRequested: 10_000_000, overrideReason: 'Sudah diajukan NIB' },
      petugas,
    );
    expect(petugasOverride.status).toBe(403);
    expect(petugasOverride.error.message).toBe('Pengecualian syarat kelayakan bank hanya dapat diberikan oleh supervisor.');
    expect(await programmeCounts(app)).toEqual(before);

    const fintech = await app.ok(
      'financing.refer',
      { businessId: business.id, channel: 'fintech', institution: 'Koinworks', amountRequested: 5_000_000 },
      petugas,
    );
    expect(fintech).toMatchObject({ status: 'diajukan', bankable: 0, institution: 'Koinworks', overrideReason: null });
    const overridden = await app.ok(
      'financing.refer',
      {
        businessId: business.id,
        channel: 'bank_dki',
        product: 'Monas Pemula',
        amountRequested: 10_000_000,
        overrideReason: 'NIB terbit minggu ini, menunggu OSS',
      },
      supervisor,
    );
    expect(overridden).toMatchObject({ status: 'diajukan', bankable: 0, overrideReason: 'NIB terbit minggu ini, menunggu OSS' });

    const tooMuch = await app.call('financing.transition', { id: overridden.id, status: 'disetujui', on: '2026-11-28', amount: 12_000_000 }, petugas);
    expect(tooMuch.error.fields.amount).toBe('Jumlah: tidak boleh melebihi yang diajukan (Rp 10.000.000)');
    const skip = await app.call('financing.transition', { id: overridden.id, status: 'dicairkan', on: '2026-11-28', amount: 1 }, petugas);
    expect(skip.error.fields.status).toBe('Status: dari Diajukan hanya bisa ke Disetujui atau Ditolak');
    await app.ok('financing.transition', { id: overridden.id, status: 'disetujui', on: '2026-11-28', amount: 8_000_000 }, petugas);
    expect(await stageOf(app, member.id, 'P7')).toBeUndefined();
    const paid = await app.ok('financing.transition', { id: overridden.id, status: 'dicairkan', on: '2026-11-28' }, petugas);
    expect(paid).toMatchObject({ status: 'dicairkan', amountApproved: 8_000_000, amountDisbursed: 8_000_000, disbursedOn: '2026-11-28', stageRecorded: true });
    expect(await stageOf(app, member.id, 'P7')).toMatchObject({
      status: 'selesai',
      completed_on: '2026-11-28',
      source: 'financing',
      source_id: overridden.id,
      evidence: 'Pencairan Bank DKI Rp 8.000.000',
    });
    const rejected = await app.ok('financing.transition', { id: fintech.id, status: 'ditolak', on: '2026-11-28', note: 'Riwayat kredit' }, petugas);
    expect(rejected.status).toBe('ditolak');
    const list = await app.ok('financing.list', { status: 'dicairkan' }, petugas);
    expect(list.rows.map((r) => r.memberName)).toEqual(['Belum Layak']);
  });
});
