// Display-only helpers of the registration screens. The server stays the authority on every
// rule: these only let the form say, while typing, what a NIK decodes to and which scale class
// the amounts give, so that the clerk sees a mistake before pressing Enter.

export type Gender = 'L' | 'P';

export type NikReading = { ok: true; birthDate: string; gender: Gender } | { ok: false; message: string } | null;

const realDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Birth date and gender from the NIK's digits 7-12 (DDMMYY, women DD+40). Null while fewer than
 * 16 digits are typed and nothing is wrong yet. The century is the latest one not after today.
 */
export function readNik(input: string, today: string): NikReading {
  const digits = input.replace(/\s+/g, '');
  if (digits === '') return null;
  if (!/^\d+$/.test(digits)) return { ok: false, message: 'NIK: hanya boleh berisi angka' };
  if (digits.length > 16) return { ok: false, message: `NIK: harus 16 digit, terisi ${digits.length} digit` };
  if (digits.length < 16) return null;
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const gender: Gender = rawDay > 40 ? 'P' : 'L';
  const day = gender === 'P' ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31) return { ok: false, message: `NIK: angka tanggal lahir ${digits.slice(6, 8)} tidak sah (laki-laki 01–31, perempuan 41–71)` };
  if (month < 1 || month > 12) return { ok: false, message: `NIK: bulan lahir ${digits.slice(8, 10)} tidak ada (harus 01–12)` };
  const [ty, tm, td] = today.split('-').map(Number);
  const todayKey = ty * 10000 + tm * 100 + td;
  let year = ty - (ty % 100) + yy;
  if (year * 10000 + month * 100 + day > todayKey) year -= 100;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!realDate(year, month, day)) return { ok: false, message: `NIK: tanggal lahir ${pad(day)}-${pad(month)}-${year} tidak ada di kalender` };
  return { ok: true, birthDate: `${year}-${pad(month)}-${pad(day)}`, gender };
}

/** The same comparison the server makes, on day, month, two-digit year and gender. */
export function nikDisagreements(reading: NikReading, birthDate: string, gender: string): Array<'birthDate' | 'gender'> {
  if (!reading?.ok) return [];
  const out: Array<'birthDate' | 'gender'> = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate.slice(2) !== reading.birthDate.slice(2)) out.push('birthDate');
  if (gender && gender !== reading.gender) out.push('gender');
  return out;
}

export type Scale = 'mikro' | 'kecil' | 'menengah' | 'besar';
const MILIAR = 1_000_000_000;

/** PP 7/2021 class for display: by capital when given, else by monthly turnover × 12. */
export function displayScale(capital: number | null, monthlyTurnover: number | null): { scale: Scale; basis: 'capital' | 'sales' } | null {
  const by = (amount: number, limits: [number, number, number]): Scale =>
    amount <= limits[0] ? 'mikro' : amount <= limits[1] ? 'kecil' : amount <= limits[2] ? 'menengah' : 'besar';
  if (capital !== null) return { scale: by(capital, [1 * MILIAR, 5 * MILIAR, 10 * MILIAR]), basis: 'capital' };
  if (monthlyTurnover !== null) return { scale: by(monthlyTurnover * 12, [2 * MILIAR, 15 * MILIAR, 50 * MILIAR]), basis: 'sales' };
  return null;
}

/** Rupiah typed with dots ("1.500.000") back to an integer; null when empty. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

/** "3171••••••••0001": the first four and last four digits, as the list shows NIKs. */
export function maskNik(nik: string): string {
  if (nik.includes('•') || nik.length < 8) return nik;
  return `${nik.slice(0, 4)}${'•'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}

const shortDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' });

/** 'YYYY-MM-DD' as "28 Nov 2026", for table cells. */
export function formatShortDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(`${value.slice(0, 10)}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? value : shortDate.format(d);
}



