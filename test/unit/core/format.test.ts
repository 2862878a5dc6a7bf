import { describe, expect, it } from 'vitest';
import { formatDateId, formatRupiah } from '../../../src-main/core/format.js';

describe('formatDateId', () => {
  it.each([
    ['2026-11-28', '28 November 2026'],
    ['2026-01-01', '1 Januari 2026'],
    ['2024-02-29', '29 Februari 2024'],
    ['2025-05-09', '9 Mei 2025'],
    ['2025-08-17', '17 Agustus 2025'],
    ['2025-12-31', '31 Desember 2025'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatDateId(iso)).toBe(expected);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '28/11/2026', '2026-11-28T00:00:00Z', ''])('rejects %j', (input) => {
    expect(() => formatDateId(input)).toThrow(RangeError);
  });
});

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [500, 'Rp 500'],
    [1000, 'Rp 1.000'],
    [1_500_000, 'Rp 1.500.000'],
    [15_000_000_000, 'Rp 15.000.000.000'],
    [-250_000, '-Rp 250.000'],
  ])('%d -> %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('uses plain spaces only (no NBSP as Intl would)', () => {
    expect(formatRupiah(1_500_000)).not.toMatch(/[\u00a0\u202f]/);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (amount) => {
    expect(() => formatRupiah(amount)).toThrow(RangeError);
  });
});
