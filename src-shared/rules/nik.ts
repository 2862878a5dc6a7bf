// NIK (Nomor Induk Kependudukan), the 16-digit population number on the KTP and KK.
//
//   digits 1-6   region where the person was first registered: province (2), kota/kabupaten (2),
//                kecamatan (2). It need not be the current address, so it is decoded, not checked
//                against the office's area.
//   digits 7-12  birth date DDMMYY; women have 40 added to the day (41-71).
//   digits 13-16 serial, from 0001.
//
// The region and date helpers here are also used by kk.ts and npwp.ts, which share the layout.

import { DATE_OF, FIELD, fail, formatDateId, msg, ok } from './messages';
import type { RuleResult } from './messages';
import type { Phrase } from '../i18n';

export type Gender = 'L' | 'P';

export const GENDER_LABELS: Record<Gender, Phrase> = { L: { id: 'laki-laki', en: 'male' }, P: { id: 'perempuan', en: 'female' } };

export interface RegionCodes {
  /** The six digits as written in the number, e.g. '317101'. */
  code: string;
  /** Kemendagri codes in the dotted form used by data/dki_wilayah.csv. */
  province: string; // '31'
  kota: string; // '31.71'
  kecamatan: string; // '31.71.01'
}

export interface NikInfo {
  nik: string;
  region: RegionCodes;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: Gender;
  serial: string;
}

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by kk.ts and npwp.ts)

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function toIsoDate(d: SimpleDate): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.year).padStart(4, '0')}-${p2(d.month)}-${p2(d.day)}`;
}

/** Parses a real calendar date written YYYY-MM-DD; null for anything else. */
export function parseIsoDate(text: string): SimpleDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** `today` is always passed in by the caller, so rules stay pure; a bad one is a code bug. */
export function requireToday(today: string): SimpleDate {
  const parsed = parseIsoDate(today);
  if (!parsed) throw new RangeError(`today must be a real date written YYYY-MM-DD, got '${today}'`);
  return parsed;
}

function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Expands a DDMMYY date to a full year: the latest century in which the date is real and not
 * after `today`. Birth and recording dates cannot be in the future, so a two-digit year that
 * would land after today belongs to the previous century.
 *
 * When the date is real in no candidate century, `date` is null and `display` is the latest
 * non-future reading (compared field by field, ignoring calendar validity), so that the message
 * can still show the clerk a four-digit year such as 31-02-1990.
 */
export function resolveTwoDigitYear(day: number, month: number, yy: number, today: SimpleDate): { date: SimpleDate | null; display: SimpleDate } {
  const base = today.year - (today.year % 100);
  let display: SimpleDate | null = null;
  // Three centuries back always reaches a non-future year and covers 29 February of a year 00
  // that is only leap in some centuries (2000 yes, 1900 and 2100 no).
  for (let century = base; century >= base - 200; century -= 100) {
    const candidate = { year: century + yy, month, day };
    if (compareDates(candidate, today) > 0) continue;
    display ??= candidate;
    if (isRealDate(candidate.year, month, day)) return { date: candidate, display: candidate };
  }
  return { date: null, display: display ?? { year: base - 200 + yy, month, day } };
}

/**
 * Decodes the six region digits shared by NIK and No. KK. Province codes start at 11 (Aceh);
 * kota and kecamatan codes start at 01, so '00' means a typing error.
 */
export function decodeRegion(six: string, field: Phrase): RuleResult<RegionCodes> {
  const province = six.slice(0, 2);
  const kota = six.slice(2, 4);
  const kecamatan = six.slice(4, 6);
  if (Number(province) < 11) return fail(msg.provinceUnknown(field, province));
  if (kota === '00') return fail(msg.kotaUnknown(field, kota));
  if (kecamatan === '00') return fail(msg.kecamatanUnknown(field, kecamatan));
  return ok({
    code: six,
    province,
    kota: `${province}.${kota}`,
    kecamatan: `${province}.${kota}.${kecamatan}`,
  });
}

/**
 * Removes whitespace (people copy NIKs grouped in fours) and checks that exactly 16 digits are
 * left. Other separators are refused: a NIK is never printed with dots or dashes.
 */
export function sixteenDigits(input: string, field: Phrase): RuleResult<string> {
  const digits = input.replace(/\s+/g, '');
  if (digits === '') return fail(msg.required(field));
  if (!/^\d+$/.test(digits)) return fail(msg.digitsOnly(field));
  if (digits.length !== 16) return fail(msg.length(field, { id: '16', en: '16' }, digits.length));
  return ok(digits);
}

// ---------------------------------------------------------------------------------------------
// NIK

/** The parts of a NIK that do not depend on the century of the birth year. */
export interface NikParts {
  nik: string;
  region: RegionCodes;
  gender: Gender;
  day: number;
  month: number;
  yy: number;
  serial: string;
}

/**
 * Checks everything in a NIK except the calendar validity of the birth date, which needs a
 * century (29 February): length, digits, region, the day code (01-31 men, 41-71 women), the
 * month and the serial. `field` names the field in messages (an NPWP can be a NIK).
 */
export function decodeNikParts(input: string, field: Phrase = FIELD.nik): RuleResult<NikParts> {
  const digits = sixteenDigits(input, field);
  if (!digits.ok) return digits;
  const nik = digits.value;

  const region = decodeRegion(nik.slice(0, 6), field);
  if (!region.ok) return region;

  const dayCode = nik.slice(6, 8);
  const rawDay = Number(dayCode);
  let gender: Gender;
  let day: number;
  if (rawDay >= 1 && rawDay <= 31) {
    gender = 'L';
    day = rawDay;
  } else if (rawDay >= 41 && rawDay <= 71) {
    gender = 'P';
    day = rawDay - 40;
  } else {
    return fail(
      msg.says(
        field,
        `angka tanggal lahir ${dayCode} tidak sah (laki-laki 01–31, perempuan 41–71)`,
        `birth day digits ${dayCode} are not valid (men 01–31, women 41–71)`,
      ),
    );
  }

  const monthCode = nik.slice(8, 10);
  const month = Number(monthCode);
  if (month < 1 || month > 12) {
    return fail(msg.says(field, `bulan lahir ${monthCode} tidak ada (harus 01–12)`, `birth month ${monthCode} does not exist (must be 01–12)`));
  }

  const serial = nik.slice(12, 16);
  if (serial === '0000') return fail(msg.serialZero(field));

  return ok({ nik, region: region.value, gender, day, month, yy: Number(nik.slice(10, 12)), serial });
}

function birthDateNotInCalendar(field: Phrase, d: SimpleDate): Phrase {
  return msg.notInCalendar(field, DATE_OF.birth, formatDateId(d.year, d.month, d.day));
}

/**
 * Decodes a NIK. `today` (YYYY-MM-DD) picks the century of the birth year: the latest one that
 * does not put the birth after today. A person born today may already have a NIK.
 */
export function parseNik(nik: string, today: string): RuleResult<NikInfo> {
  const now = requireToday(today);
  const parts = decodeNikParts(nik);
  if (!parts.ok) return parts;
  const { day, month, yy } = parts.value;

  const resolved = resolveTwoDigitYear(day, month, yy, now);
  if (!resolved.date) return fail(birthDateNotInCalendar(FIELD.nik, resolved.display));

  return ok({
    nik: parts.value.nik,
    region: parts.value.region,
    birthDate: toIsoDate(resolved.date),
    gender: parts.value.gender,
    serial: parts.value.serial,
  });
}

export type NikCheckField = 'nik' | 'birthDate' | 'gender';

export interface NikMismatch {
  field: 'birthDate' | 'gender';
  message: Phrase;
}

export type NikCheckResult =
  | { ok: true; value: NikInfo }
  | {
      ok: false;
      message: Phrase;
      /** The field to highlight: the NIK itself when it is invalid, else the first mismatch. */
      field: NikCheckField;
      /** Every disagreement, in form order (birth date, then gender); empty when an input is invalid. */
      mismatches: NikMismatch[];
    };

/** The year ending in `yy` closest to `near` (the earlier one on a tie). */
function nearestYear(yy: number, near: number): number {
  const base = near - (near % 100) + yy;
  return [base - 100, base, base + 100].reduce((best, y) => (Math.abs(y - near) < Math.abs(best - near) ? y : best));
}

/**
 * Compares a NIK with the birth date (YYYY-MM-DD) and gender typed on the form, as read from
 * the KTP. The comparison is on DD, MM, YY and the gender code, so it needs no `today`: the
 * century is the one nearest the declared birth date (a 101-year-old's NIK is not a mismatch, and
 * a NIK ending 99 against a declared 2000 is reported as 1999, not 2099).
 */
export function checkNikAgainst(nik: string, declared: { birthDate: string; gender: Gender }): NikCheckResult {
  const parts = decodeNikParts(nik);
  if (!parts.ok) return { ...parts, field: 'nik', mismatches: [] };

  const declaredDate = parseIsoDate(declared.birthDate);
  if (!declaredDate) {
    return {
      ok: false,
      message:
        declared.birthDate === ''
          ? msg.required(FIELD.birthDate)
          : msg.says(FIELD.birthDate, 'tanggal tidak valid (tulis HH/BB/TTTT)', 'not a valid date (write DD/MM/YYYY)'),
      field: 'birthDate',
      mismatches: [],
    };
  }

  const { day, month, yy, gender } = parts.value;
  const fromNik: SimpleDate = { year: nearestYear(yy, declaredDate.year), month, day };
  if (!isRealDate(fromNik.year, month, day)) {
    return { ok: false, message: birthDateNotInCalendar(FIELD.nik, fromNik), field: 'nik', mismatches: [] };
  }

  const mismatches: NikMismatch[] = [];
  if (compareDates(fromNik, declaredDate) !== 0) {
    const a = formatDateId(fromNik.year, fromNik.month, fromNik.day);
    const b = formatDateId(declaredDate.year, declaredDate.month, declaredDate.day);
    mismatches.push({
      field: 'birthDate',
      message: msg.says(
        FIELD.nik,
        `tanggal lahir di NIK (${a}) tidak sama dengan isian tanggal lahir (${b})`,
        `the date of birth in the NIK (${a}) differs from the date of birth entered (${b})`,
      ),
    });
  }
  if (gender !== declared.gender) {
    mismatches.push({
      field: 'gender',
      message: msg.says(
        FIELD.nik,
        `jenis kelamin di NIK (${GENDER_LABELS[gender].id}) tidak sama dengan isian jenis kelamin (${GENDER_LABELS[declared.gender].id})`,
        `the sex in the NIK (${GENDER_LABELS[gender].en}) differs from the sex entered (${GENDER_LABELS[declared.gender].en})`,
      ),
    });
  }
  if (mismatches.length > 0) {
    return {
      ok: false,
      message: { id: mismatches.map((m) => m.message.id).join('; '), en: mismatches.map((m) => m.message.en).join('; ') },
      field: mismatches[0].field,
      mismatches,
    };
  }

  return ok({
    nik: parts.value.nik,
    region: parts.value.region,
    birthDate: toIsoDate(fromNik),
    gender,
    serial: parts.value.serial,
  });
}
