import { describe, expect, it } from 'vitest';
import { TERBILANG_MAX, terbilang, terbilangRupiah } from '../../../src-main/features/orders/rules/terbilang';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1_000, 'seribu'],
    [1_001, 'seribu satu'],
    [1_100, 'seribu seratus'],
    [1_111, 'seribu seratus sebelas'],
    [2_000, 'dua ribu'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [21_011, 'dua puluh satu ribu sebelas'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_000_001, 'satu juta satu'],
    [1_001_000, 'satu juta seribu'],
    [1_500_000, 'satu juta lima ratus ribu'],
    [10_000_000, 'sepuluh juta'],
    [177_800_000, 'seratus tujuh puluh tujuh juta delapan ratus ribu'],
    [1_000_000_000, 'satu miliar'],
    [1_000_001_000, 'satu miliar seribu'],
    [2_345_678_901, 'dua miliar tiga ratus empat puluh lima juta enam ratus tujuh puluh delapan ribu sembilan ratus satu'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_001_000, 'satu triliun seribu'],
    [
      TERBILANG_MAX,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    ],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('never produces stray spaces, a lone "satu ribu" or "satu ratus/puluh/belas"', () => {
    // "dua puluh satu ribu" is correct; only a thousands group of exactly 1 must read "seribu".
    const wrong = /\s{2}|^\s|\s$|(^|juta |miliar |triliun )satu ribu|satu (ratus|puluh|belas)/;
    for (let n = 0; n <= 30_000; n += 7) expect(terbilang(n)).not.toMatch(wrong);
    for (let n = 1_000_000; n <= 1_002_000_000; n += 1_234_567) expect(terbilang(n)).not.toMatch(wrong);
    expect(terbilang(3_001_000_000)).toBe('tiga miliar satu juta');
    expect(terbilang(5_000_001_000)).toBe('lima miliar seribu');
  });

  it('refuses negatives, fractions, non-finite values and values above 999 triliun', () => {
    for (const bad of [-1, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, TERBILANG_MAX + 1, 1e15]) {
      expect(() => terbilang(bad), String(bad)).toThrow(RangeError);
    }
  });
});

describe('terbilangRupiah', () => {
  it('appends rupiah', () => {
    expect(terbilangRupiah(0)).toBe('nol rupiah');
    expect(terbilangRupiah(1_500_000)).toBe('satu juta lima ratus ribu rupiah');
  });

  it('refuses the same inputs as terbilang', () => {
    expect(() => terbilangRupiah(-5)).toThrow(RangeError);
    expect(() => terbilangRupiah(10.5)).toThrow(RangeError);
  });
});
