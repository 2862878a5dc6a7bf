// Personal identifiers as the screens and answers show them (UU 27/2022 PDP): one rule for every
// feature, so a NIK looks the same in the members list, on a permit and in the audit trail.

/** '3171074509870001' -> '3171••••••••0001': region and serial stay readable, the birth date does not. */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return '••••••••••••••••';
  return `${nik.slice(0, 4)}••••••••${nik.slice(12)}`;
}

/** Since 2024 an individual's NPWP is their NIK (16 digits): masked like the NIK; the older 15-digit NPWP is not personal. */
export function maskNpwp(npwp: string | null): string | null {
  return npwp && /^[1-9]\d{15}$/.test(npwp) ? maskNik(npwp) : npwp;
}

/** Whether a text already is a masked identifier (so it is never masked twice or sent back as data). */
export const isMasked = (text: string) => text.includes('•');
