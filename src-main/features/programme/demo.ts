// Demo programme activity: trainings (past ones completed with attendance, an upcoming one
// with a waiting list), pendamping assignments by kelurahan and visits, six months of turnover
// for the pendamping's members, and capital referrals in every status. Everything goes through
// the API as the office staff would enter it, so the same rules and stage records apply.
import type { Api, MethodName } from '../../api';
import { callAs } from '../../demo/demo';
import type { DemoContext } from '../../demo/steps';
import { addMonths, monthOf } from '../../../src-shared/rules/months';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const TOPICS = [
  ['Pemasaran Digital dan Media Sosial untuk UMKM', 'Dewi Lestari, S.E.', 'ppkukm_ukm'],
  ['Pembukuan Sederhana dan Aplikasi Kasir', 'Rahmat Hidayat, S.Ak.', 'ppkukm_ukm'],
  ['Higiene Sanitasi Pangan dan Sertifikasi Halal', 'drh. Maya Sari', 'kpkp'],
  ['Pengemasan dan Foto Produk', 'Andre Wijaya', 'parekraf'],
] as const;

const VISIT_TOPICS = [
  'Pembukuan harian',
  'Kemasan produk',
  'Pemasaran daring',
  'Persiapan NIB melalui OSS',
  'Pengajuan modal usaha',
  'Perluasan tempat usaha',
  'Pendaftaran QRIS',
];

export async function programmeDemo(ctx: DemoContext): Promise<void> {
  const { app, tokens, rng, today } = ctx;
  const petugas = tokens.petugas;
  const call = <M extends MethodName>(token: string, method: M, input: unknown) => callAs<Api[M]['output']>(app, token, method, input);
  const memberCount =
    (
      await app.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0;
  if (memberCount === 0) {
    ctx.log('Program 7P: belum ada anggota, data program demo dilewati.');
    return;
  }
  const pendamping = await app.db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('is_pendamping', '=', 1)
    .where('active', '=', 1)
    .orderBy('username')
    .executeTakeFirst();
  if (!pendamping) {
    ctx.log('Program 7P: tidak ada pendamping aktif, data program demo dilewati.');
    return;
  }

  // P3: a pendamping looks after a few hundred members. A kelurahan of that size is assigned in
  // one go; in a large office, a list of members without a pendamping is assigned instead.
  const kelurahan = await call(petugas, 'mentoring.kelurahan', {});
  const small = kelurahan
    .filter((k) => k.members - k.assigned > 0 && k.members - k.assigned <= 150)
    .sort((a, b) => b.members - a.members)
    .at(0);
  if (small) {
    await call(petugas, 'mentoring.assignByKelurahan', { kelurahanKode: small.kode, pendampingId: pendamping.id, onlyUnassigned: true });
  } else {
    const unassigned = await app.db
      .selectFrom('members')
      .select('id')
      .where('pendamping_id', 'is', null)
      .where('status', '=', 'aktif')
      .orderBy('registered_on', 'desc')
      .limit(150)
      .execute();
    if (unassigned.length) await call(petugas, 'mentoring.assign', { memberIds: unassigned.map((m) => m.id), pendampingId: pendamping.id });
  }
  const mine = await app.db
    .selectFrom('members')
    .select(['id'])
    .where('pendamping_id', '=', pendamping.id)
    .where('status', '=', 'aktif')
    .orderBy('name_key')
    .limit(400)
    .execute();
  let visits = 0;
  for (const [i, m] of mine.slice(0, 60).entries()) {
    // Every fifth member has not been visited: the "perlu dikunjungi" list is never empty.
    if (i % 5 === 4) continue;
    const n = rng.int(1, 3);
    for (let v = 0; v < n; v++) {
      await call(petugas, 'mentoring.recordVisit', {
        memberId: m.id,
        visitedOn: addDays(today, -rng.int(v * 30, v * 30 + 45)),
        topic: rng.pick(VISIT_TOPICS),
        notes: rng.chance(0.6) ? 'Usaha berjalan, pencatatan keuangan mulai rapi.' : null,
        followUp: rng.chance(0.5) ? 'Kunjungan ulang bulan depan' : null,
      });
      visits++;
    }
  }

  // P2: three completed trainings, two of them in one month (their certificates number on from
  // one yearly sequence), and one upcoming with a waiting list.
  const pool = (await app.db.selectFrom('members').select('id').where('status', '=', 'aktif').orderBy('registered_on').limit(200).execute()).map((m) => m.id);
  // The month both fall in: this month once its 16th has passed, else the month before.
  const sameMonth = Number(today.slice(8, 10)) > 15 ? monthOf(today) : addMonths(monthOf(today), -1);
  const trainingPlan = [
    { date: addDays(today, -60), capacity: 30, enrol: 34, topic: TOPICS[1] },
    { date: `${sameMonth}-05`, capacity: 40, enrol: 40, topic: TOPICS[0] },
    { date: `${sameMonth}-12`, capacity: 20, enrol: 22, topic: TOPICS[3] },
    { date: addDays(today, 7), capacity: 25, enrol: 28, topic: TOPICS[2], mode: 'online' as const },
  ];
  let graduates = 0;
  for (const [index, plan] of trainingPlan.entries()) {
    const date = plan.date;
    const training = await call(petugas, 'trainings.create', {
      topic: plan.topic[0],
      startsAt: `${date}T09:00`,
      endsAt: `${date}T15:00`,
      mode: plan.mode ?? 'offline',
      place: plan.mode === 'online' ? null : 'Aula Kantor Kecamatan Tanah Abang',
      link: plan.mode === 'online' ? 'https://zoom.us/j/8123456789' : null,
      capacity: plan.capacity,
      trainer: plan.topic[1],
      skpd: plan.topic[2],
    });
    const start = (index * 45) % Math.max(1, pool.length);
    const chosen = [...pool.slice(start), ...pool.slice(0, start)].slice(0, Math.min(plan.enrol, pool.length));
    for (const [i, memberId] of chosen.entries()) {
      await call(petugas, 'trainings.enrol', { trainingId: training.id, memberId, waitlist: i >= plan.capacity });
    }
    if (date < today) {
      // One enrolled participant withdraws: the first on the waiting list takes the seat.
      if (chosen.length > plan.capacity) await call(petugas, 'trainings.withdraw', { trainingId: training.id, memberId: chosen[0] });
      const got = await call(petugas, 'trainings.get', { id: training.id });
      const marks = got.participants.filter((p) => p.status === 'terdaftar').map((p) => ({ memberId: p.memberId, attended: rng.chance(0.85) }));
      await call(petugas, 'trainings.attendance', { trainingId: training.id, marks });
      graduates += (await call(petugas, 'trainings.complete', { id: training.id })).graduates;
    }
  }

  // P6: six months of turnover for the pendamping's members' businesses, entered month by month.
  const businesses = await app.db
    .selectFrom('businesses as b')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .select(['b.id', 'b.monthly_turnover'])
    .where('m.pendamping_id', '=', pendamping.id)
    .where('b.status', '=', 'aktif')
    .orderBy('m.name_key')
    .limit(300)
    .execute();
  const current = monthOf(today);
  const level = new Map(businesses.map((b) => [b.id, Math.max(500_000, b.monthly_turnover || rng.int(2, 15) * 1_000_000)]));
  // About one business in six grows fast enough to be flagged naik kelas.
  const fast = new Set(businesses.filter(() => rng.chance(0.17)).map((b) => b.id));
  for (let back = 6; back >= 1; back--) {
    const month = addMonths(current, -back);
    const rows = businesses.map((b) => {
      const growth = fast.has(b.id) ? 1.04 + rng.next() * 0.06 : 0.97 + rng.next() * 0.06;
      const previous = level.get(b.id);
      if (previous === undefined) throw new Error(`No turnover level for business ${b.id}`);
      const turnover = Math.round((previous * growth) / 10_000) * 10_000;
      level.set(b.id, turnover);
      return { businessId: b.id, turnover, profit: Math.round((turnover * (0.1 + rng.next() * 0.15)) / 10_000) * 10_000, employees: rng.int(1, 6) };
    });
    if (rows.length) await call(petugas, 'turnover.saveGrid', { month, rows });
  }

  // P7: referrals in every status; Bank DKI for bankable businesses (or by a supervisor's exception).
  const checks: { businessId: string; bankable: boolean }[] = [];
  for (const b of businesses.slice(0, 80)) {
    const c = await call(petugas, 'financing.check', { businessId: b.id });
    checks.push({ businessId: b.id, bankable: c.bankable });
  }
  const bankable = checks.filter((c) => c.bankable).map((c) => c.businessId);
  const others = checks.filter((c) => !c.bankable).map((c) => c.businessId);
  const plan: {
    channel: 'bank_dki' | 'fintech' | 'pegadaian' | 'koperasi';
    institution: string;
    product?: string;
    amount: number;
    status: 'diajukan' | 'disetujui' | 'ditolak' | 'dicairkan';
  }[] = [
    { channel: 'bank_dki', institution: 'Bank DKI', product: 'Monas Pemula', amount: 10_000_000, status: 'dicairkan' },
    { channel: 'bank_dki', institution: 'Bank DKI', product: 'Monas Pemula', amount: 10_000_000, status: 'disetujui' },
    { channel: 'bank_dki', institution: 'Bank DKI', product: 'Monas 25', amount: 25_000_000, status: 'diajukan' },
    { channel: 'fintech', institution: 'Koinworks', amount: 5_000_000, status: 'dicairkan' },
    { channel: 'fintech', institution: 'Koinworks', amount: 8_000_000, status: 'ditolak' },
    { channel: 'pegadaian', institution: 'Pegadaian Cabang Tanah Abang', product: 'Kredit Usaha Mikro', amount: 7_500_000, status: 'disetujui' },
    { channel: 'koperasi', institution: 'Koperasi Jasa Jakpreneur Tanah Abang', amount: 3_000_000, status: 'diajukan' },
    { channel: 'koperasi', institution: 'Koperasi Jasa Jakpreneur Tanah Abang', amount: 2_000_000, status: 'ditolak' },
  ];
  let referrals = 0;
  for (const [i, r] of plan.entries()) {
    const useBankable = r.channel === 'bank_dki' && bankable.length > 0;
    const businessId = useBankable ? bankable.shift() : (others.shift() ?? bankable.shift());
    if (!businessId) break;
    const submittedOn = addDays(today, -rng.int(25, 50));
    const needsOverride = r.channel === 'bank_dki' && !useBankable;
    const referral = await call(needsOverride ? tokens.supervisor : petugas, 'financing.refer', {
      businessId,
      channel: r.channel,
      institution: r.institution,
      product: r.product ?? null,
      amountRequested: r.amount,
      submittedOn,
      overrideReason: needsOverride ? 'NIB sedang diproses di OSS; usaha berjalan baik menurut pendamping' : null,
    });
    referrals++;
    const decidedOn = addDays(submittedOn, 7 + (i % 5));
    if (r.status === 'disetujui' || r.status === 'dicairkan')
      await call(petugas, 'financing.transition', { id: referral.id, status: 'disetujui', on: decidedOn, amount: r.amount });
    if (r.status === 'ditolak')
      await call(petugas, 'financing.transition', { id: referral.id, status: 'ditolak', on: decidedOn, note: 'Arus kas belum mencukupi' });
    if (r.status === 'dicairkan') await call(petugas, 'financing.transition', { id: referral.id, status: 'dicairkan', on: addDays(decidedOn, 7) });
  }

  ctx.log(
    `Program 7P: ${trainingPlan.length} pelatihan (${graduates} lulus), ${mine.length} anggota didampingi ${pendamping.full_name}, ${visits} kunjungan, omzet 6 bulan untuk ${businesses.length} usaha, ${referrals} rujukan permodalan.`,
  );
}
