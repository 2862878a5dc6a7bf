/**
 * The short verification code under a certificate's QR code: twelve characters a person can
 * read out on the phone, printed in groups of four (K7QF-2M9D-XR4P). The alphabet leaves out
 * characters that look or sound alike (0 and O, 1, I and L, U and V).
 */

export const VERIFICATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 12;

/** A code from random bytes (rejection sampling keeps every character equally likely). */
export function verificationCodeFrom(randomBytes: (n: number) => Uint8Array): string {
  const n = VERIFICATION_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < VERIFICATION_CODE_LENGTH) {
    for (const b of randomBytes(VERIFICATION_CODE_LENGTH * 2)) {
      if (b < limit && out.length < VERIFICATION_CODE_LENGTH) out += VERIFICATION_ALPHABET[b % n];
    }
  }
  return out;
}

/** 'K7QF2M9DXR4P' -> 'K7QF-2M9D-XR4P'. */
export function groupVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A code as typed or read out (spaces, dashes and case ignored); null when it cannot be one of ours. */
export function normaliseVerificationCode(text: string): string | null {
  const compact = text.replace(/[\s.-]+/g, '').toUpperCase();
  if (compact.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const ch of compact) if (!VERIFICATION_ALPHABET.includes(ch)) return null;
  return compact;
}
