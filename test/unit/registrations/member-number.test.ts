import { describe, expect, it } from 'vitest';
import {
  formatMemberNumber,
  maskNik,
  memberNumberScope,
  memberTemplateProblem as memberTemplateProblemPhrases,
  parseMemberNumber,
  templatePrefix,
} from '../../../src-main/features/registrations/rules/member-number';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const memberTemplateProblem = answeringIn(memberTemplateProblemPhrases);

const vars = { kecamatan: '31.71.07', kota: '31.71', kelurahan: '31.71.07.1006', registeredOn: '2026-11-28' };

describe('member number template', () => {
  it('renders the placeholders and pads the counter', () => {
    expect(formatMemberNumber('JP-{kecamatan}-{tahun}-{seq:6}', vars, 42)).toBe('JP-317107-2026-000042');
    expect(formatMemberNumber('{kota}/{kelurahan}/{bulan}/{seq}', vars, 7)).toBe('3171/3171071006/11/7');
    expect(formatMemberNumber('A{seq:2}', vars, 123)).toBe('A123');
  });

  it('keeps one counter per rendered scope: a new year starts again, the same scope continues', () => {
    expect(memberNumberScope('JP-{kecamatan}-{tahun}-{seq:6}', vars)).toBe('JP-317107-2026-{seq}');
    expect(memberNumberScope('JP-{kecamatan}-{tahun}-{seq:6}', { ...vars, registeredOn: '2027-01-02' })).toBe('JP-317107-2027-{seq}');
    expect(memberNumberScope('JP-{seq:6}', vars)).toBe(memberNumberScope('JP-{seq:4}', vars));
  });

  it('refuses templates without exactly one counter, unknown placeholders and odd characters', () => {
    expect(memberTemplateProblem('JP-{kecamatan}-{tahun}-{seq:6}')).toBeNull();
    expect(memberTemplateProblem('JP-{tahun}')).toMatch(/tepat satu kali/);
    expect(memberTemplateProblem('{seq}{seq}')).toMatch(/tepat satu kali/);
    expect(memberTemplateProblem('JP-{desa}-{seq}')).toMatch(/\{desa\} tidak dikenal/);
    expect(memberTemplateProblem('JP {seq}')).toMatch(/hanya huruf/);
    expect(memberTemplateProblem('JP-{seq:11}')).toMatch(/1 sampai 10/);
    expect(memberTemplateProblem('JP-{tahun:4}-{seq}')).toMatch(/tidak memakai lebar/);
    expect(memberTemplateProblem('JP-{seq')).toMatch(/kurung kurawal/);
    expect(memberTemplateProblem('')).toBe('wajib diisi');
  });

  it('masks a NIK keeping region and serial', () => {
    expect(maskNik('3171074509870001')).toBe('3171••••••••0001');
    expect(maskNik('123')).toBe('••••••••••••••••');
  });
});

describe('reading a number back against a template', () => {
  const office = { kecamatan: '31.71.07', kota: '31.71' };
  it('gives the counter scope and value that would produce it', () => {
    const parse = parseMemberNumber('JP-{kecamatan}-{tahun}-{seq:6}', office);
    expect(parse('JP-317107-2026-000042')).toEqual({ scope: 'JP-317107-2026-{seq}', seq: 42 });
    expect(parse('JP-317107-2026-1000042')).toEqual({ scope: 'JP-317107-2026-{seq}', seq: 1000042 });
    // Never produced: extra leading zeros, another kecamatan, another shape.
    expect(parse('JP-317107-2026-0000042')).toBeNull();
    expect(parse('JP-317108-2026-000042')).toBeNull();
    expect(parse('JP-317107-2026-42')).toBeNull();
    const byKelurahan = parseMemberNumber('TA/{kelurahan}/{bulan}{tahun}/{seq:4}', office);
    expect(byKelurahan('TA/3171071006/112026/0007')).toEqual({ scope: 'TA/3171071006/112026/{seq}', seq: 7 });
    expect(byKelurahan('TA/3171071006/132026/0007')).toBeNull();
  });
  it('knows the fixed beginning of a template', () => {
    expect(templatePrefix('JP-{kecamatan}-{tahun}-{seq:6}', office)).toBe('JP-317107-');
    expect(templatePrefix('{seq}', office)).toBe('');
  });
});
