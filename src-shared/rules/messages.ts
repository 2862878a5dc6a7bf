// Result shape and message phrases shared by the registration rules.
//
// Rules never throw on bad user input: they return a result whose message is shown as is to
// the clerk (in the clerk's language: messages are phrases, both languages), so every message
// starts with the field's label ("NIK: ..."). Rules do throw on programmer errors (for example
// a malformed `today`).
import type { Phrase } from '../i18n';

export interface RuleOk<T> {
  ok: true;
  value: T;
}
export interface RuleFail {
  ok: false;
  message: Phrase;
}
export type RuleResult<T> = RuleOk<T> | RuleFail;

export function ok<T>(value: T): RuleOk<T> {
  return { ok: true, value };
}

export function fail(message: Phrase): RuleFail {
  return { ok: false, message };
}

// Field labels as the clerk sees them on the forms.
export const FIELD = {
  nik: { id: 'NIK', en: 'NIK' },
  kk: { id: 'No. KK', en: 'No. KK' },
  npwp: { id: 'NPWP', en: 'NPWP' },
  phone: { id: 'Nomor telepon', en: 'Phone number' },
  birthDate: { id: 'Tanggal lahir', en: 'Date of birth' },
  capital: { id: 'Modal usaha', en: 'Business capital' },
  monthlyTurnover: { id: 'Omzet bulanan', en: 'Monthly turnover' },
  scale: { id: 'Skala usaha', en: 'Business scale' },
} as const satisfies Record<string, Phrase>;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Dates in messages use the Indonesian DD-MM-YYYY order, as printed on KTP and KK.
export function formatDateId(year: number, month: number, day: number): string {
  return `${pad2(day)}-${pad2(month)}-${String(year).padStart(4, '0')}`;
}

/** "Field: message" in both languages. */
const says = (field: Phrase, id: string, en: string): Phrase => ({ id: `${field.id}: ${id}`, en: `${field.en}: ${en}` });

export const msg = {
  says,
  required: (field: Phrase): Phrase => says(field, 'wajib diisi', 'required'),
  digitsOnly: (field: Phrase): Phrase => says(field, 'hanya boleh berisi angka', 'digits only'),
  length: (field: Phrase, expected: Phrase, actual: number): Phrase =>
    says(field, `harus ${expected.id} digit, terisi ${actual} digit`, `must be ${expected.en} digits, ${actual} entered`),
  notInCalendar: (field: Phrase, what: Phrase, date: string): Phrase =>
    says(field, `${what.id} ${date} tidak ada di kalender`, `${what.en} ${date} does not exist`),
  provinceUnknown: (field: Phrase, code: string): Phrase => says(field, `kode provinsi ${code} tidak ada`, `no province has code ${code}`),
  kotaUnknown: (field: Phrase, code: string): Phrase => says(field, `kode kota/kabupaten ${code} tidak ada`, `no kota/kabupaten has code ${code}`),
  kecamatanUnknown: (field: Phrase, code: string): Phrase => says(field, `kode kecamatan ${code} tidak ada`, `no kecamatan has code ${code}`),
  serialZero: (field: Phrase): Phrase =>
    says(field, 'nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)', 'serial number 0000 is not valid (serial numbers start at 0001)'),
  notRupiah: (field: Phrase): Phrase => says(field, 'harus berupa bilangan bulat rupiah, tidak boleh negatif', 'must be whole rupiah, not negative'),
};

/** What a date in a message is: "tanggal lahir" (of birth), "tanggal pencatatan" (of registration). */
export const DATE_OF = {
  birth: { id: 'tanggal lahir', en: 'date of birth' },
  registration: { id: 'tanggal pencatatan', en: 'registration date' },
} as const satisfies Record<string, Phrase>;
