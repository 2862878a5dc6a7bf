// No. KK (Nomor Kartu Keluarga), 16 digits:
//
//   digits 1-6   issuing region (province, kota/kabupaten, kecamatan), as in the NIK
//   digits 7-12  recording date DDMMYY; unlike the NIK there is no +40 offset
//   digits 13-16 serial; like the NIK's it counts from 0001, so 0000 is a typing error

import { DATE_OF, FIELD, fail, formatDateId, msg, ok } from './messages';
import type { RuleResult } from './messages';
import { decodeRegion, requireToday, resolveTwoDigitYear, sixteenDigits, toIsoDate } from './nik';
import type { RegionCodes } from './nik';

export interface KkInfo {
  kk: string;
  region: RegionCodes;
  /** YYYY-MM-DD. */
  recordedDate: string;
  serial: string;
}

/**
 * Decodes a No. KK. `today` (YYYY-MM-DD) picks the century of the recording date the same way
 * as for a NIK: the latest one that does not put the recording after today.
 */
export function parseKk(kk: string, today: string): RuleResult<KkInfo> {
  const now = requireToday(today);
  const digits = sixteenDigits(kk, FIELD.kk);
  if (!digits.ok) return digits;
  const value = digits.value;

  const region = decodeRegion(value.slice(0, 6), FIELD.kk);
  if (!region.ok) return region;

  const day = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const resolved = resolveTwoDigitYear(day, month, yy, now);
  if (!resolved.date) {
    const d = resolved.display;
    return fail(msg.notInCalendar(FIELD.kk, DATE_OF.registration, formatDateId(d.year, d.month, d.day)));
  }

  const serial = value.slice(12, 16);
  if (serial === '0000') return fail(msg.serialZero(FIELD.kk));

  return ok({ kk: value, region: region.value, recordedDate: toIsoDate(resolved.date), serial });
}
