import { callAs } from '../../demo/demo';
import type { DemoStep } from '../../demo/steps';
import { addWorkingDays } from './rules/workdays';
import type { PermitStatus } from './rules/transitions';

/**
 * Indonesian national holidays (libur nasional) and joint leave days (cuti bersama) of 2026,
 * from the joint ministerial decree (SKB 3 Menteri) as published for 2026. The Islamic dates
 * follow the government calendar and may move by a day after the official sighting (isbat), so
 * the office keeps this list editable in Perizinan › Pengaturan. Dates marked "verify" are the
 * ones least certain in the published list.
 */
export const HOLIDAYS_2026: [string, string][] = [
  ['2026-01-01', 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'], // verify
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'], // verify
  ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-20', 'Cuti bersama Idul Fitri 1447 H'], // verify
  ['2026-03-21', 'Idul Fitri 1447 Hijriah'],
  ['2026-03-22', 'Idul Fitri 1447 Hijriah'],
  ['2026-03-23', 'Cuti bersama Idul Fitri 1447 H'], // verify
  ['2026-03-24', 'Cuti bersama Idul Fitri 1447 H'], // verify
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', 'Hari Buruh Internasional'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'], // verify
  ['2026-05-27', 'Idul Adha 1447 Hijriah'],
  ['2026-05-28', 'Cuti bersama Idul Adha 1447 H'], // verify
  ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'Tahun Baru Islam 1448 Hijriah'],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal'], // verify
  ['2026-12-25', 'Hari Raya Natal'],
];

const OFFICERS = ['Darto Sugiarto', 'Yusuf Maulana'];
const FACILITIES = ['Kios', 'Gerobak', 'Rumah tinggal', 'Lapak', 'Warung'];
const CHANNELS = ['loket', 'loket', 'loket', 'ajib', 'pendamping', 'online'] as const;

// How many permits end in each status; every status of the workflow appears.
const PLAN: [PermitStatus, number][] = [
  ['diajukan', 8],
  ['perlu_perbaikan', 4],
  ['diverifikasi', 5],
  ['disetujui', 4],
  ['terbit', 9],
  ['diserahkan', 8],
  ['ditolak', 3],
  ['dicabut', 2],
];

export const permitsDemo: DemoStep = async (ctx) => {
  const { app, tokens, rng, today } = ctx;
  for (const [date, name] of HOLIDAYS_2026) await callAs(app, tokens.admin, 'holidays.save', { date, name });
  if (!today.startsWith('2026')) {
    const year = today.slice(0, 4);
    ctx.log(`Perizinan: hari libur ${year} belum dimasukkan; isi di Perizinan › Pengaturan.`);
  }

  const total = PLAN.reduce((s, [, n]) => s + n, 0);
  // Only businesses in the office's own kecamatan: the camat signs for no other.
  const office = await app.db.selectFrom('office').select('kecamatan_kode').executeTakeFirstOrThrow();
  const candidates = await app.db
    .selectFrom('businesses as b')
    .innerJoin('regions as kel', 'kel.kode', 'b.kelurahan_kode')
    .leftJoin('permits as p', 'p.business_id', 'b.id')
    .select(['b.id as businessId', 'b.member_id as memberId', 'b.address_street as address'])
    .where('b.status', '=', 'aktif')
    .where('b.scale', 'in', ['mikro', 'kecil'])
    .where('kel.parent_kode', '=', office.kecamatan_kode)
    .where('p.id', 'is', null)
    .orderBy('b.id')
    .limit(total)
    .execute();
  if (candidates.length === 0) {
    ctx.log('Perizinan: tidak ada usaha mikro/kecil untuk contoh izin.');
    return;
  }

  const loket = tokens.loket;
  const supervisor = tokens.supervisor;
  const allReq = ['pengantar_rtrw', 'ktp', 'kk', 'pas_foto'];
  let index = 0;
  const counts: Record<string, number> = {};
  for (const [status, n] of PLAN) {
    for (let i = 0; i < n && index < candidates.length; i++, index++) {
      const c = candidates[index];
      const category = rng.chance(0.3) ? 'binaan' : 'non_binaan';
      const mobile = rng.chance(0.15);
      const channel = rng.pick(CHANNELS);
      const { id } = await callAs<{ id: string }>(app, channel === 'pendamping' ? tokens.petugas : loket, 'permits.create', {
        memberId: c.memberId,
        businessId: c.businessId,
        channel,
        category,
        categoryRef: category === 'binaan' ? `${rng.int(10, 99)}/SK-PPKUKM/2026` : `${rng.int(100, 999)}/REK/${today.slice(0, 4)}`,
        locationType: mobile ? 'berkeliling' : rng.chance(0.4) ? 'rumah' : 'menetap',
        floorAreaM2: mobile ? null : rng.int(6, 28),
        plotAreaM2: null,
        atDesignatedLocation: mobile ? true : null,
        zone: mobile ? 'loksem' : rng.pick(['permukiman', 'komersial'] as const),
        facility: mobile ? 'Gerobak' : rng.pick(FACILITIES),
        // The last requirement (letter or recommendation) is missing on some fresh files.
        requirements: [...allReq, ...(status === 'diajukan' && i % 2 === 0 ? [] : [category === 'binaan' ? 'surat_pembina' : 'rekomendasi_lurah'])],
      });
      const move = (to: PermitStatus, token: string, extra: Record<string, unknown> = {}) => callAs(app, token, 'permits.transition', { id, to, ...extra });
      if (channel === 'ajib' && (status === 'diajukan' || status === 'perlu_perbaikan')) {
        await callAs(app, loket, 'ajib.create', { permitId: id, kind: 'pickup', officerName: rng.pick(OFFICERS), address: c.address, plannedDate: today });
      }
      if (status === 'perlu_perbaikan') await move('perlu_perbaikan', loket, { reason: 'Surat pengantar RT/RW belum dilampirkan.' });
      if (['diverifikasi', 'disetujui', 'terbit', 'diserahkan', 'dicabut'].includes(status)) await move('diverifikasi', loket);
      if (status === 'ditolak') await move('ditolak', supervisor, { reason: 'Lokasi usaha berada di jalur hijau.' });
      if (['disetujui', 'terbit', 'diserahkan', 'dicabut'].includes(status)) await move('disetujui', supervisor);
      if (status === 'disetujui') {
        await callAs(app, loket, 'ajib.create', {
          permitId: id,
          kind: 'delivery',
          officerName: rng.pick(OFFICERS),
          address: c.address,
          plannedDate: addWorkingDays(today, 1),
        });
      }
      if (['terbit', 'diserahkan', 'dicabut'].includes(status)) await move('terbit', loket);
      // Printed and confirmed good, except a few issued ones still waiting for the printer.
      if (status === 'diserahkan' || status === 'dicabut' || (status === 'terbit' && i >= 5)) {
        await callAs(app, loket, 'permits.certificate', { id });
        if (status === 'terbit' && i === 5) {
          await callAs(app, loket, 'permits.printResult', { ids: [id], good: false, note: 'Kertas macet' });
          await callAs(app, loket, 'permits.certificate', { id });
        }
        await callAs(app, loket, 'permits.printResult', { ids: [id], good: true });
      }
      if (status === 'terbit' && i < 3) {
        await callAs(app, loket, 'ajib.create', { permitId: id, kind: 'delivery', officerName: OFFICERS[i % 2], address: c.address, plannedDate: today });
      }
      if (status === 'diserahkan') {
        if (i % 3 === 0) {
          const task = await callAs<{ id: string }>(app, loket, 'ajib.create', {
            permitId: id,
            kind: 'delivery',
            officerName: OFFICERS[i % 2],
            address: c.address,
            plannedDate: today,
          });
          await callAs(app, loket, 'ajib.complete', { id: task.id, receiverName: 'Diterima keluarga pemohon', note: 'Diserahkan di rumah pemohon' });
        } else {
          await move('diserahkan', loket, { deliveryChannel: 'loket' });
        }
      }
      if (status === 'dicabut') {
        await move(
          'dicabut',
          supervisor,
          i === 0 ? { reason: 'Usaha tidak lagi beroperasi di lokasi tersebut.' } : { reason: 'Diganti NIB dari OSS.', revokeKind: 'diganti' },
        );
      }
      counts[status] = (counts[status] ?? 0) + 1;
    }
  }
  ctx.log(
    `Perizinan: ${index} izin contoh (${Object.entries(counts)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}), ${HOLIDAYS_2026.length} hari libur 2026, tugas AJIB hari ini.`,
  );
};
