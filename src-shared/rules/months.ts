// Calendar months as 'YYYY-MM' text, the form turnover reports are keyed by.

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Moves a month by `delta` months (negative goes back). */
export function addMonths(month: string, delta: number): string {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + (Number(month.slice(5, 7)) - 1) + delta;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
}

/** The `count` months ending with `last`, oldest first. */
export function monthRange(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2026-10' -> 'Oktober 2026'. */
export function formatMonthId(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
