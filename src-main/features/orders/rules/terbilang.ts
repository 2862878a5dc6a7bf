/**
 * Terbilang: an amount in Indonesian words, as written on invoices and BAST ("Terbilang: ...").
 *
 * Whole rupiah only, 0 up to 999 triliun (999_999_999_999_999, below Number.MAX_SAFE_INTEGER so
 * every value is exact). Words are lower case; callers capitalise as their layout needs.
 *
 * Indonesian irregularities handled:
 * - 'se-' replaces 'satu' before belas/puluh/ratus/ribu: sebelas, sepuluh, seratus, seribu.
 * - 'seribu' only for the thousands group; higher scales keep 'satu': satu juta, satu miliar.
 */

const UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];

export const TERBILANG_MAX = 999_999_999_999_999;

/** Words for 1-999; empty for 0 (a zero group is simply skipped). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(UNITS[hundreds], 'ratus');

  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(UNITS[rest - 10], 'belas');
  else if (rest >= 20) {
    words.push(UNITS[Math.floor(rest / 10)], 'puluh');
    if (rest % 10) words.push(UNITS[rest % 10]);
  } else if (rest > 0) words.push(UNITS[rest]);
  return words;
}

/** Indonesian words for a whole, non-negative number up to 999 triliun. */
export function terbilang(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Terbilang hanya untuk bilangan bulat: ${n}.`);
  if (n < 0) throw new RangeError(`Terbilang tidak untuk bilangan negatif: ${n}.`);
  if (n > TERBILANG_MAX) throw new RangeError(`Terbilang paling besar 999 triliun: ${n}.`);
  if (n === 0) return 'nol';

  // Split into groups of three digits, least significant first.
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);

  const words: string[] = [];
  for (let scale = groups.length - 1; scale >= 0; scale -= 1) {
    const group = groups[scale];
    if (group === 0) continue;
    if (scale === 1 && group === 1) {
      words.push('seribu');
      continue;
    }
    words.push(...belowThousand(group));
    if (SCALES[scale]) words.push(SCALES[scale]);
  }
  return words.join(' ');
}

/** Terbilang followed by ' rupiah', e.g. 'satu juta lima ratus ribu rupiah'. */
export function terbilangRupiah(n: number): string {
  return `${terbilang(n)} rupiah`;
}
