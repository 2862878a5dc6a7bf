// Turning the rows of an office's spreadsheet into registrations: header matching, cell
// parsing (Indonesian dates, money, labels), and the same checks as the registration form.
import type { FieldPhrases } from '../../core/api/errors';
import { phraseOf, verbatim, type Phrase } from '../../../src-shared/i18n';
import { describeIssues } from '../../core/api/validation';
import { checkRegistration, type CheckedMember, type Reference } from './checks';
import { NUMBER_PRECISION_LOST } from './files';
import { normaliseName } from './rules/names';
import { isRealDate } from '../../../src-shared/rules/nik';
import { registerInput, type RegisterInput } from './schemas';

export const importFields = [
  {
    key: 'nik',
    label: { id: 'NIK', en: 'NIK' },
    required: true,
    aliases: ['nik', 'no nik', 'nomor nik', 'nomor induk kependudukan', 'no ktp', 'nomor ktp', 'nik ktp'],
  },
  { key: 'kk', label: { id: 'No. KK', en: 'No. KK' }, required: false, aliases: ['kk', 'no kk', 'nomor kk', 'nomor kartu keluarga', 'no kartu keluarga'] },
  {
    key: 'fullName',
    label: { id: 'Nama lengkap', en: 'Full name' },
    required: true,
    aliases: ['nama', 'nama lengkap', 'nama pemilik', 'nama pelaku usaha', 'nama anggota', 'nama sesuai ktp'],
  },
  { key: 'birthPlace', label: { id: 'Tempat lahir', en: 'Place of birth' }, required: false, aliases: ['tempat lahir', 'tmp lahir', 'tempat'] },
  { key: 'birthDate', label: { id: 'Tanggal lahir', en: 'Date of birth' }, required: true, aliases: ['tanggal lahir', 'tgl lahir', 'tgl lahir hh bb tttt'] },
  {
    key: 'birthPlaceDate',
    label: { id: 'Tempat, tanggal lahir', en: 'Place and date of birth' },
    required: false,
    aliases: ['tempat tanggal lahir', 'ttl', 'tempat tgl lahir'],
  },
  { key: 'gender', label: { id: 'Jenis kelamin', en: 'Sex' }, required: true, aliases: ['jenis kelamin', 'jk', 'l p', 'kelamin', 'gender'] },
  { key: 'education', label: { id: 'Pendidikan', en: 'Education' }, required: false, aliases: ['pendidikan', 'pendidikan terakhir'] },
  {
    key: 'addressStreet',
    label: { id: 'Alamat', en: 'Address' },
    required: true,
    aliases: ['alamat', 'alamat rumah', 'alamat domisili', 'alamat ktp', 'alamat tinggal'],
  },
  { key: 'rt', label: { id: 'RT', en: 'RT' }, required: false, aliases: ['rt'] },
  { key: 'rw', label: { id: 'RW', en: 'RW' }, required: false, aliases: ['rw'] },
  { key: 'rtRw', label: { id: 'RT/RW', en: 'RT/RW' }, required: false, aliases: ['rt rw'] },
  { key: 'kelurahan', label: { id: 'Kelurahan', en: 'Kelurahan' }, required: true, aliases: ['kelurahan', 'kel', 'kelurahan domisili', 'kode kelurahan'] },
  {
    key: 'phone',
    label: { id: 'Nomor telepon', en: 'Phone number' },
    required: false,
    aliases: ['telepon', 'no telepon', 'nomor telepon', 'no telp', 'telp', 'no hp', 'nomor hp', 'hp', 'no wa', 'whatsapp', 'no handphone'],
  },
  { key: 'email', label: { id: 'Email', en: 'Email' }, required: false, aliases: ['email', 'e mail', 'surel'] },
  {
    key: 'targetGroup',
    label: { id: 'Kategori sasaran', en: 'Target group' },
    required: false,
    aliases: ['kategori sasaran', 'kategori', 'sasaran', 'kelompok sasaran'],
  },
  { key: 'skpd', label: { id: 'SKPD pengampu', en: 'SKPD pengampu' }, required: false, aliases: ['skpd', 'skpd pengampu', 'pengampu'] },
  {
    key: 'registeredOn',
    label: { id: 'Tanggal daftar', en: 'Date registered' },
    required: false,
    aliases: ['tanggal daftar', 'tgl daftar', 'tanggal pendaftaran', 'tgl pendaftaran'],
  },
  { key: 'businessName', label: { id: 'Nama usaha', en: 'Business name' }, required: true, aliases: ['nama usaha', 'usaha', 'nama toko', 'merek usaha'] },
  { key: 'legalForm', label: { id: 'Bentuk usaha', en: 'Legal form' }, required: false, aliases: ['bentuk usaha', 'badan usaha', 'bentuk badan usaha'] },
  { key: 'kbli', label: { id: 'KBLI', en: 'KBLI' }, required: true, aliases: ['kbli', 'kode kbli', 'kbli 2020'] },
  { key: 'products', label: { id: 'Produk', en: 'Products' }, required: false, aliases: ['produk', 'jenis produk', 'produk usaha', 'jenis usaha'] },
  { key: 'businessAddress', label: { id: 'Alamat usaha', en: 'Business address' }, required: false, aliases: ['alamat usaha', 'lokasi usaha'] },
  { key: 'businessKelurahan', label: { id: 'Kelurahan usaha', en: 'Business kelurahan' }, required: false, aliases: ['kelurahan usaha'] },
  { key: 'capital', label: { id: 'Modal usaha', en: 'Business capital' }, required: false, aliases: ['modal', 'modal usaha', 'modal rp'] },
  {
    key: 'monthlyTurnover',
    label: { id: 'Omzet bulanan', en: 'Monthly turnover' },
    required: false,
    aliases: ['omzet', 'omset', 'omzet bulanan', 'omset bulanan', 'omzet per bulan', 'omset per bulan', 'omzet rp'],
  },
  {
    key: 'employees',
    label: { id: 'Jumlah tenaga kerja', en: 'Number of employees' },
    required: false,
    aliases: ['tenaga kerja', 'jumlah tenaga kerja', 'karyawan', 'jumlah karyawan', 'tk'],
  },
  { key: 'npwp', label: { id: 'NPWP', en: 'NPWP' }, required: false, aliases: ['npwp', 'no npwp'] },
  { key: 'nib', label: { id: 'NIB', en: 'NIB' }, required: false, aliases: ['nib', 'no nib'] },
  {
    key: 'startDate',
    label: { id: 'Mulai usaha', en: 'Business started' },
    required: false,
    aliases: ['mulai usaha', 'tanggal mulai usaha', 'tgl mulai usaha'],
  },
  {
    key: 'placeStatus',
    label: { id: 'Status tempat usaha', en: 'Premises status' },
    required: false,
    aliases: ['status tempat', 'status tempat usaha', 'status lokasi'],
  },
] as const;

export type ImportFieldKey = (typeof importFields)[number]['key'];
export const importFieldKeys = importFields.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];
export type Mapping = Partial<Record<ImportFieldKey, string>>;

export const headerKey = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Suggests, for each field, the header whose wording matches one of the field's names. */
export function suggestMapping(headers: string[]): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const f of importFields) {
    const hit = headers.find((h) => !used.has(h) && (f.aliases as readonly string[]).includes(headerKey(h)));
    if (hit) {
      mapping[f.key] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

const simple = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

const months: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
};

/** 'YYYY-MM-DD' from the ways dates come in offices' files, or null. */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const iso = (y: number, m: number, d: number) =>
    isRealDate(y, m, d) ? `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(s);
  if (m && months[m[2].toLowerCase()]) return iso(+m[3], months[m[2].toLowerCase()], +m[1]);
  // An Excel date serial that reached us as a number (days since 1899-12-30).
  if (/^\d{4,5}$/.test(s) && +s > 1000 && +s < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86400_000);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** Whole rupiah from 'Rp 1.500.000', '1,500,000', '1500000,00'; null when not a number. */
export function parseRupiah(text: string): number | null {
  const s = text.replace(/rp\.?/i, '').replace(/\s+/g, '');
  if (s === '') return null;
  let n: number;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, '').replace(/,\d+$/, ''));
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) n = Number(s.replace(/,/g, '').replace(/\.\d+$/, ''));
  else if (/^\d+([.,]\d+)?$/.test(s)) n = Math.floor(Number(s.replace(',', '.')));
  else return null;
  return Number.isSafeInteger(n) ? n : null;
}

const genderWords: Record<string, 'L' | 'P'> = {
  l: 'L',
  lk: 'L',
  lakilaki: 'L',
  laki: 'L',
  pria: 'L',
  m: 'L',
  p: 'P',
  pr: 'P',
  perempuan: 'P',
  wanita: 'P',
  w: 'P',
  f: 'P',
};
const targetWords: Record<string, RegisterInput['targetGroup']> = {
  pemula: 'pemula',
  wirausahapemula: 'pemula',
  naikkelas: 'naik_kelas',
  wirausahanaikkelas: 'naik_kelas',
  pencarikerja: 'pencari_kerja',
  keluargamiskin: 'keluarga_miskin',
  gakin: 'keluarga_miskin',
  disabilitas: 'disabilitas',
  penyandangdisabilitas: 'disabilitas',
  difabel: 'disabilitas',
};
const skpdWords: Record<string, RegisterInput['skpd']> = {
  ppkukmukm: 'ppkukm_ukm',
  ukm: 'ppkukm_ukm',
  ppkukm: 'ppkukm_ukm',
  ppkukmikm: 'ppkukm_ikm',
  ikm: 'ppkukm_ikm',
  sosial: 'sosial',
  dinsos: 'sosial',
  dinassosial: 'sosial',
  parekraf: 'parekraf',
  nakertransgi: 'nakertransgi',
  nakertrans: 'nakertransgi',
  ppapp: 'ppapp',
  kpkp: 'kpkp',
};
const legalWords: Record<string, string> = {
  perorangan: 'perorangan',
  perseorangan: 'perorangan',
  cv: 'cv',
  firma: 'firma',
  fa: 'firma',
  koperasi: 'koperasi',
  pt: 'pt',
  ptperorangan: 'pt_perorangan',
  lainnya: 'lainnya',
};
const educationWords: Record<string, string> = {
  tidaksekolah: 'tidak_sekolah',
  belumsekolah: 'tidak_sekolah',
  sd: 'sd',
  smp: 'smp',
  sltp: 'smp',
  sma: 'sma',
  smk: 'sma',
  slta: 'sma',
  ma: 'sma',
  d1: 'diploma',
  d2: 'diploma',
  d3: 'diploma',
  d4: 'diploma',
  diploma: 'diploma',
  s1: 's1',
  s2: 's2',
  s3: 's3',
};
const placeWords: Record<string, string> = {
  milik: 'milik',
  miliksendiri: 'milik',
  sendiri: 'milik',
  sewa: 'sewa',
  kontrak: 'sewa',
  pinjam: 'pinjam',
  numpang: 'pinjam',
};

export interface ImportDefaults {
  targetGroup: RegisterInput['targetGroup'];
  skpd: RegisterInput['skpd'];
}

export interface ImportContext {
  ref: Reference;
  /** Kelurahan code by normalised name: the office's own first, then the unique DKI name. */
  kelurahanByName: Map<string, string | null>;
  today: string;
  defaults: ImportDefaults;
}

export function kelurahanIndex(ref: Reference, officeKecamatan: string): Map<string, string | null> {
  const index = new Map<string, string | null>();
  const own = new Map<string, string>();
  for (const [kode, k] of ref.kelurahan) {
    const key = normaliseName(k.nama);
    if (k.kecamatan === officeKecamatan) own.set(key, kode);
    index.set(key, index.has(key) ? null : kode); // null: the name exists in several places
  }
  for (const [key, kode] of own) index.set(key, kode);
  return index;
}

function resolveKelurahan(text: string, ctx: ImportContext): string | null {
  const s = text.trim();
  if (/^31\.\d{2}\.\d{2}\.\d{4}$/.test(s)) return s;
  if (/^31\d{8}$/.test(s)) return `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4, 6)}.${s.slice(6)}`;
  const key = normaliseName(s.replace(/^(kel\.?|kelurahan)\s+/i, ''));
  return ctx.kelurahanByName.get(key) ?? null;
}

export type RowResult =
  | { row: number; status: 'valid'; input: RegisterInput; checked: CheckedMember }
  | { row: number; status: 'invalid'; reason: Phrase; fields: FieldPhrases }
  | { row: number; status: 'terdaftar'; reason: Phrase };

/** Converts and checks one spreadsheet row (1-based row number as in the file). */
/**
 * A row's reason, each problem once: a NIK that disagrees with the birth date is reported
 * under the NIK and under the birth date, but the row's reason says it once.
 */
export function reasonOf(fields: FieldPhrases): Phrase {
  return phraseOf((l) => {
    const seen = new Set<string>();
    for (const message of Object.values(fields)) for (const part of message[l].split('; ')) if (part.trim()) seen.add(part.trim());
    return [...seen].join('; ');
  });
}

export function convertRow(row: number, cells: Partial<Record<ImportFieldKey, string>>, ctx: ImportContext): RowResult {
  const fields: FieldPhrases = {};
  const get = (k: ImportFieldKey) => (cells[k] ?? '').trim();
  const labelOf = (k: ImportFieldKey): Phrase => importFields.find((f) => f.key === k)?.label ?? verbatim(k);
  const pick = <T>(k: ImportFieldKey, words: Record<string, T>): T | undefined => {
    const v = get(k);
    if (v === '') return undefined;
    const hit = words[simple(v)];
    if (hit === undefined) fields[k] = { id: `${labelOf(k).id}: '${v}' tidak dikenal`, en: `${labelOf(k).en}: '${v}' is not known` };
    return hit;
  };
  const date = (k: ImportFieldKey, text = get(k)): string | undefined => {
    if (text === '') return undefined;
    const d = parseDateText(text);
    if (!d)
      fields[k] = {
        id: `${labelOf(k).id}: '${text}' bukan tanggal yang sah (tulis HH-BB-TTTT)`,
        en: `${labelOf(k).en}: '${text}' is not a valid date (write DD-MM-YYYY)`,
      };
    return d ?? undefined;
  };
  const money = (k: ImportFieldKey): number => {
    const v = get(k);
    if (v === '') return 0;
    const n = parseRupiah(v);
    if (n === null) fields[k] = { id: `${labelOf(k).id}: '${v}' bukan jumlah rupiah`, en: `${labelOf(k).en}: '${v}' is not an amount of rupiah` };
    return n ?? 0;
  };

  let nik = get('nik');
  if (nik.startsWith(NUMBER_PRECISION_LOST)) {
    fields.nik = {
      id: 'NIK: tersimpan sebagai angka di Excel sehingga digit akhirnya hilang; format kolom NIK sebagai teks lalu isi ulang',
      en: 'NIK: stored as a number in Excel, so its last digits were lost; format the NIK column as text and fill it in again',
    };
    nik = nik.slice(NUMBER_PRECISION_LOST.length);
  }
  nik = nik.replace(/^'/, '');
  let birthPlace = get('birthPlace');
  let birthText = get('birthDate');
  if (get('birthPlaceDate') && !birthText) {
    const [place, ...rest] = get('birthPlaceDate').split(',');
    birthPlace ||= place.trim();
    birthText = rest.join(',').trim();
  }
  const birthDate = date('birthDate', birthText);
  const gender = pick('gender', genderWords);
  let rt = get('rt');
  let rw = get('rw');
  if (get('rtRw')) {
    const [a = '', b = ''] = get('rtRw').split(/[/\\-]/);
    rt ||= a.trim();
    rw ||= b.trim();
  }
  let kelurahanKode = '';
  if (!get('kelurahan')) fields.kelurahan = { id: 'Kelurahan: wajib diisi', en: 'Kelurahan: required' };
  else {
    kelurahanKode = resolveKelurahan(get('kelurahan'), ctx) ?? '';
    if (!kelurahanKode) {
      fields.kelurahan = {
        id: `Kelurahan: '${get('kelurahan')}' tidak ditemukan di DKI Jakarta (atau ada di beberapa kecamatan; tulis kodenya)`,
        en: `Kelurahan: '${get('kelurahan')}' is not found in DKI Jakarta (or is in several kecamatan; write its code)`,
      };
    }
  }
  let businessKelurahan = kelurahanKode;
  if (get('businessKelurahan')) {
    businessKelurahan = resolveKelurahan(get('businessKelurahan'), ctx) ?? '';
    if (!businessKelurahan) {
      fields.businessKelurahan = {
        id: `Kelurahan usaha: '${get('businessKelurahan')}' tidak ditemukan di DKI Jakarta`,
        en: `Business kelurahan: '${get('businessKelurahan')}' is not found in DKI Jakarta`,
      };
    }
  }
  let kbli = get('kbli').replace(/\D/g, '');
  if (kbli.length === 4) kbli = `0${kbli}`;
  const employeesText = get('employees').replace(/\D/g, '');
  const startText = get('startDate');
  const startDate = /^\d{4}$/.test(startText) ? `${startText}-01-01` : date('startDate');
  const raw = {
    nik,
    kk: get('kk').replace(/^'/, '') || null,
    fullName: get('fullName'),
    birthPlace: birthPlace || null,
    birthDate: birthDate ?? '',
    gender,
    education: pick('education', educationWords) ?? null,
    addressStreet: get('addressStreet'),
    rt: rt || null,
    rw: rw || null,
    kelurahanKode: kelurahanKode || '31.00.00.0000',
    phone: get('phone') || null,
    email: get('email') || null,
    targetGroup: pick('targetGroup', targetWords) ?? ctx.defaults.targetGroup,
    skpd: pick('skpd', skpdWords) ?? ctx.defaults.skpd,
    registeredOn: date('registeredOn') ?? null,
    businesses: [
      {
        name: get('businessName'),
        legalForm: pick('legalForm', legalWords) ?? 'perorangan',
        kbliKode: kbli,
        products: get('products') || null,
        addressStreet: get('businessAddress') || get('addressStreet'),
        kelurahanKode: businessKelurahan || '31.00.00.0000',
        phone: null,
        startDate: startDate ?? null,
        placeStatus: pick('placeStatus', placeWords) ?? null,
        capital: money('capital'),
        monthlyTurnover: money('monthlyTurnover'),
        employees: employeesText ? Math.min(100_000, Number(employeesText)) : 0,
        npwp: get('npwp') || null,
        nib: get('nib') || null,
      },
    ],
  };
  const parsed = registerInput.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(registerInput, parsed.error.issues);
    for (const [k, v] of Object.entries(issues)) {
      // Skip messages about values this function already explained.
      const explained = (key: string) => Object.hasOwn(fields, key);
      if (k === 'birthDate' && explained('birthDate')) continue;
      if (
        (k === 'kelurahanKode' && explained('kelurahan')) ||
        (k === 'businesses.0.kelurahanKode' && (explained('businessKelurahan') || explained('kelurahan')))
      )
        continue;
      fields[k] = { id: v.id.replace(/^Usaha › baris 1 › /, ''), en: v.en.replace(/^Business › row 1 › /, '') };
    }
  }
  if (Object.keys(fields).length || !parsed.success) return { row, status: 'invalid', reason: reasonOf(fields), fields };
  const checked = checkRegistration(parsed.data, ctx.ref, ctx.today);
  if (Object.keys(checked.fields).length) {
    const f = Object.fromEntries(Object.entries(checked.fields).map(([k, v]) => [k.replace(/^businesses\.0\./, 'business.'), v]));
    return { row, status: 'invalid', reason: reasonOf(f), fields: f };
  }
  return { row, status: 'valid', input: parsed.data, checked: checked.value };
}
