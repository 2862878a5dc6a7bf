/** '1.500.000' or '1500000' -> 1500000; '' -> null; anything else -> NaN. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[.\s]/g, '').replace(/^Rp/i, '');
  if (clean === '') return null;
  return /^-?\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

export { groupDigits } from '../../app/format';
