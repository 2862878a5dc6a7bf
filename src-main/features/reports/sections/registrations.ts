import { sql } from 'kysely';
import { kbliCategoryTitles } from '../../reference';
import { skpdLabels, targetGroupLabels } from '../../registrations';
import { percent, type ReportScope, type ReportSection } from '../model';
import { breakdownRows, countColumns, inScope, toCounts, type Db } from './common';
import { reportWords } from '../words';

const w = reportWords({
  title: { id: 'Pendaftaran anggota (P1)', en: 'Member registration (P1)' },
  shortTitle: { id: 'Pendaftaran (P1)', en: 'Registration (P1)' },
  registeredInMonth: { id: 'Anggota baru bulan ini', en: 'New members this month' },
  membersTotal: { id: 'Jumlah anggota s.d. akhir bulan', en: 'Members at the end of the month' },
  registeredYearToDate: { id: 'Anggota baru tahun ini', en: 'New members this year' },
  yearlyTarget: { id: 'Target tahunan wirausaha baru', en: 'Yearly target of new entrepreneurs' },
  targetProgress: { id: 'Capaian target tahunan', en: 'Progress toward the yearly target' },
  byKelurahan: { id: 'Anggota baru per kelurahan', en: 'New members per kelurahan' },
  kelurahan: { id: 'Kelurahan', en: 'Kelurahan' },
  outside: { id: 'Di luar kecamatan', en: 'Outside the kecamatan' },
  byTargetGroup: { id: 'Anggota baru per kategori sasaran', en: 'New members per target group' },
  targetGroup: { id: 'Kategori sasaran', en: 'Target group' },
  byGender: { id: 'Anggota baru per jenis kelamin', en: 'New members per sex' },
  gender: { id: 'Jenis kelamin', en: 'Sex' },
  male: { id: 'Laki-laki', en: 'Male' },
  female: { id: 'Perempuan', en: 'Female' },
  bySkpd: { id: 'Anggota baru per SKPD pengampu', en: 'New members per SKPD pengampu' },
  skpd: { id: 'SKPD pengampu', en: 'SKPD pengampu' },
  bySector: { id: 'Usaha anggota baru per kategori KBLI', en: 'Businesses of new members per KBLI category' },
  sector: { id: 'Kategori KBLI', en: 'KBLI category' },
});
const groupWords = reportWords(targetGroupLabels);
// The SKPD by their Indonesian names (the registrations feature's), in English as the member
// screens name them (src-renderer/features/registrations/messages.ts, reg.skpd.*).
const SKPD_ENGLISH: Record<keyof typeof skpdLabels, string> = {
  ppkukm_ukm: 'PPKUKM (SME)',
  ppkukm_ikm: 'PPKUKM (small industry)',
  sosial: 'Social affairs',
  parekraf: 'Tourism and creative economy',
  nakertransgi: 'Manpower, transmigration and energy',
  ppapp: 'Women and child protection',
  kpkp: 'Food security, marine and agriculture',
};
const skpdWords = reportWords(
  Object.fromEntries(Object.entries(skpdLabels).map(([k, p]) => [k, { id: p.id, en: SKPD_ENGLISH[k as keyof typeof skpdLabels] }])),
);
// "C Industri Pengolahan": the category's letter and title, as the rows name them.
const sectorWords = reportWords(Object.fromEntries(Object.entries(kbliCategoryTitles).map(([k, p]) => [k, { id: `${k} ${p.id}`, en: `${k} ${p.en}` }])));

/** Registrations in the month, by kelurahan, target group, gender, SKPD and sector; target progress. */
export async function registrationsSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const newInMonth = db.selectFrom('members').where(inScope(scope)).where('registered_on', '>=', scope.from).where('registered_on', '<=', scope.to);
  const group = (column: 'kelurahan_kode' | 'target_group' | 'gender' | 'skpd') =>
    newInMonth
      .select([`${column} as key`, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute()
      .then(toCounts);

  const yearStart = `${scope.month.slice(0, 4)}-01-01`;
  const [byKelurahan, byGroup, byGender, bySkpd, bySector, totals] = await Promise.all([
    group('kelurahan_kode'),
    group('target_group'),
    group('gender'),
    group('skpd'),
    db
      .selectFrom('members')
      .innerJoin('businesses', 'businesses.member_id', 'members.id')
      .innerJoin('kbli', (j) => j.onRef('kbli.versi', '=', 'businesses.kbli_versi').onRef('kbli.kode', '=', 'businesses.kbli_kode'))
      .where(inScope(scope))
      .where('members.registered_on', '>=', scope.from)
      .where('members.registered_on', '<=', scope.to)
      .select(['kbli.kategori as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kbli.kategori')
      .execute()
      .then(toCounts),
    db
      .selectFrom('members')
      .where(inScope(scope))
      .where('registered_on', '<=', scope.to)
      .select([
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`coalesce(sum(case when registered_on >= ${yearStart} then 1 else 0 end), 0)`.as('ytd'),
        sql<number>`coalesce(sum(case when registered_on >= ${scope.from} then 1 else 0 end), 0)`.as('month'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  const ytd = totals.ytd;
  const sectors = [...bySector.keys()].sort().map((k) => ({ key: k, label: sectorWords[k] ?? k }));
  return {
    id: 'registrations',
    title: w.title,
    shortTitle: w.shortTitle,
    figures: [
      { id: 'registeredInMonth', label: w.registeredInMonth, value: totals.month, type: 'int' },
      { id: 'membersTotal', label: w.membersTotal, value: totals.total, type: 'int' },
      { id: 'registeredYearToDate', label: w.registeredYearToDate, value: ytd, type: 'int' },
      { id: 'yearlyTarget', label: w.yearlyTarget, value: scope.yearlyTarget, type: 'int' },
      { id: 'targetProgress', label: w.targetProgress, value: percent(ytd, scope.yearlyTarget), type: 'percent' },
    ],
    tables: [
      {
        id: 'byKelurahan',
        title: w.byKelurahan,
        columns: countColumns(w.kelurahan),
        rows: breakdownRows(
          byKelurahan,
          scope.kelurahanList.map((k) => ({ key: k.kode, label: k.nama })),
          w.outside,
        ),
        chartKey: 'count',
      },
      {
        id: 'byTargetGroup',
        title: w.byTargetGroup,
        columns: countColumns(w.targetGroup),
        rows: breakdownRows(
          byGroup,
          Object.entries(groupWords).map(([key, label]) => ({ key, label })),
        ),
      },
      {
        id: 'byGender',
        title: w.byGender,
        columns: countColumns(w.gender),
        rows: breakdownRows(byGender, [
          { key: 'L', label: w.male },
          { key: 'P', label: w.female },
        ]),
      },
      {
        id: 'bySkpd',
        title: w.bySkpd,
        columns: countColumns(w.skpd),
        rows: breakdownRows(
          bySkpd,
          Object.entries(skpdWords).map(([key, label]) => ({ key, label })),
        ),
      },
      {
        id: 'bySector',
        title: w.bySector,
        columns: countColumns(w.sector),
        rows: breakdownRows(bySector, sectors),
      },
    ],
  };
}
