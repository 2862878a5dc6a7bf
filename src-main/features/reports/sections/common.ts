import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema';
import type { ReportScope, ReportRow } from '../model';
import { reportWords, TOTAL_WORD } from '../words';

/** Words every breakdown uses. */
export const common = reportWords({
  other: { id: 'Lainnya', en: 'Other' },
  total: TOTAL_WORD,
});

/** Members in scope: all of the office's members, or those living in the chosen kelurahan. */
export const inScope = (scope: ReportScope) => (eb: ExpressionBuilder<DB, 'members'>) =>
  scope.kelurahan ? eb('members.kelurahan_kode', '=', scope.kelurahan) : eb.lit(true);

export type Counts = Map<string, number>;

export const toCounts = (rows: { key: string | null; n: number | string | bigint }[]): Counts => new Map(rows.map((r) => [r.key ?? '', Number(r.n)]));

/**
 * One row per known key (zeros included, so an empty month still lists every group) plus the
 * keys found in the data that the list does not know, then a total.
 */
export function breakdownRows(counts: Counts, known: { key: string; label: string }[], otherLabel = common.other): ReportRow[] {
  const rows: ReportRow[] = known.map((k) => ({ label: k.label, count: counts.get(k.key) ?? 0 }));
  const knownKeys = new Set(known.map((k) => k.key));
  const other = [...counts.entries()].filter(([k]) => !knownKeys.has(k)).reduce((s, [, n]) => s + n, 0);
  if (other > 0) rows.push({ label: otherLabel, count: other });
  rows.push({ label: common.total, count: rows.reduce((s, r) => s + Number(r.count), 0) });
  return rows;
}

export const countColumns = (firstLabel: string) => [
  { key: 'label', label: firstLabel, type: 'text' as const },
  { key: 'count', label: common.total, type: 'int' as const },
];

export type Db = Kysely<DB>;
