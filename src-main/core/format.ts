/**
 * Indonesian (id-ID) formats for documents and screens.
 *
 * Hand-rolled rather than Intl: Intl's output depends on the ICU data shipped with the runtime
 * (Node and Electron may differ) and it inserts non-breaking spaces, while printed documents
 * and tests need one exact, stable text.
 */

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

/** `'2026-11-28'` -> `'28 November 2026'`. Throws RangeError on anything but a real calendar date. */
export function formatDateId(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Tanggal harus berformat YYYY-MM-DD: ${JSON.stringify(isoDate)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-trip through UTC to reject dates such as 2026-02-30 that Date would silently roll over.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Tanggal tidak ada di kalender: ${isoDate}`);
  }
  return `${day} ${MONTHS_ID[month - 1]} ${year}`;
}

/**
 * Integer rupiah (the unit money is stored in) -> `'Rp 1.500.000'`; negative amounts as
 * `'-Rp 1.500.000'`. Fractions are refused rather than rounded: a fraction here means a bug upstream.
 */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Jumlah rupiah harus bilangan bulat: ${amount}`);
  }
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp ${groupThousands(Math.abs(amount))}`;
}

/** `1500000` -> `'1.500.000'` (Indonesian thousands separator is the dot). */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
