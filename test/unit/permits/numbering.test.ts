import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERMIT_NUMBER_TEMPLATE,
  formatPermitNumber,
  toRoman,
  validateTemplate as validateTemplatePhrases,
} from '../../../src-main/features/permits/rules/numbering';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const validateTemplate = answeringIn(validateTemplatePhrases);
/** A refused template's problems; null when the template is accepted (every expectation below then fails). */
const errorsOf = (template: string) => {
  const r = validateTemplate(template);
  return r.ok ? null : r.errors;
};

const values = { seq: 7, year: 2025, month: 3, kelurahan: 'PGS', kecamatan: 'PSM', klasifikasi: '503' };

describe('toRoman', () => {
  it('converts every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
  });

  it('refuses values that are not months (e.g. a 0-based month)', () => {
    for (const bad of [0, 13, -1, 1.5, Number.NaN]) expect(() => toRoman(bad)).toThrow(RangeError);
  });
});

describe('formatPermitNumber', () => {
  it('fills the default template', () => {
    expect(formatPermitNumber(DEFAULT_PERMIT_NUMBER_TEMPLATE, values)).toBe('503/0007/IUMK/PGS/III/2025');
  });

  it('fills every placeholder', () => {
    expect(formatPermitNumber('{klasifikasi}-{seq}-{seq:3}-{kelurahan}-{kecamatan}-{bulan}-{bulan_romawi}-{tahun}', values)).toBe(
      '503-7-007-PGS-PSM-03-III-2025',
    );
  });

  it('accepts the kode_kelurahan and kode_kecamatan aliases from the domain brief', () => {
    expect(formatPermitNumber('{klasifikasi}/{seq:4}/IUMK/{kode_kelurahan}/{kode_kecamatan}/{bulan_romawi}/{tahun}', values)).toBe(
      '503/0007/IUMK/PGS/PSM/III/2025',
    );
  });

  it('pads December and two-digit months correctly', () => {
    expect(formatPermitNumber('{seq}/{bulan}/{bulan_romawi}/{tahun}', { ...values, month: 12 })).toBe('7/12/XII/2025');
    expect(formatPermitNumber('{seq}/{bulan}/{tahun}', { ...values, month: 9 })).toBe('7/09/2025');
  });

  it('never truncates a sequence longer than the padding', () => {
    expect(formatPermitNumber('{seq:4}/{tahun}', { ...values, seq: 12345 })).toBe('12345/2025');
    expect(formatPermitNumber('{seq:4}/{tahun}', { ...values, seq: 1000 })).toBe('1000/2025');
  });

  it('trims text values', () => {
    expect(formatPermitNumber('{seq}/{kelurahan}/{tahun}', { ...values, kelurahan: '  PGS ' })).toBe('7/PGS/2025');
  });

  it('refuses a missing value for a placeholder in use, naming it', () => {
    expect(() => formatPermitNumber('{seq}/{kelurahan}/{tahun}', { seq: 1, year: 2025, month: 1 })).toThrow(
      /Format nomor memakai \{kelurahan\}, tetapi kode kelurahan belum diisi/,
    );
    expect(() => formatPermitNumber('{seq}/{kecamatan}/{tahun}', { ...values, kecamatan: ' ' })).toThrow(/kode kecamatan/);
  });

  it('does not need values for placeholders that are not used', () => {
    expect(formatPermitNumber('IUMK-{seq:5}-{tahun}', { seq: 42, year: 2026, month: 1 })).toBe('IUMK-00042-2026');
  });

  it('refuses bad sequence numbers, years and months', () => {
    const t = '{seq}/{bulan_romawi}/{tahun}';
    expect(() => formatPermitNumber(t, { ...values, seq: 0 })).toThrow(RangeError);
    expect(() => formatPermitNumber(t, { ...values, seq: 1.5 })).toThrow(RangeError);
    expect(() => formatPermitNumber(t, { ...values, year: 25 })).toThrow(RangeError);
    expect(() => formatPermitNumber(t, { ...values, month: 0 })).toThrow(RangeError);
  });

  it('refuses an invalid template', () => {
    expect(() => formatPermitNumber('IUMK/{tahun}', values)).toThrow(/Format nomor harus memuat \{seq\}/);
  });
});

describe('validateTemplate', () => {
  it('accepts good templates', () => {
    expect(validateTemplate(DEFAULT_PERMIT_NUMBER_TEMPLATE)).toEqual({ ok: true });
    expect(validateTemplate('{klasifikasi}/{seq:4}/IUMK/{kode_kelurahan}/{bulan_romawi}/{tahun}')).toEqual({ ok: true });
    expect(validateTemplate('{seq}-{tahun}')).toEqual({ ok: true });
    expect(validateTemplate('{tahun}/{seq:9}')).toEqual({ ok: true });
  });

  it('refuses an empty template', () => {
    expect(validateTemplate('')).toEqual({ ok: false, errors: ['Format nomor wajib diisi.'] });
    expect(validateTemplate('   ')).toEqual({ ok: false, errors: ['Format nomor wajib diisi.'] });
  });

  it('refuses a template without {seq}', () => {
    expect(errorsOf('503/IUMK/{kelurahan}/{tahun}')).toEqual([expect.stringMatching(/^Format nomor harus memuat \{seq\}/)]);
  });

  it('refuses a template without {tahun}, since the sequence restarts each year', () => {
    expect(errorsOf('503/{seq:4}/IUMK')).toEqual([expect.stringMatching(/^Format nomor harus memuat \{tahun\}/)]);
  });

  it('refuses unknown placeholders, naming them', () => {
    for (const bad of ['{nomor}', '{SEQ}', '{ seq }', '{tahun:2}', '{}', '{bulan_romawi:2}']) {
      expect(errorsOf(`{seq}/${bad}/{tahun}`)?.[0], bad).toContain(`Format nomor memuat bagian yang tidak dikenal: ${bad}.`);
    }
  });

  it('refuses bad sequence widths', () => {
    for (const bad of ['{seq:0}', '{seq:10}']) {
      const errors = errorsOf(`${bad}/{tahun}`);
      expect(errors?.[0]).toMatch(/^Format nomor: lebar nomor urut/);
      // The broken {seq:N} does not count as a sequence.
      expect(errors?.some((e) => e.includes('harus memuat {seq}'))).toBe(true);
    }
  });

  it('refuses unbalanced braces', () => {
    for (const bad of ['{seq/{tahun}', '{seq}/{tahun', '{seq}}/{tahun}', 'IUMK}{seq}{tahun}']) {
      expect(
        errorsOf(bad)?.some((e) => e.includes('Format nomor memuat tanda')),
        bad,
      ).toBe(true);
    }
  });

  it('reports several problems at once', () => {
    expect(errorsOf('IUMK/{nomor}')).toHaveLength(3);
  });
});
