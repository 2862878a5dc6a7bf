import { formatDateId, formatRupiah } from '../../core/format';
import type { MonthStatus, ReportValue, ValueType } from './model';

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

/** The WIB calendar day of an instant. */
const jakartaDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

/** One word for a month's state, as every export prints it. */
export const stateWord = (status: MonthStatus) => (status.state === 'closed' ? 'ditutup' : status.state === 'provisional' ? 'sementara' : 'belum ditutup');

/** The status line of a report: closed (when, by whom), provisional, or not yet closed. */
export function statusText(status: MonthStatus): string {
  if (status.state === 'closed') {
    const when = status.closedAt ? ` pada ${formatDateId(jakartaDay(status.closedAt))}` : '';
    return `Status: DITUTUP${when}${status.closedBy ? ` oleh ${status.closedBy}` : ''}; angka ini sesuai laporan yang dikirim.`;
  }
  if (status.state === 'provisional') return 'Status: SEMENTARA (bulan berjalan); angka masih dapat berubah.';
  return 'Status: BELUM DITUTUP; angka masih dapat berubah sampai bulan ini ditutup.';
}
