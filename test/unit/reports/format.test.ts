import { describe, expect, it } from 'vitest';
import { wholeWords } from '../../../src-main/features/reports/export-xlsx';
import { formatPercentNumber, formatValue, statusText } from '../../../src-main/features/reports/format';

describe('report values as printed', () => {
  it('prints ratios as percentages with one decimal and a share of nothing as a dash', () => {
    expect(formatValue(0.875, 'percent')).toBe('87,5%');
    expect(formatValue(1 / 3, 'percent')).toBe('33,3%');
    expect(formatValue(6 / 4500, 'percent')).toBe('0,1%');
    expect(formatValue(0.0005, 'percent')).toBe('0,1%');
    expect(formatValue(-0.025, 'percent')).toBe('-2,5%');
    expect(formatValue(null, 'percent')).toBe('–');
    expect(formatValue(0, 'percent')).toBe('0,0%');
    expect(formatPercentNumber(1)).toBe('100,0');
    expect(formatValue(45_000, 'rupiah')).toBe('Rp 45.000');
    expect(formatValue(1_234_567, 'int')).toBe('1.234.567');
  });

  it('names sheets with whole words within 31 characters', () => {
    expect(wholeWords('Pendampingan (P3) dan omzet bulanan (P6)', 31)).toBe('Pendampingan (P3) dan omzet');
    expect(wholeWords('Pemulihan pascapandemi dan digitalisasi', 31)).toBe('Pemulihan pascapandemi dan');
    expect(wholeWords('Tahap 7P', 31)).toBe('Tahap 7P');
    expect(wholeWords('Perizinan: IUMK/NIB [baru]?', 31)).toBe('Perizinan IUMK NIB baru');
  });

  it('says where a month stands', () => {
    expect(statusText({ state: 'closed', closedAt: '2026-12-01T18:30:00.000Z', closedBy: 'Hendra' })).toBe(
      'Status: DITUTUP pada 2 Desember 2026 oleh Hendra; angka ini sesuai laporan yang dikirim.',
    );
    expect(statusText({ state: 'provisional', closedAt: null, closedBy: null })).toMatch(/^Status: SEMENTARA/);
    expect(statusText({ state: 'open', closedAt: null, closedBy: null })).toMatch(/^Status: BELUM DITUTUP/);
  });
});
