import { formatNumber, formatRupiah } from '../../app/format';

export type ValueType = 'text' | 'int' | 'rupiah' | 'percent';

/** What is shown for a share of nothing (no permit decided, no delivery). */
export const NO_VALUE = '–';

/** A ratio as a percentage with one decimal and a decimal comma: 0.875 -> "87,5%". */
export function formatPercent(ratio: number): string {
  const tenths = Math.round(Number((ratio * 1000).toPrecision(12)));
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)},${abs % 10}%`;
}

/** A report value as shown on screen, the same form the PDF prints. */
export function formatReportValue(value: string | number | null | undefined, type: ValueType): string {
  if (value === null || value === undefined) return NO_VALUE;
  if (typeof value !== 'number') return value;
  if (type === 'rupiah') return formatRupiah(value);
  if (type === 'percent') return formatPercent(value);
  return formatNumber(value);
}

/** The type of one cell: the column's, or the row's own for a table of mixed figures. */
export function cellType(column: { type: ValueType; typeKey?: string }, row: Record<string, string | number | null>): ValueType {
  const own = column.typeKey ? row[column.typeKey] : undefined;
  return own === 'int' || own === 'rupiah' || own === 'percent' || own === 'text' ? own : column.type;
}
