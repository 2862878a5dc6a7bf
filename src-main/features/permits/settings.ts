import { z } from 'zod';
import type { Database } from '../../core/api/registry';
import type { Locale, Phrase } from '../../../src-shared/i18n';
import { fieldMessage, label } from '../../core/api/validation';
import { getSetting } from '../../core/settings';
import { DEFAULT_PERMIT_NUMBER_TEMPLATE, validateTemplate } from './rules/numbering';
import { DEFAULT_OFFICE_HOURS, DEFAULT_SLA_DAYS } from './rules/workdays';

export const PERMIT_SETTINGS_KEY = 'permits';

export const requirementScopes = ['semua', 'binaan', 'non_binaan'] as const;

const requirementSchema = z.strictObject({
  code: label(
    z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_]{1,39}$/,
        fieldMessage({ id: 'huruf kecil, angka dan garis bawah, diawali huruf', en: 'lower-case letters, digits and underscores, starting with a letter' }),
      ),
    { id: 'Kode persyaratan', en: 'Requirement code' },
  ),
  label: label(z.string().trim().min(1).max(160), { id: 'Nama persyaratan', en: 'Requirement name' }),
  /** Which category needs it: every permit, binaan only, or non-binaan only. */
  appliesTo: label(z.enum(requirementScopes), { id: 'Berlaku untuk', en: 'Applies to' }),
});

export type PermitRequirementDef = z.output<typeof requirementSchema>;

const time = (name: Phrase) => label(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldMessage({ id: 'format JJ:MM', en: 'format HH:MM' })), name);

export const permitSettingsSchema = z.strictObject({
  slaDays: label(z.number().int().min(0).max(30), { id: 'Batas waktu layanan (hari kerja)', en: 'Service time limit (working days)' }),
  officeHours: z
    .strictObject({ start: time({ id: 'Jam buka', en: 'Opening time' }), end: time({ id: 'Jam tutup', en: 'Closing time' }) })
    .refine((h) => h.end > h.start, { message: fieldMessage({ id: 'harus setelah jam buka', en: 'must be after the opening time' }), path: ['end'] }),
  requirements: label(
    z
      .array(requirementSchema)
      .min(1)
      .max(30)
      .refine(
        (list) => new Set(list.map((r) => r.code)).size === list.length,
        fieldMessage({ id: 'kode persyaratan tidak boleh sama', en: 'requirement codes may not repeat' }),
      ),
    { id: 'Daftar persyaratan', en: 'Requirement list' },
  ),
  numberTemplate: label(
    z
      .string()
      .trim()
      .min(1)
      .max(120)
      .superRefine((value, issue) => {
        const check = validateTemplate(value);
        // The field label is added to every message; the rule's own 'Format nomor' prefix would repeat it.
        const unprefixed = (text: string) => text.replace(/^(Format nomor|Number format):?\s*/, '');
        if (!check.ok) for (const m of check.errors) issue.addIssue({ code: 'custom', message: fieldMessage({ id: unprefixed(m.id), en: unprefixed(m.en) }) });
      }),
    { id: 'Format nomor', en: 'Number format' },
  ),
  /** Archive classification code for {klasifikasi}. */
  classification: label(z.string().trim().min(1).max(20), { id: 'Kode klasifikasi arsip', en: 'Archive classification code' }),
  documentTitle: label(z.string().trim().min(1).max(120), { id: 'Judul dokumen', en: 'Document title' }),
  legalBasis: label(z.string().trim().min(1).max(1500), { id: 'Dasar hukum', en: 'Legal basis' }),
  /** Printed under the title as the signatory's office, e.g. 'CAMAT TANAH ABANG'; empty uses the office signatory title. */
  issuerLine: label(z.string().trim().max(160), { id: 'Pemberi izin', en: 'Issuer' }).default(''),
});

export type PermitSettings = z.output<typeof permitSettingsSchema>;

/** The office's starting list of requirements, with each label's English for screens in English. */
const DEFAULT_REQUIREMENT_LABELS: Partial<Record<string, Phrase>> = {
  pengantar_rtrw: { id: 'Surat pengantar RT/RW untuk lokasi usaha', en: 'Cover letter from the RT/RW for the business location' },
  ktp: { id: 'Fotokopi KTP', en: 'Copy of the identity card (KTP)' },
  kk: { id: 'Fotokopi Kartu Keluarga', en: 'Copy of the family card (KK)' },
  pas_foto: { id: 'Pas foto 4x6 (2 lembar)', en: 'Passport photo 4x6 (2 copies)' },
  surat_pembina: { id: 'Surat keterangan instansi pembina (UMK binaan)', en: 'Letter from the supervising agency (supervised, binaan)' },
  rekomendasi_lurah: { id: 'Surat Rekomendasi Lurah (UMK non-binaan)', en: "Lurah's recommendation letter (not supervised, non-binaan)" },
};

export const DEFAULT_REQUIREMENTS: PermitRequirementDef[] = [
  { code: 'pengantar_rtrw', appliesTo: 'semua' },
  { code: 'ktp', appliesTo: 'semua' },
  { code: 'kk', appliesTo: 'semua' },
  { code: 'pas_foto', appliesTo: 'semua' },
  { code: 'surat_pembina', appliesTo: 'binaan' },
  { code: 'rekomendasi_lurah', appliesTo: 'non_binaan' },
].map((r) => ({ ...r, label: DEFAULT_REQUIREMENT_LABELS[r.code]?.id ?? r.code }) as PermitRequirementDef);

/**
 * Requirements as a screen in `locale` shows them: a label the office kept as the app wrote it
 * reads in that language; one the admin wrote is the office's own text, shown as written.
 */
export function requirementsIn(list: readonly PermitRequirementDef[], locale: Locale): PermitRequirementDef[] {
  return list.map((r) => {
    const phrase = DEFAULT_REQUIREMENT_LABELS[r.code];
    return phrase?.id === r.label ? { ...r, label: phrase[locale] } : r;
  });
}

export const DEFAULT_LEGAL_BASIS =
  'Berdasarkan Peraturan Presiden Nomor 98 Tahun 2014 tentang Perizinan untuk Usaha Mikro dan Kecil, ' +
  'Peraturan Menteri Dalam Negeri Nomor 83 Tahun 2014 tentang Pedoman Pemberian Izin Usaha Mikro dan Kecil, ' +
  'dan Peraturan Gubernur Nomor 30 Tahun 2018, dengan ini memberikan Izin Usaha Mikro dan Kecil kepada:';

export const DEFAULT_PERMIT_SETTINGS: PermitSettings = {
  slaDays: DEFAULT_SLA_DAYS,
  officeHours: { ...DEFAULT_OFFICE_HOURS },
  requirements: DEFAULT_REQUIREMENTS,
  numberTemplate: DEFAULT_PERMIT_NUMBER_TEMPLATE,
  classification: '503',
  documentTitle: 'SURAT IZIN USAHA MIKRO DAN KECIL',
  legalBasis: DEFAULT_LEGAL_BASIS,
  issuerLine: '',
};

export function loadPermitSettings(db: Database): Promise<PermitSettings> {
  return getSetting(db, PERMIT_SETTINGS_KEY, permitSettingsSchema, DEFAULT_PERMIT_SETTINGS);
}

/** The requirements that apply to a permit of this category. */
export function requirementsFor(settings: PermitSettings, category: 'binaan' | 'non_binaan'): PermitRequirementDef[] {
  return settings.requirements.filter((r) => r.appliesTo === 'semua' || r.appliesTo === category);
}
