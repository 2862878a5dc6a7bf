import { describe, it, expect } from 'vitest';
import { classifyScale as classifyScalePhrases, iumkEligible, movedUp, scaleByCapital, scaleBySales, scaleRank, SCALES } from '../../../src-shared/rules/scale';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const classifyScale = answeringIn(classifyScalePhrases);

const MILIAR = 1_000_000_000;

describe('scale by capital (modal usaha)', () => {
  it.each([
    [0, 'mikro'],
    [50_000_000, 'mikro'],
    [1 * MILIAR, 'mikro'],
    [1 * MILIAR + 1, 'kecil'],
    [5 * MILIAR, 'kecil'],
    [5 * MILIAR + 1, 'menengah'],
    [10 * MILIAR, 'menengah'],
    [10 * MILIAR + 1, 'besar'],
  ])('capital %i is %s', (capital, scale) => {
    expect(scaleByCapital(capital)).toBe(scale);
    expect(classifyScale({ capital })).toEqual({ ok: true, value: { scale, basis: 'capital', amount: capital } });
  });
});

describe('scale by annual sales', () => {
  it.each([
    [2 * MILIAR, 'mikro'],
    [2 * MILIAR + 1, 'kecil'],
    [15 * MILIAR, 'kecil'],
    [15 * MILIAR + 1, 'menengah'],
    [50 * MILIAR, 'menengah'],
    [50 * MILIAR + 1, 'besar'],
  ])('annual sales %i is %s', (sales, scale) => {
    expect(scaleBySales(sales)).toBe(scale);
  });

  it.each([
    // 166,666,666 × 12 = 1,999,999,992; 166,666,667 × 12 = 2,000,000,004
    [166_666_666, 'mikro'],
    [166_666_667, 'kecil'],
    // 1,250,000,000 × 12 is exactly 15 miliar
    [1_250_000_000, 'kecil'],
    [1_250_000_001, 'menengah'],
    // 4,166,666,666 × 12 = 49,999,999,992; 4,166,666,667 × 12 = 50,000,000,004
    [4_166_666_666, 'menengah'],
    [4_166_666_667, 'besar'],
  ])('monthly turnover %i is %s', (monthlyTurnover, scale) => {
    expect(classifyScale({ monthlyTurnover })).toEqual({
      ok: true,
      value: { scale, basis: 'annualSales', amount: monthlyTurnover * 12 },
    });
  });

  it('classifies a typical warung on turnover', () => {
    expect(classifyScale({ monthlyTurnover: 15_000_000 })).toMatchObject({ ok: true, value: { scale: 'mikro', amount: 180_000_000 } });
  });
});

describe('classifyScale: combining capital and turnover', () => {
  it('takes the capital when both are given', () => {
    expect(classifyScale({ capital: 500_000_000, monthlyTurnover: 2 * MILIAR })).toEqual({
      ok: true,
      value: { scale: 'mikro', basis: 'capital', amount: 500_000_000 },
    });
    expect(classifyScale({ capital: 6 * MILIAR, monthlyTurnover: 1_000_000 })).toMatchObject({
      ok: true,
      value: { scale: 'menengah', basis: 'capital' },
    });
  });

  it('counts a capital of 0 as given', () => {
    expect(classifyScale({ capital: 0, monthlyTurnover: 5 * MILIAR })).toMatchObject({ ok: true, value: { scale: 'mikro', basis: 'capital' } });
  });

  it('falls back to turnover when the capital is null or missing', () => {
    expect(classifyScale({ capital: null, monthlyTurnover: 200_000_000 })).toMatchObject({
      ok: true,
      value: { scale: 'kecil', basis: 'annualSales', amount: 2_400_000_000 },
    });
  });

  it('needs at least one amount', () => {
    expect(classifyScale({})).toEqual({ ok: false, message: 'Skala usaha: isi modal usaha atau omzet bulanan' });
    expect(classifyScale({ capital: null, monthlyTurnover: null })).toMatchObject({ ok: false });
  });

  it('refuses negative, fractional and non-finite amounts', () => {
    const capitalMessage = 'Modal usaha: harus berupa bilangan bulat rupiah, tidak boleh negatif';
    const turnoverMessage = 'Omzet bulanan: harus berupa bilangan bulat rupiah, tidak boleh negatif';
    expect(classifyScale({ capital: -1 })).toEqual({ ok: false, message: capitalMessage });
    expect(classifyScale({ capital: 1_000.5 })).toEqual({ ok: false, message: capitalMessage });
    expect(classifyScale({ capital: Number.NaN })).toEqual({ ok: false, message: capitalMessage });
    expect(classifyScale({ monthlyTurnover: Number.POSITIVE_INFINITY })).toEqual({ ok: false, message: turnoverMessage });
    expect(classifyScale({ monthlyTurnover: -500 })).toEqual({ ok: false, message: turnoverMessage });
  });

  it('still classifies a huge but safe monthly turnover as besar', () => {
    expect(classifyScale({ monthlyTurnover: Number.MAX_SAFE_INTEGER })).toMatchObject({ ok: true, value: { scale: 'besar' } });
  });
});

describe('rank, moving up, IUMK', () => {
  it('ranks the classes in order', () => {
    expect(SCALES.map(scaleRank)).toEqual([0, 1, 2, 3]);
    expect(scaleRank('kecil')).toBeGreaterThan(scaleRank('mikro'));
  });

  it('detects a business moving up a class', () => {
    const before = classifyScale({ monthlyTurnover: 150_000_000 });
    const after = classifyScale({ monthlyTurnover: 180_000_000 });
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(movedUp(before.value.scale, after.value.scale)).toBe(true);
    expect(movedUp('kecil', 'kecil')).toBe(false);
    expect(movedUp('menengah', 'kecil')).toBe(false);
  });

  it('allows IUMK for mikro and kecil only', () => {
    expect(SCALES.filter(iumkEligible)).toEqual(['mikro', 'kecil']);
  });
});
