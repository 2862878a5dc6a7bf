/**
 * Training certificate numbers, filled from a template the office configures, like permit
 * numbers: the default `{seq:4}/SERT-P2/{kecamatan}/{bulan_romawi}/{tahun}` gives
 * `0007/SERT-P2/31.71.07/XI/2026`. The sequence runs per office and per year of issue; handing
 * it out (once, at completion, never twice) is the storage layer's job. Pure functions only.
 *
 * Placeholders: {seq} or {seq:N} (zero-padded to N digits, never cut), {kecamatan} (the
 * office's kecamatan code), {bulan} (01-12), {bulan_romawi} (I-XII), {tahun} (4 digits).
 * Required: {seq} (else every certificate gets the same number) and {tahun} (the sequence
 * starts again every year). There is no {kelurahan}: a training serves the whole kecamatan.
 */

export const DEFAULT_CERTIFICATE_NUMBER_TEMPLATE = '{seq:4}/SERT-P2/{kecamatan}/{bulan_romawi}/{tahun}';

export const CERTIFICATE_NUMBER_PLACEHOLDERS = ['{seq}', '{seq:N}', '{kecamatan}', '{bulan}', '{bulan_romawi}', '{tahun}'] as const;

import type { Phrase } from '../../../../src-shared/i18n';

const FIELD: Phrase = { id: 'Format nomor sertifikat', en: 'Certificate number format' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

type Part = { text: string } | { name: 'seq'; width: number } | { name: 'kecamatan' | 'bulan' | 'bulan_romawi' | 'tahun' };

function parse(template: string): { parts: Part[]; errors: Phrase[] } {
  const parts: Part[] = [];
  const errors: Phrase[] = [];
  // Text between placeholders may hold anything but braces.
  const pattern = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const m of template.matchAll(pattern)) {
    const [, placeholder = '', text, brace] = m as (string | undefined)[];
    if (text !== undefined) parts.push({ text });
    else if (brace !== undefined)
      errors.push({ id: `${FIELD.id} memuat tanda "${brace}" tanpa pasangan.`, en: `${FIELD.en} has a "${brace}" without its pair.` });
    else {
      const inner = placeholder;
      const seq = /^seq(?::(\d+))?$/.exec(inner);
      if (seq) {
        const given = seq.at(1);
        const width = given === undefined ? 0 : Number(given);
        if (given !== undefined && (width < 1 || width > 9))
          errors.push({
            id: `${FIELD.id}: lebar nomor urut pada {${inner}} harus 1 sampai 9 digit.`,
            en: `${FIELD.en}: the width of the sequence number in {${inner}} must be 1 to 9 digits.`,
          });
        else parts.push({ name: 'seq', width });
      } else if (inner === 'kecamatan' || inner === 'bulan' || inner === 'bulan_romawi' || inner === 'tahun') {
        parts.push({ name: inner });
      } else {
        errors.push({
          id: `${FIELD.id} memuat bagian yang tidak dikenal: {${inner}}. Bagian yang dapat dipakai: ${CERTIFICATE_NUMBER_PLACEHOLDERS.join(', ')}.`,
          en: `${FIELD.en} has an unknown part: {${inner}}. Parts that can be used: ${CERTIFICATE_NUMBER_PLACEHOLDERS.join(', ')}.`,
        });
      }
    }
  }
  return { parts, errors };
}

/** Every problem of a template at once, in both languages; empty when it can be saved. */
export function certificateTemplateErrors(template: string): Phrase[] {
  if (template.trim() === '') return [{ id: `${FIELD.id} wajib diisi.`, en: `${FIELD.en} is required.` }];
  const { parts, errors } = parse(template);
  const names = new Set(parts.flatMap((p) => ('name' in p ? [p.name] : [])));
  if (!names.has('seq'))
    errors.push({
      id: `${FIELD.id} harus memuat {seq} atau {seq:N} agar setiap sertifikat bernomor berbeda.`,
      en: `${FIELD.en} must hold {seq} or {seq:N} so that every certificate gets its own number.`,
    });
  if (!names.has('tahun'))
    errors.push({
      id: `${FIELD.id} harus memuat {tahun} karena nomor urut dimulai lagi setiap tahun.`,
      en: `${FIELD.en} must hold {tahun}, because the sequence starts again every year.`,
    });
  return errors;
}

export interface CertificateNumberValues {
  seq: number;
  /** 'YYYY-MM-DD' of issue. */
  issuedOn: string;
  kecamatan: string;
}

/** Fills a template; throws a RangeError with the Indonesian reason for a bad template or value. */
export function formatCertificateNumber(template: string, values: CertificateNumberValues): string {
  const errors = certificateTemplateErrors(template);
  if (errors.length) throw new RangeError(errors.map((e) => e.id).join(' '));
  if (!Number.isSafeInteger(values.seq) || values.seq < 1) throw new RangeError(`Nomor urut harus bilangan bulat mulai 1: ${values.seq}.`);
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(values.issuedOn);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new RangeError(`Tanggal terbit tidak sah: ${values.issuedOn}.`);
  return parse(template)
    .parts.map((p) => {
      if ('text' in p) return p.text;
      switch (p.name) {
        case 'seq':
          // padStart never cuts digits: cutting would make two numbers equal.
          return String(values.seq).padStart(p.width, '0');
        case 'kecamatan':
          return values.kecamatan;
        case 'bulan':
          return m[2];
        case 'bulan_romawi':
          return ROMAN[month - 1];
        case 'tahun':
          return m[1];
      }
    })
    .join('');
}
