import { sql } from 'kysely';
import { percent, type ReportScope, type ReportSection } from '../model';
import type { Db } from './common';
import { reportWords } from '../words';

// The channels as the business condition form names them.
const channelWords = reportWords({
  sells_online: { id: 'Berjualan online', en: 'Sells online' },
  marketplace: { id: 'Toko di marketplace', en: 'Marketplace shop' },
  social_media: { id: 'Media sosial', en: 'Social media' },
  qris: { id: 'Pembayaran QRIS', en: 'QRIS payments' },
  eorder: { id: 'Terdaftar di e-order', en: 'Registered on e-order' },
  bookkeeping_app: { id: 'Aplikasi pembukuan', en: 'Bookkeeping app' },
});

/** The digital channels recorded per business: its column and its Indonesian label. */
export const digitalChannels = (['sells_online', 'marketplace', 'social_media', 'qris', 'eorder', 'bookkeeping_app'] as const).map(
  (c) => [c, channelWords[c]] as const,
);

const w = reportWords({
  title: { id: 'Pemulihan pascapandemi dan digitalisasi', en: 'Post-pandemic recovery and digitalisation' },
  shortTitle: { id: 'Pemulihan dan digital', en: 'Recovery and digital' },
  businessesRecorded: { id: 'Usaha dengan catatan kondisi', en: 'Businesses with a condition record' },
  businessesAffected: { id: 'Usaha terdampak pandemi', en: 'Businesses affected by the pandemic' },
  businessesRecovered: { id: 'Usaha sudah pulih', en: 'Businesses recovered' },
  recoveredShare: { id: 'Pulih dari yang terdampak', en: 'Recovered of those affected' },
  digital: { id: 'Adopsi kanal digital (kondisi terakhir s.d. akhir bulan)', en: 'Digital channel adoption (latest condition by the end of the month)' },
  channel: { id: 'Kanal', en: 'Channel' },
  count: { id: 'Jumlah usaha', en: 'Businesses' },
  share: { id: '% dari usaha tercatat', en: '% of recorded businesses' },
});

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
  const r = result.rows.at(0);
  return {
    recorded: r?.recorded ?? 0,
    affected: r?.affected ?? 0,
    recovered: r?.recovered ?? 0,
    channels: Object.fromEntries(digitalChannels.map(([c]) => [c, r?.[c] ?? 0])) as RecoveryFigures['channels'],
  };
}

export async function recoverySection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const f = await recoveryFigures(db, scope);
  return {
    id: 'recovery',
    title: w.title,
    shortTitle: w.shortTitle,
    figures: [
      { id: 'businessesRecorded', label: w.businessesRecorded, value: f.recorded, type: 'int' },
      { id: 'businessesAffected', label: w.businessesAffected, value: f.affected, type: 'int' },
      { id: 'businessesRecovered', label: w.businessesRecovered, value: f.recovered, type: 'int' },
      { id: 'recoveredShare', label: w.recoveredShare, value: percent(f.recovered, f.affected), type: 'percent' },
    ],
    tables: [
      {
        id: 'digital',
        title: w.digital,
        columns: [
          { key: 'label', label: w.channel, type: 'text' },
          { key: 'count', label: w.count, type: 'int' },
          { key: 'share', label: w.share, type: 'percent' },
        ],
        rows: digitalChannels.map(([col, label]) => ({ label, count: f.channels[col], share: percent(f.channels[col], f.recorded) })),
        chartKey: 'count',
      },
    ],
  };
}
