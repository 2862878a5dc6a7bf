// Dates in words in the screen's language (28 November 2026, 1 Mei / 1 May 2026), always day
// first as the office writes them; money and numbers in the id-ID form the office uses in both
// languages (Rp 1.500.000).
import type { Locale } from '../../src-shared/i18n';

const numberFmt = new Intl.NumberFormat('id-ID');

// British English writes dates day first, like the office.
const intlLocale = (l: Locale) => (l === 'en' ? 'en-GB' : 'id-ID');
const formats = (l: Locale) => ({
  date: new Intl.DateTimeFormat(intlLocale(l), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }),
  shortDate: new Intl.DateTimeFormat(intlLocale(l), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' }),
  dateTime: new Intl.DateTimeFormat(intlLocale(l), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }),
  month: new Intl.DateTimeFormat(intlLocale(l), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
});
const byLocale: Record<Locale, ReturnType<typeof formats>> = { id: formats('id'), en: formats('en') };
let current = byLocale.id;

/**
 * The language dates are written in. Set by the i18n provider with the screen's language, like
 * the API's call locale, so that the many formatting helpers need no locale argument; the
 * screens re-render on a language change and pick the new one up.
 */
export const setFormatLocale = (l: Locale) => {
  current = byLocale[l];
};

/** 'YYYY-MM-DD' or an ISO timestamp as "28 November 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = value.length === 10 ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : current.date.format(d);
}

/** 'YYYY-MM-DD' or an ISO timestamp as "28 Nov 2026", for table cells. */
export function formatShortDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(`${value.slice(0, 10)}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? value : current.shortDate.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return current.dateTime.format(new Date(iso)).replace(/\u00a0/g, ' ');
}

export const formatNumber = (n: number) => numberFmt.format(n);
export const formatRupiah = (n: number) => `Rp ${numberFmt.format(n)}`;

/** Today in Jakarta (WIB) as 'YYYY-MM-DD', whatever the PC's own time zone. */
export function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** This month in Jakarta, 'YYYY-MM'. */
export const currentMonth = () => jakartaToday().slice(0, 7);

/** 'YYYY-MM' as "Oktober 2026". */
export function formatMonth(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? month : current.month.format(d);
}

/** Digits grouped with dots as typed into money fields: 1750000 → "1.750.000" (no "Rp"). */
export const groupDigits = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
