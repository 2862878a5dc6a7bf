import { formatRupiah } from '../../core/format';
import type { ReportValue, ValueType } from './model';

const nf = new Intl.NumberFormat('id-ID');

/** What is printed for a share of nothing. */
export const NO_VALUE = '–';

/** A value as printed: 1.500.000, Rp 1.500.000, 87,5% (from the ratio 0.875), "–" for none. */
export function formatValue(value: ReportValue | undefined, type: ValueType): string {
  if (value === null || value === undefined) return NO_VALUE;
  if (typeof value !== 'number') return value;
  if (type === 'rupiah') return formatRupiah(value);
  if (type === 'percent') return `${formatPercentNumber(value)}%`;
  return nf.format(value).replace(/\u00a0/g, ' ');
}

/** A ratio as a percentage number with one decimal and a decimal comma: 0.875 -> "87,5". */
export function formatPercentNumber(ratio: number): string {
  // Rounded on the percentage, not on the ratio's binary fraction: 0.0005 * 100 gives 0.05.
  const tenths = Math.round(Number((ratio * 1000).toPrecision(12)));
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)},${abs % 10}`;
}
