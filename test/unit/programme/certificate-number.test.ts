import { describe, expect, it } from 'vitest';
import {
  certificateTemplateErrors,
  DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
  formatCertificateNumber,
} from '../../../src-main/features/programme/rules/certificate-number';

describe('training certificate numbers', () => {
  it('fills the default template with the sequence, kecamatan, Roman month and year', () => {
    expect(formatCertificateNumber(DEFAULT_CERTIFICATE_NUMBER_TEMPLATE, { seq: 7, issuedOn: '2026-11-28', kecamatan: '31.71.07' })).toBe(
      '0007/SERT-P2/31.71.07/XI/2026',
    );
    expect(formatCertificateNumber('{tahun}{bulan}-{seq}', { seq: 12345, issuedOn: '2027-01-03', kecamatan: 'x' })).toBe('202701-12345');
  });

  it('never cuts a sequence longer than its width', () => {
    expect(formatCertificateNumber('{seq:2}/{tahun}', { seq: 1234, issuedOn: '2026-02-01', kecamatan: '' })).toBe('1234/2026');
  });

  it('names every problem of a template in both languages', () => {
    expect(certificateTemplateErrors('')).toEqual([{ id: 'Format nomor sertifikat wajib diisi.', en: 'Certificate number format is required.' }]);
    expect(certificateTemplateErrors(DEFAULT_CERTIFICATE_NUMBER_TEMPLATE)).toEqual([]);
    const errors = certificateTemplateErrors('SERT/{kelurahan}/{seq:0}}').map((e) => e.id);
    expect(errors).toContain(
      'Format nomor sertifikat memuat bagian yang tidak dikenal: {kelurahan}. Bagian yang dapat dipakai: {seq}, {seq:N}, {kecamatan}, {bulan}, {bulan_romawi}, {tahun}.',
    );
    expect(errors).toContain('Format nomor sertifikat: lebar nomor urut pada {seq:0} harus 1 sampai 9 digit.');
    expect(errors).toContain('Format nomor sertifikat memuat tanda "}" tanpa pasangan.');
    expect(errors).toContain('Format nomor sertifikat harus memuat {tahun} karena nomor urut dimulai lagi setiap tahun.');
    expect(() => formatCertificateNumber('{seq}', { seq: 1, issuedOn: '2026-11-28', kecamatan: '' })).toThrow(RangeError);
    expect(() => formatCertificateNumber('{seq}/{tahun}', { seq: 0, issuedOn: '2026-11-28', kecamatan: '' })).toThrow(/mulai 1/);
  });
});
