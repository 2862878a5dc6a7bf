// NPWP (Nomor Pokok Wajib Pajak), the tax number printed on the IUMK.
//
// Old format, 15 digits, written 99.999.999.9-999.999: taxpayer type and serial (8 digits), a
// check digit (the 9th) such that the first 9 digits together pass the Luhn check, then the tax
// office (3) and the branch status (3).
// New format since 2024, 16 digits: an individual resident's NIK is the NPWP; other taxpayers
// get '0' followed by their old 15 digits. A NIK never starts with 0 (province codes start at
// 11), so the first digit tells the two apart.

import { DATE_OF, FIELD, fail, msg, ok } from './messages';
import type { RuleResult } from './messages';
import { decodeNikParts, isRealDate } from './nik';

export type NpwpKind = 'old15' | 'nik' | 'prefixed';

export interface NpwpInfo {
  /** The digits as entered (15 or 16). */
  digits: string;
  /** The 16-digit form used since 2024. */
  npwp16: string;
  /** The old 15 digits when the number has them (old15 and prefixed), else null. */
  old15: string | null;
  kind: NpwpKind;
}

/**
 * Removes the separators people type (dots, dashes, spaces). Anything else is kept so that
 * validateNpwp can refuse it rather than silently dropping a stray letter.
 */
export function normaliseNpwp(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/** True when the digits pass the Luhn check (the last digit being the check digit). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    // Every second digit from the right, starting left of the check digit, is doubled.
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload`. */
export function luhnCheckDigit(payload: string): string {
  for (let c = 0; c <= 9; c += 1) {
    if (luhnValid(payload + String(c))) return String(c);
  }
  // Unreachable: exactly one digit 0-9 completes any payload.
  throw new Error('no Luhn check digit');
}

function validateOld15(old: string): RuleResult<string> {
  // The all-zero number is what tax forms print for "no NPWP"; it passes Luhn but is not one.
  if (/^0+$/.test(old)) {
    return fail(
      msg.says(
        FIELD.npwp,
        '00.000.000.0-000.000 bukan NPWP yang sah (kosongkan bila tidak punya NPWP)',
        '00.000.000.0-000.000 is not a valid NPWP (leave it empty when there is none)',
      ),
    );
  }
  if (!luhnValid(old.slice(0, 9))) return fail(msg.says(FIELD.npwp, 'digit pemeriksa tidak sesuai', 'the check digit does not match'));
  return ok(old);
}

function validateNikNpwp(digits: string): RuleResult<string> {
  const parts = decodeNikParts(digits, FIELD.npwp);
  if (!parts.ok) return parts;
  // No `today` here, so the birth year's century is unknown: the date must be real in 19yy or
  // 20yy (this only matters for 29 February).
  const { day, month, yy } = parts.value;
  if (!isRealDate(1900 + yy, month, day) && !isRealDate(2000 + yy, month, day)) {
    const p2 = (n: number): string => String(n).padStart(2, '0');
    return fail(msg.notInCalendar(FIELD.npwp, DATE_OF.birth, `${p2(day)}-${p2(month)}-${p2(yy)}`));
  }
  return ok(digits);
}

export function validateNpwp(input: string): RuleResult<NpwpInfo> {
  const digits = normaliseNpwp(input);
  if (digits === '') return fail(msg.required(FIELD.npwp));
  if (!/^\d+$/.test(digits)) {
    return fail(msg.says(FIELD.npwp, 'hanya boleh berisi angka (titik, tanda hubung, dan spasi boleh)', 'digits only (dots, hyphens and spaces are fine)'));
  }

  if (digits.length === 15) {
    const old = validateOld15(digits);
    if (!old.ok) return old;
    return ok({ digits, npwp16: `0${digits}`, old15: digits, kind: 'old15' });
  }

  if (digits.length === 16) {
    if (digits.startsWith('0')) {
      const old = validateOld15(digits.slice(1));
      if (!old.ok) return old;
      return ok({ digits, npwp16: digits, old15: old.value, kind: 'prefixed' });
    }
    const nik = validateNikNpwp(digits);
    if (!nik.ok) return nik;
    return ok({ digits, npwp16: digits, old15: null, kind: 'nik' });
  }

  return fail(msg.length(FIELD.npwp, { id: '15 atau 16', en: '15 or 16' }, digits.length));
}

/**
 * Display form: 15 digits as 99.999.999.9-999.999; 16 digits plainly, as the tax office prints
 * the new NPWP. Anything else is returned trimmed and unchanged, so a form can redisplay what
 * the clerk typed next to the validation message.
 */
export function formatNpwp(input: string): string {
  const digits = normaliseNpwp(input);
  if (/^\d{15}$/.test(digits)) {
    return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}.${digits.slice(8, 9)}-${digits.slice(9, 12)}.${digits.slice(12, 15)}`;
  }
  if (/^\d{16}$/.test(digits)) return digits;
  return input.trim();
}
