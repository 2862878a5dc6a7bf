import { sql } from 'kysely';
import { kbliCategoryTitles } from '../../reference';
import { skpdLabels, targetGroupLabels } from '../../registrations';
import { percent, type ReportScope, type ReportSection } from '../model';
import { breakdownRows, countColumns, inScope, toCounts, type Db } from './common';

/** Registrations in the month, by kelurahan, target group, gender, SKPD and sector; target progress. */
export async function registrationsSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const newInMonth = db
    .selectFrom('members')
    .where(inScope(scope))
    .where('registered_on', '>=', scope.from)
    .where('registered_on', '<=', scope.to);
  const group = (column: 'kelurahan_kode' | 'target_group' | 'gender' | 'skpd') =>
    newInMonth.select([`${column} as key`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(column).execute().then(toCounts);

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

  const ytd = Number(totals.ytd);
  const sectors = [...bySector.keys()].sort().map((k) => ({ key: k, label: `${k} ${kbliCategoryTitles[k] ?? ''}`.trim() }));
  return {
    id: 'registrations',
    title: 'Pendaftaran anggota (P1)',
    shortTitle: 'Pendaftaran (P1)',
    figures: [
      { id: 'registeredInMonth', label: 'Anggota baru bulan ini', value: Number(totals.month), type: 'int' },
      { id: 'membersTotal', label: 'Jumlah anggota s.d. akhir bulan', value: Number(totals.total), type: 'int' },
      { id: 'registeredYearToDate', label: 'Anggota baru tahun ini', value: ytd, type: 'int' },
      { id: 'yearlyTarget', label: 'Target tahunan wirausaha baru', value: scope.yearlyTarget, type: 'int' },
      { id: 'targetProgress', label: 'Capaian target tahunan', value: percent(ytd, scope.yearlyTarget), type: 'percent' },
    ],
    tables: [
      {
        id: 'byKelurahan',
        title: 'Anggota baru per kelurahan',
        columns: countColumns('Kelurahan'),
        rows: breakdownRows(byKelurahan, scope.kelurahanList.map((k) => ({ key: k.kode, label: k.nama })), 'Di luar kecamatan'),
        chartKey: 'count',
      },
      {
        id: 'byTargetGroup',
        title: 'Anggota baru per kategori sasaran',
        columns: countColumns('Kategori sasaran'),
        rows: breakdownRows(byGroup, Object.entries(targetGroupLabels).map(([key, label]) => ({ key, label }))),
      },
      {
        id: 'byGender',
        title: 'Anggota baru per jenis kelamin',
        columns: countColumns('Jenis kelamin'),
        rows: breakdownRows(byGender, [
          { key: 'L', label: 'Laki-laki' },
          { key: 'P', label: 'Perempuan' },
        ]),
      },
      {
        id: 'bySkpd',
        title: 'Anggota baru per SKPD pengampu',
        columns: countColumns('SKPD pengampu'),
        rows: breakdownRows(bySkpd, Object.entries(skpdLabels).map(([key, label]) => ({ key, label }))),
      },
      {
        id: 'bySector',
        title: 'Usaha anggota baru per kategori KBLI',
        columns: countColumns('Kategori KBLI'),
        rows: breakdownRows(bySector, sectors),
      },
    ],
  };
}
