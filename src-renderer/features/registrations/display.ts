// Display helpers of the registration screens. The rules themselves are the server's own
// (src-shared): the form says, while typing, what a NIK decodes to and which scale class the
// amounts give, so that the clerk sees a mistake before pressing Enter.
import { checkNikAgainst, parseNik, type Gender } from '../../../src-shared/rules/nik';
import { classifyScale, type Scale } from '../../../src-shared/rules/scale';
import type { Phrase } from '../../../src-shared/i18n';

export type { Gender };

export type NikReading = { ok: true; birthDate: string; gender: Gender } | { ok: false; message: Phrase } | null;

/**
 * Birth date and gender a NIK encodes, by the server's own rule. Null while it is empty or
 * fewer than 16 digits are typed and nothing is wrong yet.
 */
export function readNik(input: string, today: string): NikReading {
  const digits = input.replace(/\s+/g, '');
  if (digits === '' || (/^\d+$/.test(digits) && digits.length < 16)) return null;
  const nik = parseNik(digits, today);
  return nik.ok ? { ok: true, birthDate: nik.value.birthDate, gender: nik.value.gender } : nik;
}

/** The fields the typed birth date and gender disagree with the NIK on, as the server compares. */
export function nikDisagreements(nik: string, birthDate: string, gender: string): ('birthDate' | 'gender')[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || (gender !== 'L' && gender !== 'P')) return [];
  const check = checkNikAgainst(nik.replace(/\s+/g, ''), { birthDate, gender });
  return check.ok ? [] : check.mismatches.map((m) => m.field);
}

/** PP 7/2021 class, by the server's rule: by capital when given, else by monthly turnover × 12. */
export function displayScale(capital: number | null, monthlyTurnover: number | null): { scale: Scale; basis: 'capital' | 'sales' } | null {
  const info = classifyScale({ capital, monthlyTurnover });
  return info.ok ? { scale: info.value.scale, basis: info.value.basis === 'capital' ? 'capital' : 'sales' } : null;
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

/** 'YYYY-MM-DD' as "28 Nov 2026", for table cells (in the screen's language). */
export { formatShortDate } from '../../app/format';
