// Indonesian phone numbers as written on registrations and on the IUMK ("Nomor Telepon").
//
// Decisions:
// - Mobiles: 08…, +628… or 628…; 10 to 13 digits in the national form (with the leading 0).
//   Stored in the national 08… form, which is how the office writes and searches them.
// - 080… is refused: 0800 is toll-free and 0809 premium-rate, never a member's own phone.
// - Landlines are accepted only with the 021 area code (Jakarta and its suburbs): home-based
//   businesses often give the house phone, and the IUMK has room for it. 021 subscriber numbers
//   have 7 (older) or 8 digits, so 10 or 11 digits in all, never starting with 0. Other area
//   codes are refused because the members are Jakarta businesses and a mobile is what the
//   pendamping actually call.
// - Typing noise is tolerated: spaces, dots, dashes, brackets, a leading '+', and the common
//   '+62 0812…' (a 0 kept after the country code).

import { FIELD, fail, msg, ok } from './messages';
import type { RuleResult } from './messages';

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneInfo {
  /** National form, digits only: '081234567890', '0215551234'. */
  national: string;
  /** E.164 form: '+6281234567890'. */
  international: string;
  kind: PhoneKind;
}

export function parsePhone(input: string): RuleResult<PhoneInfo> {
  const trimmed = input.trim();
  if (trimmed === '') return fail(msg.required(FIELD.phone));
  // A '+' is only meaningful at the very start; elsewhere it is a typing error.
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) {
    return fail(
      msg.says(
        FIELD.phone,
        'hanya boleh berisi angka (spasi, titik, tanda hubung, kurung, dan + di depan boleh)',
        'digits only (spaces, dots, hyphens, brackets and a leading + are fine)',
      ),
    );
  }
  const digits = trimmed.replace(/\D/g, '');

  let national: string;
  if (digits.startsWith('62')) {
    const rest = digits.slice(2);
    national = rest.startsWith('0') ? rest : `0${rest}`;
  } else if (trimmed.startsWith('+')) {
    return fail(msg.says(FIELD.phone, 'hanya nomor Indonesia (+62) yang diterima', 'only Indonesian numbers (+62) are accepted'));
  } else {
    national = digits;
  }

  if (national.startsWith('080')) {
    return fail(
      msg.says(
        FIELD.phone,
        'nomor 080… adalah nomor layanan (bebas pulsa/premium), bukan nomor seluler',
        '080… numbers are service numbers (toll-free/premium), not mobile numbers',
      ),
    );
  }
  if (national.startsWith('08')) {
    if (national.length < 10 || national.length > 13) {
      return fail(
        msg.says(
          FIELD.phone,
          `nomor seluler harus 10–13 digit, terisi ${national.length} digit`,
          `a mobile number has 10–13 digits, ${national.length} entered`,
        ),
      );
    }
    return ok({ national, international: `+62${national.slice(1)}`, kind: 'mobile' });
  }
  if (national.startsWith('021')) {
    if (national.length < 10 || national.length > 11) {
      return fail(
        msg.says(
          FIELD.phone,
          `telepon rumah Jakarta (021) harus 10–11 digit, terisi ${national.length} digit`,
          `a Jakarta landline (021) has 10–11 digits, ${national.length} entered`,
        ),
      );
    }
    if (national[3] === '0') {
      return fail(msg.says(FIELD.phone, 'nomor setelah kode area 021 tidak boleh diawali 0', 'the number after the 021 area code may not start with 0'));
    }
    return ok({ national, international: `+62${national.slice(1)}`, kind: 'landline' });
  }
  return fail(
    msg.says(
      FIELD.phone,
      'harus nomor seluler (08… atau +628…) atau telepon rumah Jakarta (021…)',
      'must be a mobile number (08… or +628…) or a Jakarta landline (021…)',
    ),
  );
}

/** The national 08… (or 021…) form, digits only. */
export function normalisePhone(input: string): RuleResult<string> {
  const parsed = parsePhone(input);
  return parsed.ok ? ok(parsed.value.national) : parsed;
}

/**
 * Display form of a valid number: mobiles in groups of four from the left (0812-3456-7890),
 * landlines as (021) 5551234. Input that does not parse is returned trimmed and unchanged.
 */
export function formatPhone(input: string): string {
  const parsed = parsePhone(input);
  if (!parsed.ok) return input.trim();
  const n = parsed.value.national;
  if (parsed.value.kind === 'landline') return `(021) ${n.slice(3)}`;
  return n.match(/.{1,4}/g)?.join('-') ?? n;
}
