import { percent, type ReportScope, type ReportSection } from '../model';
import { inScope, type Db } from './common';
import { STAGE_NAMES } from '../../../core/stages';
import { reportWords } from '../words';

const w = reportWords({
  title: { id: 'Anggota per tahap 7P', en: 'Members per 7P stage' },
  shortTitle: { id: 'Tahap 7P', en: '7P stages' },
  table: { id: 'Tahap 7P yang dicapai anggota', en: '7P stages reached by members' },
  stage: { id: 'Tahap', en: 'Stage' },
  inMonth: { id: 'Dicapai bulan ini', en: 'Reached this month' },
  total: { id: 'Dicapai s.d. akhir bulan', en: 'Reached by the end of the month' },
  share: { id: '% dari anggota', en: '% of members' },
});
// "P2 Pelatihan": the stage's code and name, as the rows name them. A name an office changed
// in programme_stages is not one of these and stays as the office wrote it.
reportWords(Object.fromEntries(Object.entries(STAGE_NAMES).map(([code, p]) => [code, { id: `${code} ${p.id}`, en: `${code} ${p.en}` }])));

/** Members per 7P stage: reached in the month, and reached by the month's end. */
export async function stagesSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const [stages, rows, members] = await Promise.all([
    db.selectFrom('programme_stages').select(['code', 'label']).orderBy('sort_order').execute(),
    // The whole kecamatan counts straight from the stage index; a kelurahan goes through its members.
    (scope.kelurahan
      ? db.selectFrom('member_stages').innerJoin('members', 'members.id', 'member_stages.member_id').where('members.kelurahan_kode', '=', scope.kelurahan)
      : db.selectFrom('member_stages')
    )
      .where('member_stages.status', '=', 'selesai')
      .where('member_stages.completed_on', '<=', scope.to)
      .select(['member_stages.stage_code as code', (eb) => eb.fn.countAll<number>().as('total')])
      .select((eb) => eb.fn.sum<number>(eb.case().when('member_stages.completed_on', '>=', scope.from).then(1).else(0).end()).as('inMonth'))
      .groupBy('member_stages.stage_code')
      .execute(),
    db
      .selectFrom('members')
      .where(inScope(scope))
      .where('registered_on', '<=', scope.to)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const total = members.n;
  return {
    id: 'stages',
    title: w.title,
    shortTitle: w.shortTitle,
    figures: [],
    tables: [
      {
        id: 'stages',
        title: w.table,
        columns: [
          { key: 'label', label: w.stage, type: 'text' },
          { key: 'inMonth', label: w.inMonth, type: 'int' },
          { key: 'total', label: w.total, type: 'int' },
          { key: 'share', label: w.share, type: 'percent' },
        ],
        rows: stages.map((s) => {
          const r = byCode.get(s.code);
          const reached = r?.total ?? 0;
          return { label: `${s.code} ${s.label}`, inMonth: r?.inMonth ?? 0, total: reached, share: percent(reached, total) };
        }),
        chartKey: 'total',
      },
    ],
  };
}
