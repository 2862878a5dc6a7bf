import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  checkQuantitySplit as checkQuantitySplitPhrases,
  lineTotal,
  orderTotals,
  splitInclusiveTax,
  splitQuantity,
  taxAmount,
} from '../../../src-main/features/orders/rules/money';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkQuantitySplit = answeringIn(checkQuantitySplitPhrases);

describe('checkQuantitySplit', () => {
  it('accepts assignments that add up exactly', () => {
    expect(checkQuantitySplit(100, [40, 35, 25])).toEqual({ ok: true });
    expect(checkQuantitySplit(1, [1])).toEqual({ ok: true });
  });

  it('reports a shortfall', () => {
    expect(checkQuantitySplit(100, [40, 50])).toEqual({
      ok: false,
      code: 'under',
      difference: -10,
      message: 'Jumlah yang dibagikan (90) kurang 10 dari jumlah pesanan (100).',
    });
  });

  it('reports an excess', () => {
    expect(checkQuantitySplit(100, [60, 45])).toEqual({
      ok: false,
      code: 'over',
      difference: 5,
      message: 'Jumlah yang dibagikan (105) lebih 5 dari jumlah pesanan (100).',
    });
  });

  it('refuses bad quantities', () => {
    expect(checkQuantitySplit(0, [1])).toMatchObject({ ok: false, code: 'bad_input' });
    expect(checkQuantitySplit(10, [])).toMatchObject({ ok: false, code: 'bad_input' });
    expect(checkQuantitySplit(10, [5, 0, 5])).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'Jumlah untuk usaha ke-2 harus bilangan bulat lebih dari 0.',
    });
    expect(checkQuantitySplit(10, [5, 4.5, 0.5])).toMatchObject({ code: 'bad_input' });
    expect(checkQuantitySplit(10, [5, -5, 10])).toMatchObject({ code: 'bad_input' });
  });
});

describe('splitQuantity and allocateProportionally', () => {
  it('splits evenly, giving the remainder to the first parts', () => {
    expect(splitQuantity(100, 3)).toEqual([34, 33, 33]);
    expect(splitQuantity(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitQuantity(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitQuantity(0, 2)).toEqual([0, 0]);
  });

  it('allocates by weight with the largest remainder, summing exactly', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(10, [1, 2, 3])).toEqual([2, 3, 5]); // 1.67, 3.33, 5 -> 2, 3, 5
    expect(allocateProportionally(1_100, [0, 5, 5])).toEqual([0, 550, 550]);
    for (const [amount, weights] of [
      [12_345, [3, 7, 11, 13]],
      [1, [1, 1, 1]],
      [999_999_999_999, [123_456, 654_321, 1]],
    ] as const) {
      const parts = allocateProportionally(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });

  it('refuses bad inputs', () => {
    expect(() => splitQuantity(10, 0)).toThrow(RangeError);
    expect(() => allocateProportionally(10, [])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [0, 0])).toThrow(RangeError);
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [1, -1])).toThrow(RangeError);
    expect(() => allocateProportionally(10.5, [1])).toThrow(RangeError);
  });
});

describe('lineTotal', () => {
  it('multiplies in whole rupiah', () => {
    expect(lineTotal(150, 25_000)).toBe(3_750_000);
    expect(lineTotal(0, 25_000)).toBe(0);
  });

  it('refuses fractions, negatives and overflow', () => {
    expect(() => lineTotal(1.5, 1000)).toThrow(RangeError);
    expect(() => lineTotal(2, 999.5)).toThrow(RangeError);
    expect(() => lineTotal(-1, 1000)).toThrow(RangeError);
    expect(() => lineTotal(1_000_000_000, 1_000_000_000)).toThrow(RangeError);
  });
});

describe('taxAmount', () => {
  it('computes PPN from basis points', () => {
    expect(taxAmount(1_000_000, 1100)).toBe(110_000);
    expect(taxAmount(1_000_000, 1200)).toBe(120_000);
    expect(taxAmount(1_000_000, 0)).toBe(0);
  });

  it('rounds half up to the rupiah', () => {
    expect(taxAmount(50, 1100)).toBe(6); // 5.5 -> 6
    expect(taxAmount(45, 1100)).toBe(5); // 4.95 -> 5
    expect(taxAmount(104, 1100)).toBe(11); // 11.44 -> 11
    expect(taxAmount(1, 5000)).toBe(1); // 0.5 -> 1
    expect(taxAmount(1, 4999)).toBe(0);
  });

  it('stays exact for large amounts', () => {
    expect(taxAmount(999_999_999_999_999, 1100)).toBe(110_000_000_000_000); // 109_999_999_999_999.89 -> up
  });

  it('refuses bad rates and bases', () => {
    expect(() => taxAmount(100, -1)).toThrow(RangeError);
    expect(() => taxAmount(100, 10_001)).toThrow(RangeError);
    expect(() => taxAmount(100, 11.5)).toThrow(RangeError);
    expect(() => taxAmount(-100, 1100)).toThrow(RangeError);
  });
});

describe('splitInclusiveTax', () => {
  it('splits a tax-inclusive price so the parts add back exactly', () => {
    expect(splitInclusiveTax(111_000, 1100)).toEqual({ base: 100_000, tax: 11_000 });
    expect(splitInclusiveTax(0, 1100)).toEqual({ base: 0, tax: 0 });
    for (let gross = 0; gross <= 5_000; gross += 1) {
      const { base, tax } = splitInclusiveTax(gross, 1100);
      expect(base + tax).toBe(gross);
      expect(tax).toBeGreaterThanOrEqual(0);
      // The base is the nearest rupiah to gross / 1.11.
      expect(Math.abs(base - gross / 1.11)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });
});

describe('orderTotals', () => {
  it('adds lines and taxes the subtotal once', () => {
    expect(
      orderTotals(
        [
          { qty: 100, unitPrice: 25_000 },
          { qty: 3, unitPrice: 15_500 },
        ],
        1100,
      ),
    ).toEqual({
      lines: [
        { qty: 100, unitPrice: 25_000, total: 2_500_000 },
        { qty: 3, unitPrice: 15_500, total: 46_500 },
      ],
      subtotal: 2_546_500,
      tax: 280_115,
      total: 2_826_615,
    });
  });

  it('does not drift like per-line rounding would', () => {
    // Ten lines of Rp50: per-line 11% would round 5.5 up to 6 each (Rp60); on the subtotal it is Rp55.
    const lines = Array.from({ length: 10 }, () => ({ qty: 1, unitPrice: 50 }));
    const totals = orderTotals(lines, 1100);
    expect(totals.tax).toBe(55);
    expect(totals.total).toBe(totals.subtotal + totals.tax);
  });

  it('handles an empty order and a zero rate', () => {
    expect(orderTotals([], 1100)).toEqual({ lines: [], subtotal: 0, tax: 0, total: 0 });
    expect(orderTotals([{ qty: 2, unitPrice: 10_000 }], 0).total).toBe(20_000);
  });

  it('shares the order tax over businesses so the shares add up to it', () => {
    const totals = orderTotals([{ qty: 100, unitPrice: 27_777 }], 1100);
    const shares = allocateProportionally(totals.tax, splitQuantity(100, 3));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(totals.tax);
  });
});
