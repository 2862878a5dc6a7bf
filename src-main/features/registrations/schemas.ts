import { z } from 'zod';
import { fieldMessage, choice, isoDate, label, optionalText, rupiah, text } from '../../core/api/validation';
import type { Phrase } from '../../../src-shared/i18n';

export const targetGroups = ['pemula', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas'] as const;
export const skpds = ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const;
export const legalForms = ['perorangan', 'cv', 'firma', 'koperasi', 'pt', 'pt_perorangan', 'lainnya'] as const;
/** The words of the choices, for messages, exports and reports (the screens have their own catalogue). */
export const targetGroupLabels: Record<(typeof targetGroups)[number], Phrase> = {
  pemula: { id: 'Wirausaha pemula', en: 'Starting entrepreneur' },
  naik_kelas: { id: 'Wirausaha naik kelas', en: 'Entrepreneur moving up' },
  pencari_kerja: { id: 'Pencari kerja', en: 'Job seeker' },
  keluarga_miskin: { id: 'Keluarga miskin', en: 'Poor household' },
  disabilitas: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
};
/** The supervising agencies (SKPD pengampu) by their own names, the same in both languages. */
export const skpdLabels: Record<(typeof skpds)[number], Phrase> = {
  ppkukm_ukm: { id: 'PPKUKM (UKM)', en: 'PPKUKM (UKM)' },
  ppkukm_ikm: { id: 'PPKUKM (IKM)', en: 'PPKUKM (IKM)' },
  sosial: { id: 'Sosial', en: 'Sosial' },
  parekraf: { id: 'Parekraf', en: 'Parekraf' },
  nakertransgi: { id: 'Nakertransgi', en: 'Nakertransgi' },
  ppapp: { id: 'PPAPP', en: 'PPAPP' },
  kpkp: { id: 'KPKP', en: 'KPKP' },
};
export const memberStatusLabels: Record<'aktif' | 'nonaktif', Phrase> = { aktif: { id: 'Aktif', en: 'Active' }, nonaktif: { id: 'Nonaktif', en: 'Inactive' } };
export const educations = ['tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const placeStatuses = ['milik', 'sewa', 'pinjam'] as const;
export const halalStatuses = ['belum', 'proses', 'bersertifikat'] as const;
export const pirtStatuses = ['belum', 'proses', 'terdaftar'] as const;
export const scales = ['mikro', 'kecil', 'menengah', 'besar'] as const;
export const stageCodes = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;

export const kelurahanField = (name: Phrase) =>
  label(
    z
      .string()
      .trim()
      .regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, fieldMessage({ id: 'pilih kelurahan dari daftar', en: 'choose the kelurahan from the list' })),
    name,
  );

// Identifier fields are only bounded here; their rules (NIK date and gender, NPWP check digit,
// phone) run in checks.ts so that the message names the rule that failed.
const digitsText = text;
const optionalDigits = optionalText;

export const businessFields = {
  name: text({ id: 'Nama usaha', en: 'Business name' }, 120),
  legalForm: label(z.enum(legalForms), { id: 'Bentuk usaha', en: 'Legal form' }).default('perorangan'),
  kbliKode: label(
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, fieldMessage({ id: 'harus kode kelompok KBLI 2020, 5 angka', en: 'must be a KBLI 2020 group code, 5 digits' })),
    { id: 'KBLI', en: 'KBLI' },
  ),
  products: optionalText({ id: 'Produk', en: 'Products' }, 300),
  addressStreet: text({ id: 'Alamat usaha', en: 'Business address' }, 200),
  kelurahanKode: kelurahanField({ id: 'Kelurahan usaha', en: 'Business kelurahan' }),
  postalCode: label(
    z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, fieldMessage({ id: 'kode pos 5 angka', en: 'postal code of 5 digits' }))
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    { id: 'Kode pos', en: 'Postal code' },
  ),
  phone: optionalDigits({ id: 'Telepon usaha', en: 'Business phone' }, 30),
  startDate: isoDate({ id: 'Mulai usaha', en: 'Business started' }).nullish(),
  placeStatus: label(z.enum(placeStatuses), { id: 'Status tempat usaha', en: 'Premises status' }).nullish(),
  capital: rupiah({ id: 'Modal usaha', en: 'Business capital' }),
  monthlyTurnover: rupiah({ id: 'Omzet bulanan', en: 'Monthly turnover' }),
  employees: label(z.number().int().min(0).max(100_000), { id: 'Jumlah tenaga kerja', en: 'Number of employees' }).default(0),
  npwp: optionalDigits({ id: 'NPWP', en: 'NPWP' }, 30),
  nib: label(
    z
      .string()
      .trim()
      .regex(/^(\d{13})?$/, fieldMessage({ id: 'NIB harus 13 angka', en: 'NIB must be 13 digits' }))
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    { id: 'NIB', en: 'NIB' },
  ),
  halalStatus: label(z.enum(halalStatuses), { id: 'Status halal', en: 'Halal status' }).default('belum'),
  pirtStatus: label(z.enum(pirtStatuses), { id: 'Status PIRT', en: 'PIRT status' }).default('belum'),
};

export const businessInput = z.strictObject(businessFields);
export type BusinessInput = z.output<typeof businessInput>;

export const memberFields = {
  nik: digitsText({ id: 'NIK', en: 'NIK' }, 30),
  kk: optionalDigits({ id: 'No. KK', en: 'No. KK' }, 30),
  fullName: text({ id: 'Nama lengkap', en: 'Full name' }, 120),
  birthPlace: optionalText({ id: 'Tempat lahir', en: 'Place of birth' }, 60),
  birthDate: isoDate({ id: 'Tanggal lahir', en: 'Date of birth' }),
  gender: choice({ id: 'Jenis kelamin', en: 'Sex' }, ['L', 'P'], { L: { id: 'laki-laki', en: 'male' }, P: { id: 'perempuan', en: 'female' } }),
  education: label(z.enum(educations), { id: 'Pendidikan', en: 'Education' }).nullish(),
  addressStreet: text({ id: 'Alamat', en: 'Address' }, 200),
  rt: label(
    z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, fieldMessage({ id: 'RT 1-3 angka', en: 'RT of 1 to 3 digits' }))
      .transform((v) => (v === '' ? null : v.padStart(3, '0')))
      .nullish(),
    { id: 'RT', en: 'RT' },
  ),
  rw: label(
    z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, fieldMessage({ id: 'RW 1-3 angka', en: 'RW of 1 to 3 digits' }))
      .transform((v) => (v === '' ? null : v.padStart(3, '0')))
      .nullish(),
    { id: 'RW', en: 'RW' },
  ),
  kelurahanKode: kelurahanField({ id: 'Kelurahan', en: 'Kelurahan' }),
  phone: optionalDigits({ id: 'Nomor telepon', en: 'Phone number' }, 30),
  email: label(
    z
      .string()
      .trim()
      .max(120)
      .transform((v) => (v === '' ? null : v))
      .pipe(z.email(fieldMessage({ id: 'alamat email tidak valid', en: 'not a valid email address' })).nullable())
      .nullish(),
    { id: 'Email', en: 'Email' },
  ),
  targetGroup: choice({ id: 'Kategori sasaran', en: 'Target group' }, targetGroups, targetGroupLabels),
  skpd: choice({ id: 'SKPD pengampu', en: 'SKPD pengampu' }, skpds, skpdLabels),
  pendampingId: label(z.string().max(64), { id: 'Pendamping', en: 'Pendamping' })
    .transform((v) => (v === '' ? null : v))
    .nullish(),
};

export const registerInput = z.strictObject({
  ...memberFields,
  /** Registration date when entering an older paper registration; default today (WIB). */
  registeredOn: isoDate({ id: 'Tanggal daftar', en: 'Date registered' }).nullish(),
  businesses: label(z.array(businessInput).min(1).max(10), { id: 'Usaha', en: 'Business' }),
  /** Set after the user confirmed the "same name and birth date, other NIK" warning. */
  confirmDuplicate: label(z.boolean(), { id: 'Konfirmasi duplikat', en: 'Confirm duplicates' }).default(false),
});
export type RegisterInput = z.output<typeof registerInput>;

export const conditionFields = {
  recordedOn: isoDate({ id: 'Tanggal pendataan', en: 'Date recorded' }),
  closedTemporarily: label(z.boolean(), { id: 'Pernah tutup sementara', en: 'Closed for a time' }).nullish(),
  loanTrouble: label(z.boolean(), { id: 'Kesulitan membayar angsuran', en: 'Trouble paying instalments' }).nullish(),
  turnoverDropPct: label(z.number().int().min(0).max(100), { id: 'Penurunan omzet (%)', en: 'Turnover drop (%)' }).nullish(),
  recovered: label(z.boolean(), { id: 'Sudah pulih', en: 'Recovered' }).nullish(),
  sellsOnline: label(z.boolean(), { id: 'Berjualan daring', en: 'Sells online' }).default(false),
  marketplace: label(z.boolean(), { id: 'Toko di marketplace', en: 'Marketplace shop' }).default(false),
  socialMedia: label(z.boolean(), { id: 'Media sosial', en: 'Social media' }).default(false),
  qris: label(z.boolean(), { id: 'Pembayaran QRIS', en: 'QRIS payments' }).default(false),
  eorder: label(z.boolean(), { id: 'Terdaftar di e-order', en: 'Registered in e-order' }).default(false),
  bookkeepingApp: label(z.boolean(), { id: 'Aplikasi pembukuan', en: 'Bookkeeping app' }).default(false),
  note: optionalText({ id: 'Catatan', en: 'Note' }, 500),
};
