import { z } from 'zod';
import { choice, isoDate, label, optionalText, rupiah, text } from '../../core/api/validation';

export const targetGroups = ['pemula', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas'] as const;
export const skpds = ['ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const;
export const legalForms = ['perorangan', 'cv', 'firma', 'koperasi', 'pt', 'pt_perorangan', 'lainnya'] as const;
/** The words of the choices, for messages, exports and reports (the screens have their own catalogue). */
export const targetGroupLabels: Record<(typeof targetGroups)[number], string> = {
  pemula: 'Wirausaha pemula',
  naik_kelas: 'Wirausaha naik kelas',
  pencari_kerja: 'Pencari kerja',
  keluarga_miskin: 'Keluarga miskin',
  disabilitas: 'Penyandang disabilitas',
};
export const skpdLabels: Record<(typeof skpds)[number], string> = {
  ppkukm_ukm: 'PPKUKM (UKM)',
  ppkukm_ikm: 'PPKUKM (IKM)',
  sosial: 'Sosial',
  parekraf: 'Parekraf',
  nakertransgi: 'Nakertransgi',
  ppapp: 'PPAPP',
  kpkp: 'KPKP',
};
export const memberStatusLabels: Record<'aktif' | 'nonaktif', string> = { aktif: 'Aktif', nonaktif: 'Nonaktif' };
export const educations = ['tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const placeStatuses = ['milik', 'sewa', 'pinjam'] as const;
export const halalStatuses = ['belum', 'proses', 'bersertifikat'] as const;
export const pirtStatuses = ['belum', 'proses', 'terdaftar'] as const;
export const scales = ['mikro', 'kecil', 'menengah', 'besar'] as const;
export const stageCodes = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;

export const kelurahanField = (name: string) =>
  label(z.string().trim().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/, 'pilih kelurahan dari daftar'), name);

// Identifier fields are only bounded here; their rules (NIK date and gender, NPWP check digit,
// phone) run in checks.ts so that the message names the rule that failed.
const digitsText = (name: string, max: number) => label(z.string().trim().min(1).max(max), name);
const optionalDigits = (name: string, max: number) =>
  label(
    z
      .string()
      .trim()
      .max(max)
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    name,
  );

export const businessFields = {
  name: text('Nama usaha', 120),
  legalForm: label(z.enum(legalForms), 'Bentuk usaha').default('perorangan'),
  kbliKode: label(z.string().trim().regex(/^\d{5}$/, 'harus kode kelompok KBLI 2020, 5 angka'), 'KBLI'),
  products: optionalText('Produk', 300),
  addressStreet: text('Alamat usaha', 200),
  kelurahanKode: kelurahanField('Kelurahan usaha'),
  postalCode: label(
    z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'kode pos 5 angka')
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    'Kode pos',
  ),
  phone: optionalDigits('Telepon usaha', 30),
  startDate: isoDate('Mulai usaha').nullish(),
  placeStatus: label(z.enum(placeStatuses), 'Status tempat usaha').nullish(),
  capital: rupiah('Modal usaha'),
  monthlyTurnover: rupiah('Omzet bulanan'),
  employees: label(z.number().int().min(0).max(100_000), 'Jumlah tenaga kerja').default(0),
  npwp: optionalDigits('NPWP', 30),
  nib: label(
    z
      .string()
      .trim()
      .regex(/^(\d{13})?$/, 'NIB harus 13 angka')
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    'NIB',
  ),
  halalStatus: label(z.enum(halalStatuses), 'Status halal').default('belum'),
  pirtStatus: label(z.enum(pirtStatuses), 'Status PIRT').default('belum'),
};

export const businessInput = z.strictObject(businessFields);
export type BusinessInput = z.output<typeof businessInput>;

export const memberFields = {
  nik: digitsText('NIK', 30),
  kk: optionalDigits('No. KK', 30),
  fullName: text('Nama lengkap', 120),
  birthPlace: optionalText('Tempat lahir', 60),
  birthDate: isoDate('Tanggal lahir'),
  gender: choice('Jenis kelamin', ['L', 'P'], { L: 'laki-laki', P: 'perempuan' }),
  education: label(z.enum(educations), 'Pendidikan').nullish(),
  addressStreet: text('Alamat', 200),
  rt: label(
    z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, 'RT 1-3 angka')
      .transform((v) => (v === '' ? null : v.padStart(3, '0')))
      .nullish(),
    'RT',
  ),
  rw: label(
    z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, 'RW 1-3 angka')
      .transform((v) => (v === '' ? null : v.padStart(3, '0')))
      .nullish(),
    'RW',
  ),
  kelurahanKode: kelurahanField('Kelurahan'),
  phone: optionalDigits('Nomor telepon', 30),
  email: label(
    z
      .string()
      .trim()
      .max(120)
      .transform((v) => (v === '' ? null : v))
      .pipe(z.email('alamat email tidak valid').nullable())
      .nullish(),
    'Email',
  ),
  targetGroup: choice('Kategori sasaran', targetGroups, targetGroupLabels),
  skpd: choice('SKPD pengampu', skpds, skpdLabels),
  pendampingId: label(z.string().max(64), 'Pendamping')
    .transform((v) => (v === '' ? null : v))
    .nullish(),
};

export const registerInput = z.strictObject({
  ...memberFields,
  /** Registration date when entering an older paper registration; default today (WIB). */
  registeredOn: isoDate('Tanggal daftar').nullish(),
  businesses: label(z.array(businessInput).min(1).max(10), 'Usaha'),
  /** Set after the user confirmed the "same name and birth date, other NIK" warning. */
  confirmDuplicate: label(z.boolean(), 'Konfirmasi duplikat').default(false),
});
export type RegisterInput = z.output<typeof registerInput>;

export const conditionFields = {
  recordedOn: isoDate('Tanggal pendataan'),
  closedTemporarily: label(z.boolean(), 'Pernah tutup sementara').nullish(),
  loanTrouble: label(z.boolean(), 'Kesulitan membayar angsuran').nullish(),
  turnoverDropPct: label(z.number().int().min(0).max(100), 'Penurunan omzet (%)').nullish(),
  recovered: label(z.boolean(), 'Sudah pulih').nullish(),
  sellsOnline: label(z.boolean(), 'Berjualan daring').default(false),
  marketplace: label(z.boolean(), 'Toko di marketplace').default(false),
  socialMedia: label(z.boolean(), 'Media sosial').default(false),
  qris: label(z.boolean(), 'Pembayaran QRIS').default(false),
  eorder: label(z.boolean(), 'Terdaftar di e-order').default(false),
  bookkeepingApp: label(z.boolean(), 'Aplikasi pembukuan').default(false),
  note: optionalText('Catatan', 500),
};
