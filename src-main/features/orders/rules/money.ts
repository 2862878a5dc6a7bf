/**
 * Money and quantity rules for e-orders.
 *
 * All amounts are whole rupiah held in JavaScript numbers; every result is checked to stay a
 * safe integer, and intermediate products (amount × rate, amount × weight) use BigInt so they
 * cannot lose precision. Rupiah has no sub-unit in practice, so rounding happens once, to the
 * rupiah, in the places documented below; everything else is exact integer arithmetic and
 * sums therefore never drift.
 */

import type { Phrase } from '../../../../src-shared/i18n';

export type QuantitySplitCheck =
  { ok: true } | { ok: false; code: 'under' | 'over'; difference: number; message: Phrase } | { ok: false; code: 'bad_input'; message: Phrase };

function assertWholeNonNegative(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${label} harus bilangan bulat tidak negatif: ${value}.`);
  }
}

function toSafeNumber(value: bigint, label: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${label} terlalu besar.`);
  return Number(value);
}

/**
 * Checks that the quantities assigned to businesses add up exactly to the ordered quantity
 * (an order split over several members must be neither short nor over-delivered).
 * `difference` is assigned minus ordered: negative when short, positive when over.
 */
export function checkQuantitySplit(ordered: number, assigned: readonly number[]): QuantitySplitCheck {
  if (!Number.isSafeInteger(ordered) || ordered < 1) {
    return {
      ok: false,
      code: 'bad_input',
      message: { id: 'Jumlah pesanan harus bilangan bulat lebih dari 0.', en: 'The ordered quantity must be a whole number above 0.' },
    };
  }
  if (assigned.length === 0) {
    return {
      ok: false,
      code: 'bad_input',
      message: { id: 'Belum ada usaha yang diberi bagian pesanan.', en: 'No business has been given a share of the order yet.' },
    };
  }
  const badIndex = assigned.findIndex((q) => !Number.isSafeInteger(q) || q < 1);
  if (badIndex >= 0) {
    return {
      ok: false,
      code: 'bad_input',
      message: {
        id: `Jumlah untuk usaha ke-${badIndex + 1} harus bilangan bulat lebih dari 0.`,
        en: `The quantity for business ${badIndex + 1} must be a whole number above 0.`,
      },
    };
  }
  const total = assigned.reduce((sum, q) => sum + q, 0);
  const difference = total - ordered;
  if (difference < 0) {
    return {
      ok: false,
      code: 'under',
      difference,
      message: {
        id: `Jumlah yang dibagikan (${total}) kurang ${-difference} dari jumlah pesanan (${ordered}).`,
        en: `The shares (${total}) are ${-difference} short of the ordered quantity (${ordered}).`,
      },
    };
  }
  if (difference > 0) {
    return {
      ok: false,
      code: 'over',
      difference,
      message: {
        id: `Jumlah yang dibagikan (${total}) lebih ${difference} dari jumlah pesanan (${ordered}).`,
        en: `The shares (${total}) are ${difference} over the ordered quantity (${ordered}).`,
      },
    };
  }
  return { ok: true };
}

/**
 * Splits `amount` over `weights` in proportion, in whole units, with parts that always sum to
 * `amount` exactly (largest-remainder method). Leftover units go to the largest fractional
 * remainders; ties go to the earlier entry, so the result is deterministic.
 * Use it for an even quantity split, or to share one rounded tax or fee over several lines.
 */
export function allocateProportionally(amount: number, weights: readonly number[]): number[] {
  assertWholeNonNegative(amount, 'Jumlah yang dibagi');
  if (weights.length === 0) throw new RangeError('Daftar pembagi tidak boleh kosong.');
  weights.forEach((w, i) => assertWholeNonNegative(w, `Bobot ke-${i + 1}`));
  const totalWeight = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (totalWeight === 0n) throw new RangeError('Jumlah bobot harus lebih dari 0.');

  const big = BigInt(amount);
  const shares = weights.map((w, index) => {
    const product = big * BigInt(w);
    return { index, base: product / totalWeight, remainder: product % totalWeight };
  });
  let leftover = big - shares.reduce((sum, s) => sum + s.base, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.base += 1n;
    leftover -= 1n;
  }
  return shares.map((s) => Number(s.base));
}

/** Splits a quantity as evenly as possible over `parts`; the first ones get the extra units. */
export function splitQuantity(total: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`Jumlah bagian harus lebih dari 0: ${parts}.`);
  return allocateProportionally(total, new Array<number>(parts).fill(1));
}

/** Quantity × unit price in whole rupiah. */
export function lineTotal(qty: number, unitPrice: number): number {
  assertWholeNonNegative(qty, 'Jumlah barang');
  assertWholeNonNegative(unitPrice, 'Harga satuan');
  return toSafeNumber(BigInt(qty) * BigInt(unitPrice), 'Total baris');
}

const BP = 10_000n;

function assertRate(rateBp: number): void {
  if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new RangeError(`Tarif pajak harus 0 sampai 10000 basis poin (100%): ${rateBp}.`);
  }
}

/**
 * Tax on a tax-exclusive base. `rateBp` is in basis points: 1100 = 11% (PPN), 1200 = 12%.
 * Rounded half up to the whole rupiah (…,50 goes up), the usual rule on Indonesian invoices.
 */
export function taxAmount(base: number, rateBp: number): number {
  assertWholeNonNegative(base, 'Dasar pengenaan pajak');
  assertRate(rateBp);
  // floor((base × rate + 5000) / 10000) is round-half-up for non-negative values.
  return toSafeNumber((BigInt(base) * BigInt(rateBp) + BP / 2n) / BP, 'Pajak');
}

/**
 * Splits a tax-inclusive price into base and tax, with base + tax === gross exactly.
 * base = gross × 10000 / (10000 + rate), rounded half up; tax is the remainder, so no rupiah
 * can appear or vanish.
 */
export function splitInclusiveTax(gross: number, rateBp: number): { base: number; tax: number } {
  assertWholeNonNegative(gross, 'Harga termasuk pajak');
  assertRate(rateBp);
  const divisor = BP + BigInt(rateBp);
  const base = (2n * BigInt(gross) * BP + divisor) / (2n * divisor);
  const baseNumber = Number(base);
  return { base: baseNumber, tax: gross - baseNumber };
}

export interface OrderLineInput {
  qty: number;
  unitPrice: number;
}

export interface OrderTotals {
  lines: (OrderLineInput & { total: number })[];
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * Totals of an order with tax-exclusive unit prices. The tax is computed ONCE on the subtotal,
 * not per line: rounding each line and adding up would drift by a rupiah per line from the tax
 * the buyer computes on the invoice total. `ppnRateBp` 0 gives an order without tax.
 */
export function orderTotals(lines: readonly OrderLineInput[], ppnRateBp: number): OrderTotals {
  const withTotals = lines.map((line) => ({ ...line, total: lineTotal(line.qty, line.unitPrice) }));
  const subtotal = toSafeNumber(
    withTotals.reduce((sum, line) => sum + BigInt(line.total), 0n),
    'Subtotal',
  );
  const tax = taxAmount(subtotal, ppnRateBp);
  return { lines: withTotals, subtotal, tax, total: toSafeNumber(BigInt(subtotal) + BigInt(tax), 'Total') };
}
