// Dates and money in the id-ID forms the office uses: 28 November 2026, Rp 1.500.000.
const dateFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
const dateTimeFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });
const numberFmt = new Intl.NumberFormat('id-ID');

/** 'YYYY-MM-DD' or an ISO timestamp as "28 November 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = value.length === 10 ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTimeFmt.format(new Date(iso)).replace(/\u00a0/g, ' ');
}

export const formatNumber = (n: number) => numberFmt.format(n);
export const formatRupiah = (n: number) => `Rp ${numberFmt.format(n)}`;

/** Today in Jakarta (WIB) as 'YYYY-MM-DD', whatever the PC's own time zone. */
export function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** This month in Jakarta, 'YYYY-MM'. */
export const currentMonth = () => jakartaToday().slice(0, 7);

const monthFmt = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** 'YYYY-MM' as "Oktober 2026". */
export function formatMonth(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? month : monthFmt.format(d);
}

/** Digits grouped with dots as typed into money fields: 1750000 → "1.750.000" (no "Rp"). */
export const groupDigits = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
