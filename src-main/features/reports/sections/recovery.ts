import { sql } from 'kysely';
import { percent, type ReportScope, type ReportSection } from '../model';
import type { Db } from './common';

export const digitalChannels = [
  ['sells_online', 'Berjualan online'],
  ['marketplace', 'Toko di marketplace'],
  ['social_media', 'Media sosial'],
  ['qris', 'Pembayaran QRIS'],
  ['eorder', 'Terdaftar di e-order'],
  ['bookkeeping_app', 'Aplikasi pembukuan'],
] as const;

export interface RecoveryFigures {
  recorded: number;
  affected: number;
  recovered: number;
  channels: Record<(typeof digitalChannels)[number][0], number>;
}

type RecoveryRow = Pick<RecoveryFigures, 'recorded' | 'affected' | 'recovered'> & RecoveryFigures['channels'];

/**
 * The state of each business as of the month's end: its latest dated condition record (ids are
 * time-ordered, so of two records on one day the later one wins).
 * Affected = closed for a time, could not pay instalments, or turnover fell.
 */
export async function recoveryFigures(db: Db, scope: ReportScope): Promise<RecoveryFigures> {
  const kel = scope.kelurahan;
  // A kelurahan reaches its businesses through their owners; the whole kecamatan needs no join.
  const owners = kel ? sql`join businesses b on b.id = c.business_id join members m on m.id = b.member_id and m.kelurahan_kode = ${kel}` : sql``;
  // The latest record: none newer exists for the same business up to the month's end. A
  // correlated probe of the (business, date) index beats sorting every record into windows.
  const result = await sql<RecoveryRow>`
    select
      count(*) as recorded,
      coalesce(sum(case when c.closed_temporarily = 1 or c.loan_trouble = 1 or coalesce(c.turnover_drop_pct, 0) > 0 then 1 else 0 end), 0) as affected,
      coalesce(sum(case when c.recovered = 1 then 1 else 0 end), 0) as recovered,
      ${sql.join(
        digitalChannels.map(([col]) => sql`coalesce(sum(${sql.ref(`c.${col}`)}), 0) as ${sql.ref(col)}`),
        sql`, `,
      )}
    from business_conditions c ${owners}
    where c.recorded_on <= ${scope.to}
      and not exists (
        select 1 from business_conditions n
        where n.business_id = c.business_id and n.recorded_on <= ${scope.to}
          and (n.recorded_on > c.recorded_on or (n.recorded_on = c.recorded_on and n.id > c.id)))`.execute(db);
  // One row always: an aggregate without grouping, every sum coalesced to 0.
  const r = result.rows[0];
  return {
    recorded: r.recorded,
    affected: r.affected,
    recovered: r.recovered,
    channels: Object.fromEntries(digitalChannels.map(([c]) => [c, r[c]])) as RecoveryFigures['channels'],
  };
}

export async function recoverySection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const f = await recoveryFigures(db, scope);
  return {
    id: 'recovery',
    title: 'Pemulihan pascapandemi dan digitalisasi',
    shortTitle: 'Pemulihan dan digital',
    figures: [
      { id: 'businessesRecorded', label: 'Usaha dengan catatan kondisi', value: f.recorded, type: 'int' },
      { id: 'businessesAffected', label: 'Usaha terdampak pandemi', value: f.affected, type: 'int' },
      { id: 'businessesRecovered', label: 'Usaha sudah pulih', value: f.recovered, type: 'int' },
      { id: 'recoveredShare', label: 'Pulih dari yang terdampak', value: percent(f.recovered, f.affected), type: 'percent' },
    ],
    tables: [
      {
        id: 'digital',
        title: 'Adopsi kanal digital (kondisi terakhir s.d. akhir bulan)',
        columns: [
          { key: 'label', label: 'Kanal', type: 'text' },
          { key: 'count', label: 'Jumlah usaha', type: 'int' },
          { key: 'share', label: '% dari usaha tercatat', type: 'percent' },
        ],
        rows: digitalChannels.map(([col, label]) => ({ label, count: f.channels[col], share: percent(f.channels[col], f.recorded) })),
        chartKey: 'count',
      },
    ],
  };
}
