const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The calendar bounds of a 'YYYY-MM' month in WIB (UTC+7). */
export function monthBounds(month: string): { from: string; to: string; fromIso: string; toIso: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(last).padStart(2, '0')}`;
  // WIB midnight is 17:00 UTC of the previous day.
  const fromIso = new Date(Date.UTC(y, m - 1, 1) - 7 * 3600_000).toISOString();
  const toIso = new Date(Date.UTC(y, m, 1) - 7 * 3600_000).toISOString();
  return { from, to, fromIso, toIso };
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
export const shortMonthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1].slice(0, 3)} ${month.slice(2, 4)}`;

/** The last `count` months up to and including `month`, oldest first. */
export const monthsUpTo = (month: string, count: number) => Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
